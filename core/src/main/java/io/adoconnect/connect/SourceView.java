package io.adoconnect.connect;

import io.adoconnect.store.Source;
import java.time.Instant;

/** A source as users see it: the repository and whether its account is still connected. */
public record SourceView(
    String id,
    String organization,
    String project,
    String repository,
    String repositoryId,
    String cloneUrl,
    String webUrl,
    String accountId,
    Instant addedAt,
    String status) {

  static SourceView of(Source source, boolean connected) {
    return new SourceView(
        source.id(),
        source.organization(),
        source.project(),
        source.repository(),
        source.repositoryId(),
        source.cloneUrl(),
        source.webUrl(),
        source.accountId(),
        source.addedAt(),
        connected ? "connected" : "disconnected");
  }

  public String path() {
    return organization + "/" + project + "/" + repository;
  }
}
