package io.adoconnect.connect;

import java.util.Locale;
import java.util.Optional;

/**
 * What Git asks a credential helper about (the git-credential protocol's {@code protocol}, {@code
 * host}, {@code path} and {@code username}): the URL Git is about to call, without any secret.
 *
 * @param host the host, with {@code :port} when the URL has one
 * @param path the URL's path without the leading {@code /}, percent-decoded as Git sends it; null
 *     unless Git is configured with {@code credential.useHttpPath}
 * @param username the user name in the URL ({@code https://fabrikam@dev.azure.com/…}), or null
 */
public record GitCredentialQuery(String protocol, String host, String path, String username) {
  public GitCredentialQuery {
    protocol = protocol == null ? "" : protocol.toLowerCase(Locale.ROOT);
    host = host == null ? "" : host.toLowerCase(Locale.ROOT);
    path = path == null || path.isBlank() ? null : stripSlashes(path);
  }

  /** {@code protocol://host/path} (without the path when Git sent none). */
  public String url() {
    return protocol + "://" + host + (path == null ? "" : "/" + path);
  }

  /** The path's first segment, if any. */
  Optional<String> firstSegment() {
    if (path == null) {
      return Optional.empty();
    }
    int slash = path.indexOf('/');
    return Optional.of(slash < 0 ? path : path.substring(0, slash)).filter(s -> !s.isEmpty());
  }

  private static String stripSlashes(String text) {
    String stripped = text.strip();
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    return stripped;
  }
}
