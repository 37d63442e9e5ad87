package io.adoconnect.discovery;

import io.adoconnect.AdoConnectException;
import java.util.List;

/** The sorted repositories found, and the organizations that could not be searched and why. */
public record DiscoveryResult(List<DiscoveredRepository> repositories, List<Failure> failures) {
  public DiscoveryResult {
    repositories = List.copyOf(repositories);
    failures = List.copyOf(failures);
  }

  public record Failure(String organization, AdoConnectException error) {}
}
