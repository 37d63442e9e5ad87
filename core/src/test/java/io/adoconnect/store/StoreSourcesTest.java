package io.adoconnect.store;

import static io.adoconnect.store.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class StoreSourcesTest {
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

  @Test
  void addsFindsAndRemovesASource() {
    Source source = source("src1", "fabrikam", "Web", "app");

    assertThat(store.addSource(source)).isEqualTo(source);
    assertThat(store.findSource("src1")).contains(source);
    assertThat(store.removeSource("src1")).isTrue();
    assertThat(store.findSource("src1")).isEmpty();
    assertThat(store.removeSource("src1")).isFalse();
  }

  @Test
  void addingTheSameRepositoryTwiceReturnsTheFirstSource() {
    Source first = store.addSource(source("src1", "fabrikam", "Web", "app"));

    Source again = store.addSource(source("src2", "fabrikam", "Web", "app"));
    Source otherCase = store.addSource(source("src3", "Fabrikam", "WEB", "App"));

    assertThat(again).isEqualTo(first);
    assertThat(otherCase).isEqualTo(first);
    assertThat(store.sources()).containsExactly(first);
  }

  @Test
  void theSameNamesOnAnotherHostAreAnotherSource() {
    store.addSource(source("src1", "DefaultCollection", "Web", "app"));
    Source onServer =
        new Source(
            "src2",
            "acc2",
            "http://tfs.local:8080/tfs",
            "DefaultCollection",
            "Web",
            "app",
            null,
            null,
            null,
            Fixtures.T0);

    assertThat(store.addSource(onServer)).isEqualTo(onServer);
    assertThat(store.sources()).hasSize(2);
  }

  @Test
  void listsSourcesByOrganizationProjectAndRepositoryIgnoringCase() {
    store.addSource(source("a", "zeta", "P", "r"));
    store.addSource(source("b", "Alpha", "proj", "Zed"));
    store.addSource(source("c", "alpha", "Proj", "api"));
    store.addSource(source("d", "beta", "x", "y"));
    store.addSource(source("e", "alpha", "Another", "r"));

    assertThat(store.sources())
        .extracting(Source::path)
        .containsExactly(
            "alpha/Another/r", "alpha/Proj/api", "Alpha/proj/Zed", "beta/x/y", "zeta/P/r");
  }

  @Test
  void idsAreShortRandomAndUrlSafe() {
    String id = Ids.newId();
    assertThat(id).hasSize(12).matches("[a-z2-7]{12}");
    assertThat(Ids.newId()).isNotEqualTo(id);
  }
}
