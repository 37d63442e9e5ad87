package io.adoconnect.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.adoconnect.store.Source;
import java.time.Instant;

/**
 * A source as users see it: the repository, whether its account is still connected, and when it
 * last changed — the arrival of its newest trusted {@code git.push} event ({@code null} when none
 * came).
 */
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
    String status,
    Instant lastChanged) {

  static SourceView of(Source source, boolean connected) {
    return of(source, connected, null);
  }

  static SourceView of(Source source, boolean connected, Instant lastChanged) {
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
        connected ? "connected" : "disconnected",
        lastChanged);
  }

  /** {@code ORGANIZATION/PROJECT/REPOSITORY}, in JSON too. */
  @JsonProperty("path")
  public String path() {
    return organization + "/" + project + "/" + repository;
  }
}
