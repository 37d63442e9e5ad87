package io.adoconnect.store;

import java.time.Instant;

/**
 * A service hook subscription ado-connect created, as stored (its sealed password is kept beside
 * it, never in this record).
 *
 * @param id the local id, the last segment of the receiver URL
 * @param remoteId Azure DevOps' subscription id; null until Azure DevOps created it
 * @param repository null for a project-wide subscription (build events)
 */
public record HookSubscriptionRecord(
    String id,
    String remoteId,
    String accountId,
    String organization,
    String project,
    String projectId,
    String repository,
    String repositoryId,
    String eventType,
    String receiverUrl,
    Instant createdAt) {

  public HookSubscriptionRecord {
    Require.text(id, "The subscription id");
    Require.text(accountId, "The subscription's account id");
    Require.text(organization, "The organization");
    Require.text(project, "The project");
    Require.text(projectId, "The project id");
    Require.text(eventType, "The event type");
    Require.text(receiverUrl, "The receiver URL");
    createdAt = Require.millis(Require.present(createdAt, "The creation time"));
  }

  public HookSubscriptionRecord withRemoteId(String value) {
    return new HookSubscriptionRecord(
        id,
        value,
        accountId,
        organization,
        project,
        projectId,
        repository,
        repositoryId,
        eventType,
        receiverUrl,
        createdAt);
  }

  /** {@code organization/project[/repository]}, as shown in listings. */
  public String path() {
    return organization + "/" + project + (repository == null ? "" : "/" + repository);
  }
}
