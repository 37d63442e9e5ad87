package io.adoconnect.net;

import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks every request's target against the {@link AddressPolicy} right before it is sent, except
 * requests to the endpoints the operator configured ({@code ADO_CONNECT_*_URL}, or the public
 * cloud's), which are trusted by origin. Through a proxy the target's name is checked and the proxy
 * itself is not. The service wraps its transport in one; the CLI does not.
 *
 * <p>The check resolves the name just before the JDK client resolves it again to connect; both go
 * through the JVM's address cache, but a name whose cache entry expires in between could be
 * re-bound to another address (DNS rebinding). server/README.md's Security note says what that
 * window is.
 */
public final class CheckedTransport implements HttpTransport {
  private final HttpTransport next;
  private final AddressPolicy policy;
  private final Set<String> trustedOrigins;
  private final Predicate<URI> viaProxy;

  /**
   * @param trusted the operator's endpoints; requests to their scheme, host and port are not
   *     checked
   * @param viaProxy whether a request to this URI goes through a proxy: the same route the
   *     transport itself takes (see {@code ProxyRoutes#proxyFor})
   */
  public CheckedTransport(
      HttpTransport next, AddressPolicy policy, Collection<URI> trusted, Predicate<URI> viaProxy) {
    this.next = next;
    this.policy = policy;
    this.trustedOrigins =
        trusted.stream().map(CheckedTransport::origin).collect(Collectors.toUnmodifiableSet());
    this.viaProxy = viaProxy;
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    URI uri = request.uri();
    if (!trustedOrigins.contains(origin(uri))) {
      policy.check(uri, viaProxy.test(uri));
    }
    return next.send(request);
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }
}
