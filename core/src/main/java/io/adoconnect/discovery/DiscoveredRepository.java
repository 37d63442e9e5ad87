package io.adoconnect.discovery;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A repository a user can add as a source, with everything needed to clone and show it.
 *
 * @param organizationUrl the organization's or Server collection's base URL: tells two Servers'
 *     {@code DefaultCollection} apart
 * @param account the connected account it was found with (null until connect sets it)
 */
public record DiscoveredRepository(
    String organization,
    String project,
    String name,
    String id,
    String defaultBranch,
    String webUrl,
    String sshUrl,
    String cloneUrl,
    long size,
    String organizationUrl,
    String account) {

  /** The same repository, as found with {@code accountId}. */
  public DiscoveredRepository withAccount(String accountId) {
    return new DiscoveredRepository(
        organization,
        project,
        name,
        id,
        defaultBranch,
        webUrl,
        sshUrl,
        cloneUrl,
        size,
        organizationUrl,
        accountId);
  }

  /** By organization, then project, then name, ignoring case; exact text and id break ties. */
  public static final Comparator<DiscoveredRepository> ORDER =
      Comparator.comparing((DiscoveredRepository r) -> fold(r.organization))
          .thenComparing(r -> fold(r.project))
          .thenComparing(r -> fold(r.name))
          .thenComparing(DiscoveredRepository::path)
          .thenComparing(DiscoveredRepository::id);

  /**
   * Sorts in {@link #ORDER}, folding each name once instead of at every comparison: on 11,000
   * repositories the folding comparator alone cost more than parsing them.
   */
  public static List<DiscoveredRepository> sort(Collection<DiscoveredRepository> repositories) {
    // One key per repository; NUL sorts below every character, so "app" comes before "app x".
    record Keyed(String key, DiscoveredRepository repository) {}
    return repositories.stream()
        .map(
            r ->
                new Keyed(
                    String.join(
                        "\0", fold(r.organization), fold(r.project), fold(r.name), r.path(), r.id),
                    r))
        .sorted(Comparator.comparing(Keyed::key))
        .map(Keyed::repository)
        .toList();
  }

  /** {@code organization/project/name}, the form users type to add a source. */
  public String path() {
    return organization + "/" + project + "/" + name;
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
