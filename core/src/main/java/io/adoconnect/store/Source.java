package io.adoconnect.store;

import java.time.Instant;
import java.util.Locale;

/**
 * A repository picked for the software to work on. Identified by host, organization, project and
 * repository name — compared without regard to case, as Azure DevOps does — so adding the same
 * repository twice gives back the first {@code Source}. It outlives the account that added it.
 *
 * <p>{@code repositoryId}, {@code cloneUrl} and {@code webUrl} are as Azure DevOps reports them and
 * may be null when a source was added by name only.
 *
 * @param accountId the account that added it (it may since have been disconnected)
 * @param host {@code "services"} or the Azure DevOps Server URL, as in {@link Account#host()}
 * @param organization for Azure DevOps Server, the collection
 */
public record Source(
    String id,
    String accountId,
    String host,
    String organization,
    String project,
    String repository,
    String repositoryId,
    String cloneUrl,
    String webUrl,
    Instant addedAt) {

  public Source {
    Require.text(id, "The source id");
    Require.text(accountId, "The source's account id");
    Require.text(host, "The source host");
    Require.text(organization, "The organization");
    Require.text(project, "The project");
    Require.text(repository, "The repository");
    addedAt = Require.millis(Require.present(addedAt, "The time the source was added"));
  }

  /** {@code organization/project/repository}, as shown in listings. */
  public String path() {
    return organization + "/" + project + "/" + repository;
  }

  /** What makes two sources the same repository: the case-folded host and path. */
  String matchKey() {
    return (host + "\n" + organization + "\n" + project + "\n" + repository)
        .toLowerCase(Locale.ROOT);
  }
}
