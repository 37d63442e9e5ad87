package io.adoconnect.server.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The service's API token: 32 random bytes, base64url, in {@code <data-dir>/api-token} (mode 0600,
 * created with that mode so it is never readable by others, not even for a moment). Kept across
 * restarts; delete the file to rotate it. Every API call but health sends it as {@code
 * Authorization: Bearer <token>}.
 */
public final class ApiToken {
  public static final String FILE_NAME = "api-token";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final int MIN_LENGTH = 43; // 32 bytes of base64url

  private final Path file;
  private final String value;

  private ApiToken(Path file, String value) {
    this.file = file;
    this.value = value;
  }

  /**
   * Reads the token file, or creates it (0600) with a fresh token when it is missing or unusable.
   */
  public static ApiToken loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      if (Files.exists(file)) {
        String existing = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (existing.length() >= MIN_LENGTH && existing.matches("[A-Za-z0-9_-]+")) {
          restrict(file);
          return new ApiToken(file, existing);
        }
        Files.delete(file);
      }
      String token = Randoms.token(32);
      create(file);
      Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
      return new ApiToken(file, token);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "ado-connect could not read or create its API token file " + file, e);
    }
  }

  /**
   * The token a service of this data directory uses, without creating one: what a client such as
   * {@code ado-connect login-link} sends.
   */
  public static java.util.Optional<ApiToken> existing(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return value.length() >= MIN_LENGTH && value.matches("[A-Za-z0-9_-]+")
          ? java.util.Optional.of(new ApiToken(file, value))
          : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** An in-memory token, for tests and embedders that keep the token elsewhere. */
  public static ApiToken of(String value) {
    return new ApiToken(null, value);
  }

  private static void create(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException raced) {
      Files.delete(file);
      create(file);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data dir's ACL protects it
    }
  }

  /** Where the token is kept; null for an in-memory token. */
  public Path file() {
    return file;
  }

  /** Constant-time check of a presented token. */
  public boolean matches(String presented) {
    return Randoms.same(presented, value);
  }

  /** The value, for the code that prints where to find it in tests; never logged or sent. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "ApiToken[****]";
  }
}
