package io.adoconnect.discovery;

import io.adoconnect.devops.Organization;
import java.util.List;
import java.util.Optional;

/**
 * Which organizations to search, in order of precedence: one the user named, else the ones saved
 * with the account, else every organization the user's profile lists.
 */
public record DiscoveryScope(Optional<String> organization, List<Organization> saved) {
  public DiscoveryScope {
    saved = List.copyOf(saved);
  }

  public static DiscoveryScope saved(List<Organization> saved) {
    return new DiscoveryScope(Optional.empty(), saved);
  }
}
