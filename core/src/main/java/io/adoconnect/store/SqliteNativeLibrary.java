package io.adoconnect.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, extracted once into the data directory and loaded from there by every
 * later process. Left to itself, sqlite-jdbc copies its 1 MB library out of the jar into {@code
 * /tmp} under a new name on every start, and lists {@code /tmp} to delete older copies: a cost each
 * short CLI command paid (scripts/bench cli), in a directory others can write to. The copy is keyed
 * by sqlite-jdbc's version and the platform folder, written under a temporary name and renamed, so
 * two first runs at once never load a half-written file; its size is checked against the jar's.
 * When anything fails, sqlite-jdbc's own way is used.
 */
final class SqliteNativeLibrary {
  private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";
  private static final String TMPDIR = "org.sqlite.tmpdir";

  private SqliteNativeLibrary() {}

  /** Points sqlite-jdbc at a copy under {@code dataDir}, making it on first use. */
  static synchronized void useCopyIn(Path dataDir) {
    if (System.getProperty(PATH) != null) {
      return; // chosen already (by the user, or by an earlier store in this process)
    }
    try {
      String folder = LibraryLoaderUtil.getNativeLibResourcePath();
      String name = LibraryLoaderUtil.getNativeLibName();
      URL resource = SqliteNativeLibrary.class.getResource(folder + "/" + name);
      if (resource == null) {
        return; // no library for this platform in the jar: sqlite-jdbc reports it
      }
      URLConnection connection = resource.openConnection();
      connection.setUseCaches(false);
      long size = connection.getContentLengthLong();
      Path dir =
          dataDir
              .toAbsolutePath()
              .resolve("native")
              .resolve(
                  "sqlite-jdbc-"
                      + SQLiteJDBCLoader.getVersion()
                      + folder.replace("/org/sqlite/native", "").replace('/', '-'));
      Path library = dir.resolve(name);
      if (!Files.isRegularFile(library) || Files.size(library) != size) {
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, name, ".partial");
        try (InputStream in = connection.getInputStream()) {
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
          Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
        log.debug("SQLite's native library copied to {}", library);
      }
      System.setProperty(TMPDIR, dir.toString());
      System.setProperty(NAME, name);
      System.setProperty(PATH, dir.toString());
    } catch (IOException | RuntimeException e) {
      log.debug("SQLite's native library is left to sqlite-jdbc: {}", e.toString());
    }
  }
}
