package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freshness rule of kept repository listings, on a clock the test moves. */
class RepositoryListingsTest {
  private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
  private static final DiscoveredRepository REPO =
      new DiscoveredRepository(
          "org-001",
          "Project",
          "web",
          "id-1",
          "refs/heads/main",
          "https://dev.azure.com/org-001/Project/_git/web",
          "git@ssh.dev.azure.com:v3/org-001/Project/web",
          "https://dev.azure.com/org-001/Project/_git/web",
          42,
          "https://dev.azure.com/org-001",
          "acc1");

  @TempDir Path tmp;

  @Test
  void aKeptListingIsUsedUntilItIsMaxAgeOldOrTheAccountsChange() {
    try (Store store = Store.open(tmp)) {
      List<Account> accounts = List.of(patAccount("acc1", T0));
      RepositoryListing listed = new RepositoryListing(List.of(REPO), List.of());
      new RepositoryListings(store, at(T0))
          .keep(Optional.empty(), Optional.empty(), accounts, listed);
      ListingFreshness tenMinutes = new ListingFreshness(Duration.ofMinutes(10));

      Optional<RepositoryListing> read =
          new RepositoryListings(store, at(T0.plusSeconds(599)))
              .read(Optional.empty(), Optional.empty(), accounts, tenMinutes);
      assertThat(read).isPresent();
      assertThat(read.get().repositories()).containsExactly(REPO);
      assertThat(read.get().keptFrom()).contains(T0);

      assertThat(
              new RepositoryListings(store, at(T0.plusSeconds(600)))
                  .read(Optional.empty(), Optional.empty(), accounts, tenMinutes))
          .as("ten minutes old")
          .isEmpty();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.of("org-001"), accounts, tenMinutes))
          .as("another scope")
          .isEmpty();
      List<Account> another = List.of(patAccount("acc1", T0), patAccount("acc2", T0));
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.empty(), another, tenMinutes))
          .as("another account connected")
          .isEmpty();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.empty(), accounts, ListingFreshness.REFRESH))
          .isEmpty();

      store.forgetRepositoryListings();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.empty(), accounts, tenMinutes))
          .as("forgotten after a repository event")
          .isEmpty();
    }
  }

  private static Account patAccount(String id, Instant connectedAt) {
    return new Account(
        id,
        ConnectionMethod.PAT,
        "services",
        "Ada Lovelace",
        "ada@fabrikam.com",
        null,
        null,
        connectedAt,
        connectedAt.plusSeconds(86_400 * 30),
        List.of("org-001"));
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }
}
