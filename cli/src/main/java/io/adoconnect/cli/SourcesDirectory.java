package io.adoconnect.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where source clones live: {@code ADO_CONNECT_SOURCES_DIR}, else {@code <data dir>/sources} — the
 * one place {@code sources sync} and the single-user service's fetches share, so the service keeps
 * fresh the clones the user's Git and agents work in. A team deployment keeps its end users' clones
 * apart, under {@code <data dir>/team-sources} by default, one directory per application and end
 * user.
 */
final class SourcesDirectory {
  static final String VARIABLE = "ADO_CONNECT_SOURCES_DIR";

  private SourcesDirectory() {}

  static Path of(Map<String, String> env, Path dataDir, boolean team) {
    String configured = env.get(VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.strip()).toAbsolutePath();
    }
    return dataDir.resolve(team ? "team-sources" : "sources").toAbsolutePath();
  }
}
