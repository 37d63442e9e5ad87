package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.store.Owner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the service keeps each owner's clones: apart, and always inside its root. */
class SourceClonesTest {
  @TempDir Path root;

  @Test
  void eachTeamOwnerHasADirectoryOfTheirOwnInsideTheRoot() {
    try (SourceClones clones = new SourceClones(root, owner -> "", Map.of(), 1)) {
      assertThat(clones.directoryOf(Owner.LOCAL)).isEqualTo(root.toAbsolutePath());
      Path alice = clones.directoryOf(new Owner("app1", "alice"));
      Path bob = clones.directoryOf(new Owner("app1", "bob"));
      Path otherApp = clones.directoryOf(new Owner("app2", "alice"));
      assertThat(alice).isEqualTo(root.toAbsolutePath().resolve("app1").resolve("alice"));
      assertThat(alice).isNotEqualTo(bob).isNotEqualTo(otherApp);
      assertThat(bob.startsWith(alice)).isFalse();
      // An end user id that looks like a path step stays one directory below its application.
      for (String sneaky : new String[] {"..", ".", "a/../../b"}) {
        Path dir = clones.directoryOf(new Owner("app1", sneaky)).normalize();
        assertThat(dir.getParent()).isEqualTo(root.toAbsolutePath().resolve("app1"));
      }
    }
  }
}
