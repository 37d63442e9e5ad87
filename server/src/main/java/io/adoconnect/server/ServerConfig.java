package io.adoconnect.server;

import io.adoconnect.connect.SourceClones;
import io.adoconnect.server.access.ApiToken;
import io.adoconnect.server.team.TeamMode;
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
 * @param publicUrl where Azure DevOps reaches this service ({@code ADO_CONNECT_PUBLIC_URL}), the
 *     base of service hook receiver URLs; empty means the address it listens on
 * @param team empty: the single-user service (the API token, login links); present: team mode,
 *     where applications call with their API keys for their end users
 * @param sourceClones the clones of sources the service fetches when a trusted push event arrives;
 *     empty: it fetches nothing (the caller opens and closes them)
 */
public record ServerConfig(
    String host,
    int port,
    ApiToken apiToken,
    Optional<URI> redirectUri,
    Clock clock,
    Optional<URI> publicUrl,
    Optional<TeamMode> team,
    Optional<SourceClones> sourceClones) {
  public static final String LOOPBACK = "127.0.0.1";

  public ServerConfig(
      String host, int port, ApiToken apiToken, Optional<URI> redirectUri, Clock clock) {
    this(
        host,
        port,
        apiToken,
        redirectUri,
        clock,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public static ServerConfig local(ApiToken token) {
    return new ServerConfig(LOOPBACK, 0, token, Optional.empty(), Clock.systemUTC());
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(
        host, value, apiToken, redirectUri, clock, publicUrl, team, sourceClones);
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(
        value, port, apiToken, redirectUri, clock, publicUrl, team, sourceClones);
  }

  public ServerConfig withRedirectUri(Optional<URI> value) {
    return new ServerConfig(host, port, apiToken, value, clock, publicUrl, team, sourceClones);
  }

  public ServerConfig withPublicUrl(Optional<URI> value) {
    return new ServerConfig(host, port, apiToken, redirectUri, clock, value, team, sourceClones);
  }

  public ServerConfig withTeam(Optional<TeamMode> value) {
    return new ServerConfig(
        host, port, apiToken, redirectUri, clock, publicUrl, value, sourceClones);
  }

  public ServerConfig withSourceClones(Optional<SourceClones> value) {
    return new ServerConfig(host, port, apiToken, redirectUri, clock, publicUrl, team, value);
  }

  public boolean isLoopback() {
    return host.equals(LOOPBACK)
        || host.equals("localhost")
        || host.equals("::1")
        || host.startsWith("127.");
  }
}
