package io.adoconnect.connect;

import io.adoconnect.AdoConnectException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One token refresh at a time per account: a lock per account inside this JVM, then an OS file lock
 * under {@code <data-dir>/locks/} so a second ado-connect process waits too. The OS drops a file
 * lock when its process dies, so a killed process never leaves an account locked.
 */
final class RefreshLocks {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final Path dir;

  RefreshLocks(Path dataDir) {
    this.dir = dataDir.toAbsolutePath().normalize().resolve("locks");
  }

  <T> T withLock(String accountId, Supplier<T> work) {
    Path file = dir.resolve(accountId + ".lock");
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
              FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return work.get();
      }
    } catch (IOException e) {
      throw new AdoConnectException(
          "ado-connect could not lock " + file + " to renew a sign-in.",
          "Check the data directory is writable.",
          e);
    } finally {
      local.unlock();
    }
  }
}
