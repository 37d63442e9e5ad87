package io.adoconnect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the Maven project version the build filtered into {@code version.properties},
 * the git commit the build wrote beside it (absent outside a git checkout), and the Java runtime —
 * what a bug report needs. The shaded jar drops the manifest, so its version can't come from there.
 */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "ado-connect " + version() + commit().map(c -> " (commit " + c + ")").orElse(""),
      "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
    };
  }

  /** E.g. {@code 0.1.0}; the build always fills it in. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /** The abbreviated commit, when the jar was built in a git checkout. */
  static Optional<String> commit() {
    try (InputStream in = Version.class.getResourceAsStream("commit.txt")) {
      if (in == null) {
        return Optional.empty();
      }
      String commit = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      return commit.matches("[0-9a-f]{7,40}") ? Optional.of(commit) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
