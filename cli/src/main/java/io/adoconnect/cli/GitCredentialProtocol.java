package io.adoconnect.cli;

import io.adoconnect.auth.Secret;
import io.adoconnect.connect.GitCredentialQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The git-credential wire format (git-credential(1), "INPUT/OUTPUT FORMAT"): {@code key=value}
 * lines up to a blank line or the end of input. Only this class reads it; nothing read here is ever
 * printed back except the user name.
 */
final class GitCredentialProtocol {
  private GitCredentialProtocol() {}

  /** What Git sent: the URL parts and, for {@code store}/{@code erase}, the password it used. */
  record Request(GitCredentialQuery query, Secret password) {}

  static Request read(InputStream in) {
    Map<String, String> attributes = new LinkedHashMap<>();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty()) {
          break;
        }
        int eq = line.indexOf('=');
        if (eq > 0) {
          // A repeated key replaces the earlier value, as in Git; arrays (key[]) are not used.
          attributes.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String password = attributes.get("password");
    return new Request(
        new GitCredentialQuery(
            attributes.get("protocol"),
            attributes.get("host"),
            attributes.get("path"),
            attributes.get("username")),
        password == null ? null : Secret.of(password));
  }

  /** A value Git would misread (a newline or NUL would start another attribute) is refused. */
  static String value(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a credential value can't hold a newline");
    }
    return text;
  }
}
