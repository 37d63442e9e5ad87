package io.adoconnect.connect;

import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryResult;
import java.util.List;

/** Repositories across the chosen accounts, sorted, and the organizations that failed. */
public record RepositoryListing(
    List<DiscoveredRepository> repositories, List<DiscoveryResult.Failure> failures) {
  public RepositoryListing {
    repositories = List.copyOf(repositories);
    failures = List.copyOf(failures);
  }
}
