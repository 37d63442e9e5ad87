package io.adoconnect.connect;

import io.adoconnect.discovery.DiscoveryResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a streamed repository listing came to, once its organizations were handed over.
 *
 * @param repositories how many were handed over
 * @param failures the organizations that could not be searched
 * @param keptFrom when the listing was made, if it was read from the store instead of from Azure
 *     DevOps (see {@link ListingFreshness})
 * @param keptVersion which kept listing was read, if one was: the same version is the same listing,
 *     so a front-end may cache what it made of it under this key ({@link
 *     AdoConnect#keptListingVersion})
 */
public record ListingSummary(
    int repositories,
    List<DiscoveryResult.Failure> failures,
    Optional<Instant> keptFrom,
    Optional<String> keptVersion) {
  public ListingSummary {
    failures = List.copyOf(failures);
  }
}
