package io.adoconnect.http.network;

import io.adoconnect.InvalidInputException;
import io.adoconnect.auth.Secret;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One forward proxy: where it listens and, when its URL carried {@code user:pass@}, the credentials
 * it gets when it asks (HTTP 407). {@link #toString()} never shows the credentials, so a proxy can
 * appear in a log line or an error as it is.
 */
public record ProxyServer(String host, int port, String username, Secret password, String source) {
  /** curl's default when a proxy URL has no port. */
  static final int DEFAULT_PORT = 1080;

  /**
   * Parses a proxy URL as curl does: {@code [http://][user[:password]@]host[:port][/]}, the
   * credentials percent-decoded. {@code source} names where it came from ({@code HTTPS_PROXY}) for
   * errors. Only {@code http://} proxies work: Java's HTTP client speaks neither SOCKS nor TLS to a
   * proxy, so those are refused here rather than ignored.
   */
  static ProxyServer parse(String value, String source) {
    String text = value.trim();
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw invalid(source, "is not a valid proxy URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw new InvalidInputException(
          source
              + " names a "
              + scheme
              + ":// proxy ("
              + masked(uri)
              + "); ado-connect can use only an http:// proxy.",
          "Set "
              + source
              + " to the HTTP address of your proxy, for example http://proxy.example.com:3128 — an HTTP proxy still carries HTTPS traffic through a tunnel.");
    }
    if (uri.getHost() == null) {
      throw invalid(source, "has no host name");
    }
    String username = null;
    Secret password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String pass = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
      password = pass.isEmpty() ? null : Secret.of(pass);
    }
    return new ProxyServer(
        uri.getHost(),
        uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT,
        username,
        password,
        source);
  }

  public boolean hasCredentials() {
    return username != null && !username.isEmpty();
  }

  /**
   * The proxy's socket address, resolved: Java's HTTP client connects to the address it is given
   * and does not resolve it itself.
   */
  InetSocketAddress address() {
    return new InetSocketAddress(host, port);
  }

  boolean isAt(String requestingHost, int requestingPort) {
    return host.equalsIgnoreCase(requestingHost) && port == requestingPort;
  }

  /** {@code http://host:port}, without the credentials, for logs and errors. */
  @Override
  public String toString() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String masked(URI uri) {
    return uri.getScheme() + "://" + (uri.getHost() == null ? "?" : uri.getHost());
  }

  private static InvalidInputException invalid(String source, String problem) {
    return new InvalidInputException(
        source + " " + problem + " (its value is not shown: it may hold a password).",
        "Set "
            + source
            + " to a URL like http://proxy.example.com:3128 or http://user:password@proxy.example.com:3128 (percent-encode special characters in the password).");
  }
}
