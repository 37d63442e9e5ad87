package io.adoconnect.discovery;

import java.util.Comparator;
import java.util.Locale;

/** A repository a user can add as a source, with everything needed to clone and show it. */
public record DiscoveredRepository(
    String organization,
    String project,
    String name,
    String id,
    String defaultBranch,
    String webUrl,
    String sshUrl,
    String cloneUrl,
    long size) {

  /** By organization, then project, then name, ignoring case; exact text and id break ties. */
  public static final Comparator<DiscoveredRepository> ORDER =
      Comparator.comparing((DiscoveredRepository r) -> fold(r.organization))
          .thenComparing(r -> fold(r.project))
          .thenComparing(r -> fold(r.name))
          .thenComparing(DiscoveredRepository::path)
          .thenComparing(DiscoveredRepository::id);

  /** {@code organization/project/name}, the form users type to add a source. */
  public String path() {
    return organization + "/" + project + "/" + name;
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
