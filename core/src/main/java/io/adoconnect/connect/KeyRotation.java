package io.adoconnect.connect;

import io.adoconnect.NextStep;
import io.adoconnect.store.DataKeyTable;
import io.adoconnect.store.Owner;
import io.adoconnect.store.SealedCells;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.store.StoreException;
import io.adoconnect.store.StoreLocation;
import io.adoconnect.vault.KeySource;
import io.adoconnect.vault.Keyring;
import io.adoconnect.vault.RotationPlan;
import io.adoconnect.vault.SealedDataKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rotates the deployment's master key while the service keeps running on the same database and key
 * (the operator's {@code keys} command; see {@link Keyring} for how a running service follows).
 *
 * <p>In order, each step durable before the next: the new key is written into the key source beside
 * the old one (one atomic write); the store records the new key as the one to seal with and the old
 * as retiring; every data key is re-sealed under the new key, and every secret an earlier release
 * sealed directly with the master key is moved to its owner's data key, row by row with a
 * compare-and-set; only when a last scan finds nothing left under the old key is it marked retired
 * and removed from the key source. A rotation killed at any point leaves every row sealed by a key
 * the source holds, and the next one resumes where it stopped (the source then holds two keys).
 *
 * <p>One rotation at a time per data directory (an OS file lock, released if the process dies).
 */
public final class KeyRotation implements AutoCloseable {
  private static final String LOCK_FILE = ".keys-rotate.lock";
  private static final int PASSES = 3;

  private final Store store;
  private final KeySource source;
  private final Path dataDir;
  private Keyring keyring;

  KeyRotation(Store store, KeySource source, Path dataDir) {
    this.store = store;
    this.source = source;
    this.dataDir = dataDir;
  }

  /**
   * The rotation of the deployment whose store is at {@code location} and whose key is in {@code
   * source}; {@code dataDir} holds the lock that keeps two rotations apart.
   */
  public static KeyRotation open(StoreLocation location, KeySource source, Path dataDir) {
    return new KeyRotation(Store.open(location, Owner.LOCAL), source, dataDir);
  }

  /**
   * Told after each durable change: {@code phase} (what is being done), {@code done} of {@code
   * total}.
   */
  public interface Progress {
    Progress NONE = (phase, done, total) -> {};

    void changed(String phase, int done, int total);
  }

  /** What a rotation did; ids are Tink key ids (unsigned). */
  public record Result(
      long newKeyId, Set<Long> retired, int dataKeysResealed, int secretsMoved, boolean resumed) {
    public Result {
      retired = Set.copyOf(retired);
    }
  }

  /**
   * Where the keys stand: the key source's master keys ({@code primary} seals), the data keys per
   * master key, each recorded master key's state, the secrets still sealed directly by a master
   * key, and whether a rotation is unfinished (the source holds more than one key, or one is
   * retiring).
   */
  public record Status(
      String keySource,
      long primary,
      Set<Long> masterKeys,
      Map<Long, Integer> dataKeysByMasterKey,
      Map<Long, String> masterKeyStates,
      int secretsSealedByMasterKey,
      boolean rotationUnfinished) {}

  public Status status() {
    Keyring.MasterKeyIds ids = keyring().masterKeyIds();
    DataKeyTable table = store.dataKeys();
    Map<Long, String> states = table.masterKeyStates();
    int direct = (int) directlySealed().size();
    return new Status(
        source.describe(),
        ids.primary(),
        ids.all(),
        table.countsByMasterKey(),
        states,
        direct,
        ids.rotationUnfinished() || states.containsValue("retiring"));
  }

  /** Rotates the master key, or finishes an interrupted rotation; see the class comment. */
  public Result rotate(Progress progress) {
    try (FileChannel locked = lock()) {
      return rotateLocked(progress);
    } catch (IOException e) {
      throw new StoreException(
          "ado-connect could not release its key rotation lock in " + dataDir + ".",
          "The rotation itself finished; remove " + dataDir.resolve(LOCK_FILE) + " if it stays.",
          e);
    }
  }

  private Result rotateLocked(Progress progress) {
    Keyring keys = keyring();
    RotationPlan plan = keys.beginRotation();
    DataKeyTable table = store.dataKeys();
    int done = 0;
    if (plan.keyWritten()) {
      progress.changed(
          "added the new master key " + plan.newKeyId() + " to the key source", ++done, done);
    }
    table.beginRotation(plan.newKeyId(), plan.retiring());
    int resealed = 0;
    int moved = 0;
    for (int pass = 0; ; pass++) {
      List<DataKeyTable.Row> dataKeys = table.notSealedBy(plan.newKeyId());
      List<SealedCells.Cell> cells = directlySealed();
      if (dataKeys.isEmpty() && cells.isEmpty()) {
        int total = done + 2;
        table.retire(plan.retiring());
        progress.changed("marked the old master key retired", ++done, total);
        keys.finishRotation(plan.retiring());
        progress.changed("removed the old master key from the key source", ++done, total);
        return new Result(plan.newKeyId(), plan.retiring(), resealed, moved, !plan.keyWritten());
      }
      if (pass == PASSES) {
        throw new StoreException(
            "Rows sealed by the old master key kept appearing while the key was rotated, so the"
                + " old key stays in the key source.",
            NextStep.of(
                NextStep.Action.RETRY_LATER,
                "Make sure every instance on this database runs this release (older ones seal with"
                    + " the master key directly), then run the rotation again: it resumes."),
            null);
      }
      int total = done + dataKeys.size() + cells.size() + 2;
      for (DataKeyTable.Row row : dataKeys) {
        SealedDataKey again = keys.reseal(row.holder(), row.key());
        if (table.replace(row.holder(), row.key(), again)) {
          resealed++;
        }
        progress.changed("re-sealing data keys", ++done, total);
      }
      SealedCells sealed = store.sealedCells();
      for (SealedCells.Cell cell : cells) {
        Optional<byte[]> resealedCell =
            keys.moveToDataKey(cell.holder(), cell.ciphertext(), binding(cell));
        if (resealedCell.isPresent() && sealed.replace(cell, resealedCell.get())) {
          moved++;
        }
        progress.changed("moving secrets to their owners' data keys", ++done, total);
      }
    }
  }

  /** The secrets still sealed directly by a master key the source holds. */
  private List<SealedCells.Cell> directlySealed() {
    Keyring keys = keyring();
    return store.sealedCells().all().stream()
        .filter(cell -> keys.sealedByMaster(cell.ciphertext(), binding(cell)))
        .toList();
  }

  /** The associated data each sealed column was sealed for, as its writer binds it. */
  static String binding(SealedCells.Cell cell) {
    return switch (cell.column()) {
      case ACCOUNT_SECRET -> SecretKind.fromWireName(cell.kind()).sealedFor(cell.rowKey());
      case HOOK_PASSWORD -> SecretKind.HOOK_PASSWORD.sealedFor(cell.rowKey());
      case DEVICE_CODE -> EntraConnections.flowBinding(cell.rowKey());
      case WEB_SIGN_IN_VERIFIER -> AdoConnect.WEB_SIGN_IN_BINDING + cell.rowKey();
      case WEBHOOK_SECRET -> WebhookSigning.sealedFor(cell.rowKey());
    };
  }

  private synchronized Keyring keyring() {
    if (keyring == null) {
      keyring = Keyring.open(source, store.dataKeys());
    }
    return keyring;
  }

  /** The lock file's channel, locked; closing it releases the lock (so does the process dying). */
  private FileChannel lock() {
    Path file = dataDir.resolve(LOCK_FILE);
    try {
      Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileChannel channel;
      if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            dataDir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        channel =
            FileChannel.open(
                file,
                options,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createDirectories(dataDir);
        channel = FileChannel.open(file, options);
      }
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new StoreException(
            "Another key rotation is running on this data directory (" + dataDir + ").",
            NextStep.of(
                NextStep.Action.RETRY_LATER, "Wait for it to finish, then check the key status."),
            null);
      }
      return channel;
    } catch (IOException e) {
      throw new StoreException(
          "ado-connect could not take its key rotation lock " + file + ".",
          "Check that the data directory is writable by the user running ado-connect.",
          e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
