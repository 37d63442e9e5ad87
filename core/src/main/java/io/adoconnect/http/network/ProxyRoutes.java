package io.adoconnect.http.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which proxy, if any, each outbound call takes, and the proxy credentials: the one home of both.
 * The credentials are sent with the first request ({@link ProxyAuthorization}), not through a
 * {@link java.net.Authenticator}: Java's HTTP client drops the caller's {@code Authorization}
 * header from requests when it has an Authenticator and a proxy (seen with Squid on Java 17), which
 * would make every Azure DevOps call anonymous.
 *
 * <p>Where the route comes from, in order:
 *
 * <ol>
 *   <li>The JVM's own proxy settings, when any is set ({@code https.proxyHost}, {@code
 *       http.proxyHost}, {@code java.net.useSystemProxies=true}): they win as a whole and Java's
 *       default selector decides, with its {@code http.nonProxyHosts} rules. Credentials come from
 *       {@code https.proxyUser}/{@code https.proxyPassword} (or the {@code http.} pair), the
 *       convention Maven and Gradle follow.
 *   <li>Otherwise the environment, read as curl reads it: {@code https_proxy}/{@code HTTPS_PROXY}
 *       for {@code https://} URLs, {@code http_proxy}/{@code HTTP_PROXY} for {@code http://},
 *       {@code all_proxy}/{@code ALL_PROXY} for either when those are unset, lowercase first;
 *       {@code no_proxy}/{@code NO_PROXY} as {@link NoProxy} reads it; {@code user:pass@} in the
 *       URL as the proxy's Basic credentials.
 * </ol>
 *
 * Loopback is always direct (see {@link NoProxy}). Credentials go only to the proxy they were
 * configured for, never to a server, and never appear in {@link #toString()}.
 */
public final class ProxyRoutes extends ProxySelector {
  /** The JDK property that keeps Basic credentials off HTTPS tunnels (CONNECT) unless cleared. */
  static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

  private final ProxyServer http;
  private final ProxyServer https;
  private final NoProxy noProxy;
  private final ProxySelector jvm;
  private final List<ProxyServer> credentialed;

  private ProxyRoutes(
      ProxyServer http,
      ProxyServer https,
      NoProxy noProxy,
      ProxySelector jvm,
      List<ProxyServer> credentialed) {
    this.http = http;
    this.https = https;
    this.noProxy = noProxy;
    this.jvm = jvm;
    this.credentialed = List.copyOf(credentialed);
  }

  /** No proxy at all: every call goes direct. */
  public static ProxyRoutes direct() {
    return new ProxyRoutes(null, null, NoProxy.NONE, null, List.of());
  }

  /**
   * Reads the route from the JVM's properties or, when they set no proxy, from the environment.
   *
   * @throws io.adoconnect.InvalidInputException when a proxy URL is malformed or not {@code
   *     http://}
   */
  public static ProxyRoutes from(Map<String, String> env, Properties jvmProperties) {
    if (jvmConfigures(jvmProperties)) {
      List<ProxyServer> credentialed = new ArrayList<>();
      for (String scheme : List.of("https", "http")) {
        String host = jvmProperties.getProperty(scheme + ".proxyHost", "");
        String user = jvmProperties.getProperty(scheme + ".proxyUser", "");
        String password = jvmProperties.getProperty(scheme + ".proxyPassword", "");
        if (!host.isBlank() && !user.isBlank() && !password.isEmpty()) {
          int port = parsePort(jvmProperties.getProperty(scheme + ".proxyPort"), scheme);
          credentialed.add(
              new ProxyServer(
                  host.trim(),
                  port,
                  user.trim(),
                  io.adoconnect.auth.Secret.of(password),
                  scheme + ".proxyHost"));
        }
      }
      return new ProxyRoutes(
          null, null, NoProxy.NONE, ProxySelector.getDefault(), List.copyOf(credentialed));
    }
    ProxyServer all = server(env, "all_proxy", "ALL_PROXY");
    ProxyServer http = Optional.ofNullable(server(env, "http_proxy", "HTTP_PROXY")).orElse(all);
    ProxyServer https = Optional.ofNullable(server(env, "https_proxy", "HTTPS_PROXY")).orElse(all);
    NoProxy noProxy = NoProxy.parse(first(env, "no_proxy", "NO_PROXY"));
    List<ProxyServer> credentialed = new ArrayList<>();
    for (ProxyServer proxy : new ProxyServer[] {https, http}) {
      if (proxy != null && proxy.hasCredentials() && !credentialed.contains(proxy)) {
        credentialed.add(proxy);
      }
    }
    return new ProxyRoutes(http, https, noProxy, null, credentialed);
  }

  /** Whether this routes anything through a proxy at all. */
  public boolean usesProxy() {
    return jvm != null || http != null || https != null;
  }

  /**
   * Java keeps Basic credentials off HTTPS tunnels unless {@value #TUNNELING_DISABLED_SCHEMES} is
   * cleared, and reads that property once, when its HTTP client first loads. curl sends them, and a
   * corporate proxy asking for Basic on CONNECT is the common case, so when a proxy has credentials
   * and nobody set the property, it is cleared here, before the first client is built. The
   * credentials still go only to the configured proxy (see {@link #basicCredentialsFor(URI)}).
   */
  public void allowBasicForTunnels() {
    if (!credentialed.isEmpty() && System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
      System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
    }
  }

  @Override
  public List<Proxy> select(URI uri) {
    if (jvm != null) {
      return jvm.select(uri);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    ProxyServer proxy =
        switch (scheme) {
          case "https", "wss" -> https;
          case "http", "ws" -> http;
          default -> null;
        };
    if (proxy == null || uri.getHost() == null || noProxy.direct(uri.getHost(), port(uri))) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy.address()));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // Nothing to fall back to: the error names the proxy (see NetworkErrors).
  }

  /**
   * The {@code Proxy-Authorization} value for a call to {@code uri}, when it goes through a proxy
   * that has credentials; empty otherwise.
   */
  Optional<String> basicCredentialsFor(URI uri) {
    if (credentialed.isEmpty()) {
      return Optional.empty();
    }
    for (Proxy proxy : select(uri)) {
      if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress socket) {
        for (ProxyServer server : credentialed) {
          if (server.isAt(socket.getHostString(), socket.getPort())) {
            String pair =
                server.username()
                    + ":"
                    + (server.password() == null ? "" : server.password().reveal());
            return Optional.of(
                "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The proxy a call to {@code uri} goes through, for an error message; empty when direct. */
  public Optional<String> proxyFor(URI uri) {
    return select(uri).stream()
        .filter(p -> p.type() == Proxy.Type.HTTP)
        .findFirst()
        .map(p -> describe(p.address()));
  }

  private String describe(SocketAddress address) {
    for (ProxyServer proxy : new ProxyServer[] {https, http}) {
      if (proxy != null
          && address instanceof InetSocketAddress socket
          && proxy.isAt(socket.getHostString(), socket.getPort())) {
        return proxy + " (from " + proxy.source() + ")";
      }
    }
    return address.toString().replaceFirst("^/", "") + " (from the JVM's proxy settings)";
  }

  /** Where calls go, without credentials: for request logs. */
  @Override
  public String toString() {
    if (jvm != null) {
      return "proxy from the JVM's settings (http.nonProxyHosts applies)";
    }
    if (!usesProxy()) {
      return "no proxy";
    }
    return "https via "
        + (https == null ? "direct" : https + " (" + https.source() + ")")
        + ", http via "
        + (http == null ? "direct" : http + " (" + http.source() + ")")
        + (noProxy.all() ? ", NO_PROXY=* (all direct)" : "")
        + "; loopback and NO_PROXY hosts direct";
  }

  private static boolean jvmConfigures(Properties props) {
    return !props.getProperty("https.proxyHost", "").isBlank()
        || !props.getProperty("http.proxyHost", "").isBlank()
        || "true".equalsIgnoreCase(props.getProperty("java.net.useSystemProxies", ""));
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static int parsePort(String value, String scheme) {
    try {
      return value == null || value.isBlank() ? 80 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new io.adoconnect.InvalidInputException(
          scheme + ".proxyPort is not a port number.",
          "Set the Java system property " + scheme + ".proxyPort to the proxy's port.");
    }
  }

  private static ProxyServer server(Map<String, String> env, String lower, String upper) {
    String value = env.get(lower);
    String source = lower;
    if (value == null || value.isBlank()) {
      value = env.get(upper);
      source = upper;
    }
    return value == null || value.isBlank() ? null : ProxyServer.parse(value, source);
  }

  private static String first(Map<String, String> env, String lower, String upper) {
    String value = env.get(lower);
    return value != null ? value : env.get(upper);
  }
}
