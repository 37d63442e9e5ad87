package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.AdoConnectException;
import io.adoconnect.NextStep;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.discovery.OrganizationSink;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
      keep(store, accounts, List.of(REPO));
      ListingFreshness tenMinutes = new ListingFreshness(Duration.ofMinutes(10));

      List<DiscoveredRepository> handed = new ArrayList<>();
      Optional<ListingSummary> read =
          new RepositoryListings(store, at(T0.plusSeconds(599)))
              .read(
                  Optional.empty(),
                  Optional.empty(),
                  accounts,
                  tenMinutes,
                  (org, found) -> handed.addAll(found));
      assertThat(read).isPresent();
      assertThat(handed).containsExactly(REPO);
      assertThat(read.get().keptFrom()).contains(T0);

      assertThat(
              new RepositoryListings(store, at(T0.plusSeconds(600)))
                  .read(Optional.empty(), Optional.empty(), accounts, tenMinutes, NOWHERE))
          .as("ten minutes old")
          .isEmpty();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.of("org-001"), accounts, tenMinutes, NOWHERE))
          .as("another scope")
          .isEmpty();
      List<Account> another = List.of(patAccount("acc1", T0), patAccount("acc2", T0));
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.empty(), another, tenMinutes, NOWHERE))
          .as("another account connected")
          .isEmpty();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(
                      Optional.empty(),
                      Optional.empty(),
                      accounts,
                      ListingFreshness.REFRESH,
                      NOWHERE))
          .isEmpty();

      store.forgetRepositoryListings();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.empty(), accounts, tenMinutes, NOWHERE))
          .as("forgotten after a repository event")
          .isEmpty();
    }
  }

  private static final OrganizationSink NOWHERE = (org, found) -> {};

  private static void keep(Store store, List<Account> accounts, List<DiscoveredRepository> repos) {
    RepositoryListings.Keeper keeper =
        new RepositoryListings(store, at(T0))
            .keeper(Optional.empty(), Optional.empty(), accounts, NOWHERE);
    keeper.accept("org-001", repos);
    keeper.finish(List.of());
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

  @Test
  void aRepositoryEventForgetsOnlyTheListingsThatIncludeItsOrganization() {
    try (Store store = Store.open(tmp)) {
      List<Account> accounts = List.of(patAccount("acc1", T0));
      keep(store, accounts, List.of(REPO));
      RepositoryListings.Keeper other =
          new RepositoryListings(store, at(T0))
              .keeper(Optional.empty(), Optional.of("org-002"), accounts, NOWHERE);
      other.accept("org-002", List.of());
      other.finish(List.of());
      ListingFreshness tenMinutes = new ListingFreshness(Duration.ofMinutes(10));

      assertThat(store.forgetRepositoryListings("ORG-001")).isEqualTo(1);

      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.empty(), accounts, tenMinutes, NOWHERE))
          .as("the listing with org-001")
          .isEmpty();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.of("org-002"), accounts, tenMinutes, NOWHERE))
          .as("org-002's own listing, even with no repositories")
          .isPresent();
    }
  }

  @Test
  void aListingIsKeptOnlyWhenEveryOrganizationAnsweredAndReplacesTheOneBefore() {
    try (Store store = Store.open(tmp)) {
      List<Account> accounts = List.of(patAccount("acc1", T0));
      ListingFreshness tenMinutes = new ListingFreshness(Duration.ofMinutes(10));
      RepositoryListings.Keeper failed =
          new RepositoryListings(store, at(T0))
              .keeper(Optional.empty(), Optional.empty(), accounts, NOWHERE);
      failed.accept("org-001", List.of(REPO));
      failed.finish(
          List.of(
              new DiscoveryResult.Failure(
                  "org-002", new AdoConnectException("refused", NextStep.NONE))));
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(Optional.empty(), Optional.empty(), accounts, tenMinutes, NOWHERE))
          .isEmpty();

      keep(store, accounts, List.of(REPO));
      RepositoryListings.Keeper again =
          new RepositoryListings(store, at(T0))
              .keeper(Optional.empty(), Optional.empty(), accounts, NOWHERE);
      again.accept("org-001", List.of());
      again.finish(List.of());

      List<DiscoveredRepository> handed = new ArrayList<>();
      assertThat(
              new RepositoryListings(store, at(T0))
                  .read(
                      Optional.empty(),
                      Optional.empty(),
                      accounts,
                      tenMinutes,
                      (org, found) -> handed.addAll(found)))
          .get()
          .extracting(ListingSummary::repositories)
          .isEqualTo(0);
      assertThat(handed).as("only the newest listing's parts").isEmpty();
    }
  }
}
