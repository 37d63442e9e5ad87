package io.adoconnect.vault;

import io.adoconnect.NextStep;
import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key kept in a file, for headless servers and CI where there is no OS keychain ({@code
 * ADO_CONNECT_KEY_FILE}).
 *
 * <p>On first use the file is created with mode 0600 from the start (the permission is an attribute
 * of the create call, so there is no moment when it is readable by others) and its parent
 * directories with 0700. The key is written to a private temporary file that is then linked into
 * place, so two processes starting at once agree on one key instead of one overwriting the other's.
 * A key file readable or writable by group or others, an empty or a corrupt one is refused rather
 * than used. On file systems without POSIX permissions (Windows) the permission checks are skipped
 * and the file inherits the ACL of its directory.
 *
 * <pre>{@code
 * Vault vault = Vault.open(new KeyFileSource(Path.of("/etc/ado-connect/key")));
 * }</pre>
 */
public final class KeyFileSource implements KeySource {
  private static final Logger log = LoggerFactory.getLogger(KeyFileSource.class);
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final Path path;

  public KeyFileSource(Path path) {
    this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
  }

  public Path path() {
    return path;
  }

  @Override
  public String describe() {
    return "key file " + path;
  }

  @Override
  public Secret loadOrCreateKeyset() {
    if (!Files.exists(path)) {
      create();
    }
    return load();
  }

  private Secret load() {
    checkPermissions();
    String json;
    try {
      json = Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new VaultException(
          "The " + describe() + " disappeared while ado-connect was reading it.",
          "Run the command again.",
          e);
    } catch (IOException e) {
      throw new VaultException(
          "ado-connect can't read its " + describe() + ".",
          "Check that the file is readable by the user running ado-connect.",
          e);
    }
    if (json.isEmpty()) {
      throw new VaultException(
          "The " + describe() + " is empty.",
          "Restore the key from a backup. If it is lost, delete the file, then disconnect and connect"
              + " your accounts again: credentials sealed with the old key can't be recovered.");
    }
    Secret keyset = Secret.of(json);
    Keysets.parse(keyset, describe()); // refuse a corrupt file here, not at the first decrypt
    return keyset;
  }

  private void checkPermissions() {
    if (!posix()) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(path);
    } catch (IOException e) {
      throw new VaultException(
          "ado-connect can't check the permissions of its " + describe() + ".",
          "Check that the file exists and belongs to the user running ado-connect.",
          e);
    }
    if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
      throw new VaultException(
          "The "
              + describe()
              + " can be read or changed by other users (mode "
              + PosixFilePermissions.toString(permissions)
              + "), so ado-connect won't use it.",
          "Restrict it to its owner with: chmod 600 "
              + path
              + " — and if others may have copied it, disconnect and connect your accounts again.");
    }
  }

  /** Writes a fresh keyset, unless another process gets there first; then theirs is kept. */
  private void create() {
    Path temp = null;
    try {
      Path dir = path.getParent();
      if (posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        temp =
            Files.createTempFile(
                dir, ".key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      } else {
        Files.createDirectories(dir);
        temp = Files.createTempFile(dir, ".key-", ".tmp", new FileAttribute<?>[0]);
      }
      try (OutputStream out =
          Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
        out.write(Keysets.generate().revealBytes());
      }
      publish(temp);
      Files.deleteIfExists(temp);
      temp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new VaultException(
          "ado-connect can't create its " + describe() + ".",
          NextStep.of(
              NextStep.Action.CONFIGURE_KEY,
              "Check that the directory "
                  + path.getParent()
                  + " is writable, or set ADO_CONNECT_KEY_FILE to a path that is."),
          e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a leftover temp file is private (0600) and harmless
        }
      }
    }
  }

  /**
   * Writes the keyset to a private temporary file, syncs it, and renames it over the key file
   * (rename(2) is atomic), then syncs the directory: a crash at any moment leaves the old key file
   * or the new one, complete.
   */
  @Override
  public void replaceKeyset(Secret keysetJson) {
    Keysets.parse(keysetJson, "the new keyset"); // never write something that won't load
    Path dir = path.getParent();
    Path temp = null;
    try {
      temp =
          posix()
              ? Files.createTempFile(
                  dir, ".key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
              : Files.createTempFile(dir, ".key-", ".tmp", new FileAttribute<?>[0]);
      try (OutputStream out =
          Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
        out.write(keysetJson.revealBytes());
      }
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new VaultException(
          "ado-connect can't write the new keyset to its " + describe() + "; the old one is kept.",
          NextStep.of(
              NextStep.Action.CONFIGURE_KEY,
              "Check that the directory "
                  + dir
                  + " is writable by the user running ado-connect, then try again."),
          e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a leftover temp file is private (0600) and harmless
        }
      }
    }
  }

  /** Puts the written key at {@link #path} atomically; a key already there wins. */
  private void publish(Path temp) throws IOException {
    try {
      Files.createLink(path, temp); // link(2) fails if the target exists: no overwrite race
    } catch (FileAlreadyExistsException e) {
      // another process created the key first: use theirs
    } catch (UnsupportedOperationException e) {
      try {
        Files.move(temp, path);
      } catch (FileAlreadyExistsException alreadyThere) {
        // as above
      }
    }
  }

  /**
   * Makes the new directory entry durable: the key's bytes were synced as written, but its name
   * lives in the directory, and without this a power cut could leave secrets sealed with a key
   * whose file is gone. Best effort: some file systems refuse to sync a directory.
   */
  private void syncDirectory(Path dir) {
    if (!posix()) {
      return; // Windows can't open a directory as a channel; NTFS journals the rename
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      log.debug("could not sync the directory {} after writing the key: {}", dir, e.toString());
    }
  }

  private boolean posix() {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  @Override
  public String toString() {
    return "KeyFileSource[" + path + "]";
  }
}
