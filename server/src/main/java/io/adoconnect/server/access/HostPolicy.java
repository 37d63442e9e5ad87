package io.adoconnect.server.access;

import io.adoconnect.server.errors.ApiException;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Which names this service answers to, checked before anything else on every path: the {@code Host}
 * header must be a loopback name with the bound port ({@code 127.0.0.1}, {@code localhost}, {@code
 * [::1]}, or the address it is bound to), or the host of the configured public URL ({@code
 * ADO_CONNECT_PUBLIC_URL}) or web sign-in redirect URI. A page on {@code evil.example} whose name
 * was re-pointed at 127.0.0.1 (DNS rebinding) sends {@code Host: evil.example:port} and is refused
 * before its request is looked at, whatever cookie or token it carries.
 *
 * <p>The origins the same names make ({@code http://127.0.0.1:port}, the public URL's scheme, host
 * and port, …) are the only ones {@link AccessGuard} accepts in an {@code Origin} header: it is
 * compared with what the service was configured as, never with the request's own {@code Host}.
 */
public final class HostPolicy {
  private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

  private final String boundHost;
  private final IntSupplier port;
  private final List<URI> configured;
  private volatile Allowed allowed;

  private record Allowed(int port, Set<String> hosts, Set<String> origins) {}

  /**
   * @param boundHost the address the service listens on
   * @param port the bound port (known once the server started)
   * @param publicUrl {@code ADO_CONNECT_PUBLIC_URL}, when set
   * @param redirectUri the web sign-in's redirect URI, when configured
   */
  public HostPolicy(
      String boundHost, IntSupplier port, Optional<URI> publicUrl, Optional<URI> redirectUri) {
    this.boundHost = boundHost;
    this.port = port;
    this.configured =
        java.util.stream.Stream.of(publicUrl, redirectUri).flatMap(Optional::stream).toList();
  }

  /** Refuses (400 {@code host_not_allowed}) a request whose {@code Host} isn't one of ours. */
  public void before(Context ctx) {
    if (!isAllowedHost(ctx.header("Host"))) {
      throw new ApiException(
          400,
          "host_not_allowed",
          "This service does not answer to the host name this request was sent to.",
          "Open it at "
              + "http://127.0.0.1:"
              + port.getAsInt()
              + "/, or set ADO_CONNECT_PUBLIC_URL to the address you reach it at.");
    }
  }

  /** Whether {@code host} (a {@code Host} header) is one of this service's names. */
  public boolean isAllowedHost(String host) {
    return host != null && allowed().hosts().contains(host.strip().toLowerCase(Locale.ROOT));
  }

  /** Whether {@code origin} (an {@code Origin} header) is this service as configured. */
  public boolean isOwnOrigin(String origin) {
    return origin != null && allowed().origins().contains(origin.strip().toLowerCase(Locale.ROOT));
  }

  private Allowed allowed() {
    int bound = port.getAsInt();
    Allowed current = allowed;
    if (current == null || current.port() != bound) {
      current = compute(bound);
      allowed = current;
    }
    return current;
  }

  private Allowed compute(int bound) {
    Set<String> hosts = new LinkedHashSet<>();
    Set<String> origins = new LinkedHashSet<>();
    List<String> names = new java.util.ArrayList<>(LOOPBACK_NAMES);
    if (!isWildcard(boundHost)) {
      names.add(boundHost.contains(":") ? "[" + boundHost + "]" : boundHost);
    }
    for (String name : names) {
      add(hosts, origins, "http", name.toLowerCase(Locale.ROOT), bound);
    }
    for (URI uri : configured) {
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      String name = uri.getHost().toLowerCase(Locale.ROOT);
      if (name.contains(":") && !name.startsWith("[")) {
        name = "[" + name + "]";
      }
      add(hosts, origins, scheme, name, uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort());
    }
    return new Allowed(bound, Set.copyOf(hosts), Set.copyOf(origins));
  }

  private static void add(
      Set<String> hosts, Set<String> origins, String scheme, String name, int port) {
    hosts.add(name + ":" + port);
    origins.add(scheme + "://" + name + ":" + port);
    if (port == defaultPort(scheme)) {
      hosts.add(name);
      origins.add(scheme + "://" + name);
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }

  /** Whether the service listens on every interface ({@code 0.0.0.0}, {@code ::}). */
  public static boolean isWildcard(String host) {
    return host == null
        || host.isBlank()
        || host.equals("0.0.0.0")
        || host.equals("::")
        || host.equals("[::]")
        || host.equals("0:0:0:0:0:0:0:0");
  }
}
