package io.adoconnect.http.network;

import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;

/**
 * Sends the proxy's Basic credentials with the first request, as curl does, instead of waiting for
 * the proxy's 407. Besides saving a round trip, this avoids a defect of Java's HTTP client: when it
 * answers a 407 through an {@link java.net.Authenticator}, it resends the request without the
 * caller's {@code Authorization} header, so Azure DevOps would see an anonymous call (found with
 * Squid; the Authenticator from {@link ProxyRoutes} remains as a fallback). Java's client strips
 * {@code Proxy-*} headers from a request that goes direct, and copies them onto the CONNECT of an
 * HTTPS tunnel, so the header only ever reaches the proxy.
 */
final class ProxyAuthorization implements HttpTransport {
  private final HttpTransport next;
  private final ProxyRoutes routes;

  ProxyAuthorization(HttpTransport next, ProxyRoutes routes) {
    this.next = next;
    this.routes = routes;
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    return next.send(
        routes
            .basicCredentialsFor(request.uri())
            .map(value -> request.withHeader("Proxy-Authorization", value))
            .orElse(request));
  }
}
