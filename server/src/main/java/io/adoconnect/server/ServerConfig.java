package io.adoconnect.server;

import io.adoconnect.server.access.ApiToken;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * How the service runs.
 *
 * @param host where to listen; {@code 127.0.0.1} unless told otherwise
 * @param port 0 picks a free one
 * @param apiToken the token every API call must carry
 * @param redirectUri the web sign-in's redirect URI as registered with the Entra app; empty means
 *     {@code http://127.0.0.1:{port}/api/signin/microsoft/callback} with the port actually bound
 */
public record ServerConfig(
    String host, int port, ApiToken apiToken, Optional<URI> redirectUri, Clock clock) {
  public static final String LOOPBACK = "127.0.0.1";

  public static ServerConfig local(ApiToken token) {
    return new ServerConfig(LOOPBACK, 0, token, Optional.empty(), Clock.systemUTC());
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(host, value, apiToken, redirectUri, clock);
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(value, port, apiToken, redirectUri, clock);
  }

  public ServerConfig withRedirectUri(Optional<URI> value) {
    return new ServerConfig(host, port, apiToken, value, clock);
  }

  public boolean isLoopback() {
    return host.equals(LOOPBACK)
        || host.equals("localhost")
        || host.equals("::1")
        || host.startsWith("127.");
  }
}
