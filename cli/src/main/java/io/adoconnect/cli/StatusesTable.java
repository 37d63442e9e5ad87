package io.adoconnect.cli;

import java.util.List;

/** The table of statuses, the same for a commit's ({@code status list}) and a pull request's. */
final class StatusesTable {
  static final List<String> HEADER =
      List.of("STATE", "CONTEXT", "DESCRIPTION", "CREATED", "TARGET URL");

  private StatusesTable() {}

  /** One status's cells; {@code contextName} is null when the status has no context. */
  static List<String> row(
      String state,
      String contextGenre,
      String contextName,
      String description,
      String created,
      String targetUrl) {
    return List.of(
        state,
        contextName == null
            ? "-"
            : contextGenre == null ? contextName : contextGenre + "/" + contextName,
        Output.orDash(description),
        Output.orDash(created),
        Output.orDash(targetUrl));
  }
}
