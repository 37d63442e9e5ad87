package io.adoconnect.server.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the service of a data directory answers: {@code <data-dir>/service-url}, one line, written
 * by {@code ado-connect serve} once it listens and removed when it stops, so that {@code
 * ado-connect login-link} finds the running service with nothing but the data directory (and its
 * API token file). Not a secret: the address alone opens nothing.
 */
public final class ServiceUrlFile {
  public static final String FILE_NAME = "service-url";

  private ServiceUrlFile() {}

  /** Records the address; returns what {@link #remove} needs to remove only its own record. */
  public static Path write(Path dataDir, URI baseUri) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
      Files.writeString(temp, baseUri + "\n", StandardCharsets.US_ASCII);
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("ado-connect could not write " + file, e);
    }
  }

  /** Removes the record if it still names {@code baseUri} (another serve may have replaced it). */
  public static void remove(Path dataDir, URI baseUri) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (read(dataDir).filter(baseUri::equals).isPresent()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // stopping anyway; a stale record only makes login-link say the service did not answer
    }
  }

  /** The recorded address, if there is a readable one. */
  public static Optional<URI> read(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      URI uri = URI.create(text);
      return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())
          ? Optional.of(uri)
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
