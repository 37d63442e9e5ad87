package io.adoconnect.connect;

import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Repositories across the chosen accounts, sorted, and the organizations that failed.
 *
 * @param keptFrom when the listing was made, if it was read from the store instead of from Azure
 *     DevOps (see {@link ListingFreshness})
 */
public record RepositoryListing(
    List<DiscoveredRepository> repositories,
    List<DiscoveryResult.Failure> failures,
    Optional<Instant> keptFrom) {
  public RepositoryListing {
    repositories = List.copyOf(repositories);
    failures = List.copyOf(failures);
  }

  /** A listing just made by asking Azure DevOps. */
  public RepositoryListing(
      List<DiscoveredRepository> repositories, List<DiscoveryResult.Failure> failures) {
    this(repositories, failures, Optional.empty());
  }
}
