package io.adoconnect.server.oauth;

import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.Owner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The authorization server of {@code /mcp} as one piece: its endpoints, created over one store, and
 * the {@link TokenIssuer} the resource checks tokens with.
 */
public final class AuthorizationServer {
  private final TokenIssuer tokens;
  private final MetadataController metadata;
  private final RegistrationController registration;
  private final AuthorizeController authorize;
  private final ConsentController consent;
  private final TokenController token;

  /**
   * @param browsers whose browser asks {@code /oauth/authorize} (single-user: always {@link
   *     Owner#LOCAL}; team mode: the end user of the browser's connect-link session), empty for
   *     nobody's
   * @param writeAllowed the deployment's switch: without it no grant can write
   */
  public AuthorizationServer(
      OAuthStore store,
      OAuthUris uris,
      Function<Context, Optional<Owner>> browsers,
      boolean writeAllowed,
      Clock clock) {
    PendingAuthorizations pending = new PendingAuthorizations(store.pendingAuthorizations(), clock);
    this.tokens = new TokenIssuer(store, clock);
    this.metadata = new MetadataController(uris);
    this.registration = new RegistrationController(store, uris, clock);
    this.authorize = new AuthorizeController(store, uris, pending, browsers);
    this.consent = new ConsentController(store, uris, pending, Owner.LOCAL, writeAllowed, clock);
    this.token = new TokenController(store, tokens, uris, clock);
  }

  public TokenIssuer tokens() {
    return tokens;
  }

  public void routes(RoutesConfig routes) {
    metadata.routes(routes);
    registration.routes(routes);
    authorize.routes(routes);
    consent.routes(routes);
    token.routes(routes);
  }
}
