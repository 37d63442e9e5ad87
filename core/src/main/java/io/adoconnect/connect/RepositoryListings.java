package io.adoconnect.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.http.Json;
import io.adoconnect.store.Account;
import io.adoconnect.store.Store;
import io.adoconnect.store.StoredListing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last complete repository listing per scope in the store and reads it back while it is
 * fresh ({@link ListingFreshness}), so a second {@code repos} with nothing changed makes no
 * request.
 */
final class RepositoryListings {
  private static final Logger log = LoggerFactory.getLogger(RepositoryListings.class);
  private static final TypeReference<List<DiscoveredRepository>> LIST = new TypeReference<>() {};

  private final Store store;
  private final Clock clock;

  RepositoryListings(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The kept listing for this scope and these accounts, if it is fresh enough. */
  Optional<RepositoryListing> read(
      Optional<String> accountId,
      Optional<String> organization,
      List<Account> accounts,
      ListingFreshness freshness) {
    if (freshness.maxAge().isZero()) {
      return Optional.empty();
    }
    Optional<StoredListing> kept = store.repositoryListing(scope(accountId, organization));
    if (kept.isEmpty() || !kept.get().accounts().equals(fingerprint(accounts))) {
      return Optional.empty();
    }
    Instant listedAt = kept.get().listedAt();
    Duration age = Duration.between(listedAt, clock.instant());
    if (age.isNegative() || age.compareTo(freshness.maxAge()) >= 0) {
      return Optional.empty();
    }
    try {
      List<DiscoveredRepository> repositories =
          Json.MAPPER.readValue(kept.get().repositories(), LIST);
      log.debug(
          "repositories read from the store: {} listed at {} ({} s ago)",
          repositories.size(),
          listedAt,
          age.toSeconds());
      return Optional.of(new RepositoryListing(repositories, List.of(), Optional.of(listedAt)));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // written by another version: list again
    }
  }

  /** Keeps a complete listing (one where every organization answered). */
  void keep(
      Optional<String> accountId,
      Optional<String> organization,
      List<Account> accounts,
      RepositoryListing listing) {
    if (!listing.failures().isEmpty()) {
      return;
    }
    try {
      store.saveRepositoryListing(
          new StoredListing(
              scope(accountId, organization),
              fingerprint(accounts),
              clock.instant(),
              Json.MAPPER.writeValueAsString(listing.repositories())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a repository listing could not be written as JSON", e);
    }
  }

  static String scope(Optional<String> accountId, Optional<String> organization) {
    return "account="
        + accountId.orElse("*")
        + ";org="
        + organization.map(o -> o.toLowerCase(Locale.ROOT)).orElse("*");
  }

  /** Which accounts, reaching which organizations: connecting or disconnecting changes it. */
  static String fingerprint(List<Account> accounts) {
    return accounts.stream()
        .sorted(Comparator.comparing(Account::id))
        .map(a -> a.id() + "@" + a.host() + ":" + String.join(",", a.organizations()))
        .collect(Collectors.joining(";"));
  }
}
