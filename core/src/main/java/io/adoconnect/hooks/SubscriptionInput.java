package io.adoconnect.hooks;

import io.adoconnect.auth.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * A webHooks subscription to create: events of {@code eventType} in a project (and repository, for
 * Git events) are POSTed to {@code receiverUrl} with {@code Authorization: Basic
 * username:password}.
 *
 * @param repositoryId null for every repository of the project
 */
public record SubscriptionInput(
    String eventType,
    String projectId,
    String repositoryId,
    URI receiverUrl,
    String username,
    Secret password) {

  public SubscriptionInput {
    HookEventTypes.check(eventType);
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(receiverUrl, "receiverUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }
}
