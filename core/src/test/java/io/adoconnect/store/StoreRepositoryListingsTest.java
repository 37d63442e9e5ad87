package io.adoconnect.store;

import static io.adoconnect.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Kept repository listings, one organization per part, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class StoreRepositoryListingsTest {
  @Parameter TestDatabase kind;
  @TempDir Path dataDir;
  TestDatabase.Instance database;
  Store store;

  @BeforeEach
  void open() {
    database = kind.create(dataDir);
    store = database.open();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private List<String> read(String scope) {
    List<String> parts = new ArrayList<>();
    store.readRepositoryListing(
        scope, head -> true, part -> parts.add(part.organization() + "=" + part.repositories()));
    return parts;
  }

  @Test
  void partsCountOnlyOnceCompletedAndAreReadInOrderWithoutOtherGenerations() {
    store.saveRepositoryListingPart("s", "g1", new ListingPart(0, "org-a", "[1]"));
    assertThat(store.repositoryListing("s")).as("no head before it is complete").isEmpty();
    store.saveRepositoryListingPart("s", "g1", new ListingPart(1, "org-b", "[2]"));
    store.saveRepositoryListingPart("s", "g2", new ListingPart(0, "org-a", "[9]")); // running
    store.completeRepositoryListing(new StoredListing("s", "acc", T0, "g1", 2));

    assertThat(read("s")).containsExactly("org-a=[1]", "org-b=[2]");

    store.saveRepositoryListingPart("s", "g3", new ListingPart(0, "org-a", "[3]"));
    store.completeRepositoryListing(new StoredListing("s", "acc", T0.plusSeconds(1), "g3", 1));
    assertThat(read("s")).containsExactly("org-a=[3]");
    assertThat(store.repositoryListing("s"))
        .get()
        .extracting(StoredListing::generation)
        .isEqualTo("g3");

    store.saveRepositoryListingPart("s", "g4", new ListingPart(0, "org-a", "[4]"));
    store.discardRepositoryListing("s", "g4");
    store.completeRepositoryListing(new StoredListing("s", "acc", T0, "g4", 0));
    assertThat(read("s")).as("discarded parts are gone").isEmpty();
  }

  @Test
  void forgettingAnOrganizationForgetsTheListingsThatIncludeIt() {
    store.saveRepositoryListingPart("all", "g1", new ListingPart(0, "org-a", "[]"));
    store.saveRepositoryListingPart("all", "g1", new ListingPart(1, "org-b", "[]"));
    store.completeRepositoryListing(new StoredListing("all", "acc", T0, "g1", 2));
    store.saveRepositoryListingPart("only-a", "g2", new ListingPart(0, "org-a", "[]"));
    store.completeRepositoryListing(new StoredListing("only-a", "acc", T0, "g2", 1));

    assertThat(store.forgetRepositoryListings("Org-B")).isEqualTo(1);

    assertThat(store.repositoryListing("all")).isEmpty();
    assertThat(store.repositoryListing("only-a")).isPresent();
    assertThat(store.forgetRepositoryListings()).isEqualTo(1);
    assertThat(store.repositoryListing("only-a")).isEmpty();
  }

  @Test
  void aListingReplacedWhileItIsReadPartByPartIsStillReadToItsEnd() {
    store.saveRepositoryListingPart("s", "g1", new ListingPart(0, "org-a", "[1]"));
    store.saveRepositoryListingPart("s", "g1", new ListingPart(1, "org-b", "[2]"));
    store.completeRepositoryListing(new StoredListing("s", "acc", T0, "g1", 2));
    List<String> read = new ArrayList<>();

    store.readRepositoryListing(
        "s",
        head -> true,
        part -> {
          read.add(part.repositories());
          if (part.part() == 0) { // another process keeps a new listing meanwhile
            store.saveRepositoryListingPart("s", "g2", new ListingPart(0, "org-a", "[9]"));
            store.completeRepositoryListing(new StoredListing("s", "acc", T0, "g2", 1));
          }
        });

    assertThat(read).containsExactly("[1]", "[2]");
    assertThat(read("s")).containsExactly("org-a=[9]");
  }
}
