package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.AdoConnectException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renewal lock: owner-only, and a wait that ends with an error naming the holder. */
class RefreshLocksTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  @TempDir Path tmp;

  @Test
  void theLocksDirectoryIsOwnerOnlyWhateverTheUmaskAndALooseOneIsTightened() throws Exception {
    new RefreshLocks(tmp).withLock("acc1", () -> null);
    assertThat(mode(tmp.resolve("locks"))).isEqualTo("rwx------");

    Files.setPosixFilePermissions(
        tmp.resolve("locks"), PosixFilePermissions.fromString("rwxr-xr-x"));
    new RefreshLocks(tmp).withLock("acc1", () -> null);
    assertThat(mode(tmp.resolve("locks"))).isEqualTo("rwx------");
  }

  @Test
  void aLockHeldInThisProcessPastTheWaitFailsClearly() throws Exception {
    RefreshLocks locks = new RefreshLocks(tmp, SHORT);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> holder =
        CompletableFuture.supplyAsync(
            () ->
                locks.withLock(
                    "acc2",
                    () -> {
                      holding.countDown();
                      await(release);
                      return null;
                    }));
    try {
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> locks.withLock("acc2", () -> "never"))
          .isInstanceOfSatisfying(
              AdoConnectException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("account acc2")
                    .contains("stayed held")
                    .contains("another renewal in this process");
                assertThat(e.hint()).contains("Stop the process holding it");
              });
      // another account is not held up
      assertThat(locks.withLock("acc3", () -> "done")).isEqualTo("done");
    } finally {
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
    }
    assertThat(locks.withLock("acc2", () -> "after")).isEqualTo("after");
  }

  @Test
  void aFileLockHeldElsewherePastTheWaitFailsNamingItsHolder() throws Exception {
    new RefreshLocks(tmp).withLock("acc4", () -> null); // creates locks/ and the file
    Path file = tmp.resolve("locks/acc4.lock");
    Files.writeString(file, "process 4242 since 2024-05-01T12:00:00Z");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThat(held.isValid()).isTrue();
      assertThatThrownBy(() -> new RefreshLocks(tmp, SHORT).withLock("acc4", () -> "never"))
          .isInstanceOf(AdoConnectException.class)
          .hasMessageContaining("process 4242 since 2024-05-01T12:00:00Z")
          .hasMessageContaining(file.toString());
    }
    assertThat(new RefreshLocks(tmp, SHORT).withLock("acc4", () -> "free")).isEqualTo("free");
    assertThat(Files.readString(file)).startsWith("process " + ProcessHandle.current().pid());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
