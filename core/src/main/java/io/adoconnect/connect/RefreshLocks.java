package io.adoconnect.connect;

import io.adoconnect.AdoConnectException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One token refresh at a time per account: a lock per account inside this JVM, then an OS file lock
 * under {@code <data-dir>/locks/} (mode 0700) so a second ado-connect process waits too. The OS
 * drops a file lock when its process dies, so a killed process never leaves an account locked.
 *
 * <p>The wait is bounded ({@link #DEFAULT_WAIT}): a renewal is one token request with its retries,
 * so a lock held longer belongs to a stuck process, and the error names it (the holder writes its
 * process id and start time into the lock file).
 */
final class RefreshLocks {
  /** Well beyond one token request with its retries. */
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final Path dir;
  private final Duration wait;

  RefreshLocks(Path dataDir) {
    this(dataDir, DEFAULT_WAIT);
  }

  RefreshLocks(Path dataDir, Duration wait) {
    this.dir = dataDir.toAbsolutePath().normalize().resolve("locks");
    this.wait = wait;
  }

  <T> T withLock(String accountId, Supplier<T> work) {
    Path file = dir.resolve(accountId + ".lock");
    long deadline = System.nanoTime() + wait.toNanos();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    try {
      if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut(accountId, file, "another renewal in this process");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdoConnectException(
          "Waiting to renew a sign-in was interrupted.", io.adoconnect.NextStep.NONE, e);
    }
    try {
      createDirectory();
      try (FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
        try (FileLock ignored = await(channel, accountId, file, deadline)) {
          sayWhoHolds(channel);
          return work.get();
        }
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

  private void createDirectory() throws IOException {
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(dir))) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY); // made by an older version, umask-wide
      }
    } else {
      Files.createDirectories(dir);
    }
  }

  /** The file lock, polled until {@code deadline} (file locks have no timed wait). */
  private FileLock await(FileChannel channel, String accountId, Path file, long deadline)
      throws IOException {
    FileLock lock;
    while ((lock = tryLock(channel)) == null) {
      if (System.nanoTime() > deadline) {
        throw timedOut(accountId, file, holder(file));
      }
      pause();
    }
    return lock;
  }

  /** The lock, or null while another process (or another channel of this one) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null;
    }
  }

  private static void sayWhoHolds(FileChannel channel) throws IOException {
    byte[] note =
        ("process " + ProcessHandle.current().pid() + " since " + Instant.now())
            .getBytes(StandardCharsets.UTF_8);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(note), 0);
  }

  private static String holder(Path file) {
    try {
      String note = Files.readString(file, StandardCharsets.UTF_8).strip();
      return note.isEmpty() || note.length() > 200 ? "another ado-connect process" : note;
    } catch (IOException | RuntimeException unreadable) {
      return "another ado-connect process";
    }
  }

  private AdoConnectException timedOut(String accountId, Path file, String holder) {
    return new AdoConnectException(
        "ado-connect waited "
            + wait.toSeconds()
            + " s to renew the sign-in of account "
            + accountId
            + ", but the renewal lock "
            + file
            + " stayed held ("
            + holder
            + ").",
        "A renewal takes seconds; that one is stuck. Stop the process holding it (the OS then"
            + " releases the lock) and try again.",
        null);
  }

  private static void pause() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(20, 100)); // no timed wait for file locks
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdoConnectException(
          "Waiting to renew a sign-in was interrupted.", io.adoconnect.NextStep.NONE, e);
    }
  }
}
