package io.adoconnect.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.adoconnect.AdoConnectException;
import io.adoconnect.NextStep;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.discovery.OrganizationSink;
import io.adoconnect.http.Json;
import io.adoconnect.store.Account;
import io.adoconnect.store.Ids;
import io.adoconnect.store.ListingPart;
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
 * Keeps the last complete repository listing per scope in the store, one organization per row, and
 * reads it back while it is fresh ({@link ListingFreshness}), so a second {@code repos} with
 * nothing changed makes no request. Both ways go one organization at a time, so neither holds a
 * listing of 100,000 repositories at once.
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

  /**
   * Hands the kept listing for this scope and these accounts to {@code sink}, if it is fresh
   * enough; otherwise hands over nothing.
   */
  Optional<ListingSummary> read(
      Optional<String> accountId,
      Optional<String> organization,
      List<Account> accounts,
      ListingFreshness freshness,
      OrganizationSink sink) {
    if (freshness.maxAge().isZero()) {
      return Optional.empty();
    }
    String fingerprint = fingerprint(accounts);
    Instant now = clock.instant();
    int[] count = {0};
    Optional<StoredListing> used =
        store.readRepositoryListing(
            scope(accountId, organization),
            head -> head.accounts().equals(fingerprint) && young(head, now, freshness),
            part -> {
              List<DiscoveredRepository> repositories = parse(part);
              count[0] += repositories.size();
              sink.accept(part.organization(), repositories);
            });
    used.ifPresent(
        head ->
            log.debug(
                "repositories read from the store: {} listed at {} ({} s ago)",
                count[0],
                head.listedAt(),
                Duration.between(head.listedAt(), now).toSeconds()));
    return used.map(
        head ->
            new ListingSummary(
                count[0], List.of(), Optional.of(head.listedAt()), Optional.of(head.generation())));
  }

  /** The version of the kept listing {@link #read} would hand over now, without reading it. */
  Optional<String> version(
      Optional<String> accountId,
      Optional<String> organization,
      List<Account> accounts,
      ListingFreshness freshness) {
    if (freshness.maxAge().isZero()) {
      return Optional.empty();
    }
    String fingerprint = fingerprint(accounts);
    Instant now = clock.instant();
    return store
        .repositoryListing(scope(accountId, organization))
        .filter(head -> head.accounts().equals(fingerprint) && young(head, now, freshness))
        .map(StoredListing::generation);
  }

  private static boolean young(StoredListing head, Instant now, ListingFreshness freshness) {
    Duration age = Duration.between(head.listedAt(), now);
    return !age.isNegative() && age.compareTo(freshness.maxAge()) < 0;
  }

  private List<DiscoveredRepository> parse(ListingPart part) {
    try {
      return Json.MAPPER.readValue(part.repositories(), LIST);
    } catch (JsonProcessingException e) {
      // Written by another version. Forget it, so the next listing asks Azure DevOps and keeps
      // a readable one; this one has been handed over in part already and can't fall back.
      store.forgetRepositoryListings();
      throw new AdoConnectException(
          "The repository listing kept in the store could not be read; it has been forgotten.",
          NextStep.of(
              NextStep.Action.RETRY_LATER, "Try again: the next listing asks Azure DevOps."),
          e);
    }
  }

  /**
   * A sink that keeps each organization it is handed (then passes it on to {@code next}); {@link
   * Keeper#finish} makes it the scope's listing when every organization answered.
   */
  Keeper keeper(
      Optional<String> accountId,
      Optional<String> organization,
      List<Account> accounts,
      OrganizationSink next) {
    return new Keeper(scope(accountId, organization), fingerprint(accounts), next);
  }

  /** Keeps a listing one organization at a time as it is handed over. */
  final class Keeper implements OrganizationSink {
    private final String scope;
    private final String fingerprint;
    private final OrganizationSink next;
    private final String generation = Ids.newId();
    private final Instant startedAt = clock.instant();
    private int parts;

    private Keeper(String scope, String fingerprint, OrganizationSink next) {
      this.scope = scope;
      this.fingerprint = fingerprint;
      this.next = next;
    }

    @Override
    public void accept(String organization, List<DiscoveredRepository> repositories) {
      try {
        store.saveRepositoryListingPart(
            scope,
            generation,
            new ListingPart(
                parts++,
                organization.toLowerCase(Locale.ROOT),
                Json.MAPPER.writeValueAsString(repositories)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a repository listing could not be written as JSON", e);
      }
      next.accept(organization, repositories);
    }

    /**
     * Completes the kept listing when no organization failed, else drops what was kept of it. Its
     * time is when listing began, so a change made while it ran counts against its age.
     */
    void finish(List<DiscoveryResult.Failure> failures) {
      if (failures.isEmpty()) {
        store.completeRepositoryListing(
            new StoredListing(scope, fingerprint, startedAt, generation, parts));
      } else {
        discard();
      }
    }

    void discard() {
      store.discardRepositoryListing(scope, generation);
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
