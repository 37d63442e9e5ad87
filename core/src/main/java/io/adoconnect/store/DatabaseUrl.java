package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.Secret;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@value #URL_VARIABLE}: {@code postgresql://[USER@]HOST[:PORT][,HOST2[:PORT]]/DATABASE[?…]}
 * as libpq and most platforms write it, or the driver's own {@code jdbc:postgresql://…}. The
 * password never travels in the URL (URLs end up in logs, process lists and error messages): it
 * comes from {@value #PASSWORD_FILE_VARIABLE} (a file, for secret mounts) or {@value
 * #PASSWORD_VARIABLE}; the user from the URL or {@value #USER_VARIABLE}. Query parameters other
 * than {@code user} and {@code password} (e.g. {@code sslmode=verify-full}) go to the driver as
 * they are.
 */
final class DatabaseUrl {
  static final String URL_VARIABLE = "ADO_CONNECT_DATABASE_URL";
  static final String USER_VARIABLE = "ADO_CONNECT_DATABASE_USER";
  static final String PASSWORD_VARIABLE = "ADO_CONNECT_DATABASE_PASSWORD";
  static final String PASSWORD_FILE_VARIABLE = "ADO_CONNECT_DATABASE_PASSWORD_FILE";
  static final String POOL_SIZE_VARIABLE = "ADO_CONNECT_DATABASE_POOL_SIZE";

  /**
   * Connections per process by default: enough for a service's request threads, which hold one only
   * for a query or a short transaction, and small enough that several instances stay well under
   * PostgreSQL's default max_connections (100).
   */
  static final int DEFAULT_POOL_SIZE = 10;

  /** Beyond this a pool is a misconfiguration (PostgreSQL's default allows 100 in all). */
  static final int MAX_POOL_SIZE = 200;

  private static final String FORM = "postgresql://HOST[:PORT]/DATABASE";
  // host names, IPv4, bracketed IPv6, optional ports, comma-separated for several hosts
  private static final Pattern HOSTS =
      Pattern.compile(
          "(?:[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?"
              + "(?:,(?:[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?)*");
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$.-]{1,63}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9_$.@-]{1,63}");

  private DatabaseUrl() {}

  static StoreLocation.Postgres parse(String url, Map<String, String> env) {
    String rest = url.strip();
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:")) {
      rest = rest.substring("jdbc:".length());
      lower = lower.substring("jdbc:".length());
    }
    if (lower.startsWith("postgresql://")) {
      rest = rest.substring("postgresql://".length());
    } else if (lower.startsWith("postgres://")) {
      rest = rest.substring("postgres://".length());
    } else {
      throw bad(
          URL_VARIABLE + " is not a PostgreSQL URL.",
          "Set it to " + FORM + ", or unset it to keep the embedded SQLite store.");
    }
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String database = slash < 0 ? "" : rest.substring(slash + 1);
    String urlUser = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      if (userInfo.contains(":")) {
        throw bad(
            URL_VARIABLE + " holds a password; ado-connect never takes one from a URL.",
            "Remove it from the URL and put it in a file named by "
                + PASSWORD_FILE_VARIABLE
                + " (or in "
                + PASSWORD_VARIABLE
                + ").");
      }
      urlUser = decode(userInfo);
    }
    if (!HOSTS.matcher(authority).matches()) {
      throw bad(
          URL_VARIABLE + " names no valid host.",
          "Write it as " + FORM + " (several hosts separated by commas).");
    }
    if (!DATABASE.matcher(database).matches()) {
      throw bad(
          URL_VARIABLE + " names no database (or one with a slash or unusual characters).",
          "Write it as " + FORM + ".");
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      String key = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
      if (key.equalsIgnoreCase("password")) {
        throw bad(
            URL_VARIABLE + " holds a password; ado-connect never takes one from a URL.",
            "Remove it from the URL and put it in a file named by " + PASSWORD_FILE_VARIABLE + ".");
      }
      if (key.equalsIgnoreCase("user")) {
        String value = decode(pair.substring(Math.min(pair.length(), key.length() + 1)));
        urlUser = agree(urlUser, value);
        continue;
      }
      kept.append(kept.length() == 0 ? "?" : "&").append(pair);
    }
    String user = agree(urlUser, blankToNull(env.get(USER_VARIABLE)));
    if (user != null && !USER.matcher(user).matches()) {
      throw bad("The database user name is not valid.", "Use the role name PostgreSQL knows.");
    }
    return new StoreLocation.Postgres(
        "jdbc:postgresql://" + authority + "/" + database + kept,
        user,
        password(env),
        poolSize(env));
  }

  private static int poolSize(Map<String, String> env) {
    String value = blankToNull(env.get(POOL_SIZE_VARIABLE));
    if (value == null) {
      return DEFAULT_POOL_SIZE;
    }
    int size;
    try {
      size = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 1 || size > MAX_POOL_SIZE) {
      throw bad(
          POOL_SIZE_VARIABLE + " must be a whole number from 1 to " + MAX_POOL_SIZE + ".",
          "Set it to how many connections one instance may hold (default "
              + DEFAULT_POOL_SIZE
              + "); all instances together must stay under PostgreSQL's max_connections.");
    }
    return size;
  }

  private static String agree(String first, String second) {
    if (first != null && second != null && !first.equals(second)) {
      throw bad(
          "The database user is given twice, as " + first + " and as " + second + ".",
          "Name it once: in " + URL_VARIABLE + " or in " + USER_VARIABLE + ".");
    }
    return first != null ? first : second;
  }

  private static Optional<Secret> password(Map<String, String> env) {
    String inline = blankToNull(env.get(PASSWORD_VARIABLE));
    String file = blankToNull(env.get(PASSWORD_FILE_VARIABLE));
    if (inline != null && file != null) {
      throw bad(
          "Both " + PASSWORD_VARIABLE + " and " + PASSWORD_FILE_VARIABLE + " are set.",
          "Keep one of them.");
    }
    if (inline != null) {
      return Optional.of(Secret.of(inline));
    }
    if (file == null) {
      return Optional.empty();
    }
    Path path = Path.of(file);
    String content;
    try {
      content = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw bad(
          PASSWORD_FILE_VARIABLE + " names " + path + ", which can't be read.",
          "Point it at a readable file that holds the database password.");
    }
    String password = content.strip();
    if (password.isEmpty() || password.contains("\n")) {
      throw bad(
          PASSWORD_FILE_VARIABLE + " names " + path + ", which holds no single-line password.",
          "Put the database password alone in that file.");
    }
    return Optional.of(Secret.of(password));
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad(URL_VARIABLE + " has a malformed %-escape.", "Write it as " + FORM + ".");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static InvalidInputException bad(String message, String advice) {
    return new InvalidInputException(message, NextStep.advice(advice));
  }
}
