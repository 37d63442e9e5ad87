package io.adoconnect.auth.entra;

import com.nimbusds.jwt.JWTParser;
import io.adoconnect.http.GrantedScopes;
import java.text.ParseException;
import java.util.Optional;

/**
 * What an Entra access token for Azure DevOps was granted: its {@code scp} claim, read from the
 * JWT's payload <em>without verifying the signature</em>. That is fine here: the token came
 * straight from the token endpoint over TLS, and the claim is only used to refuse an operation
 * early, on the client's own side; Azure DevOps verifies the token and checks the same claim on
 * every call, so a wrong reading can make ado-connect refuse too much, never allow more.
 *
 * <p>Entra documents access tokens as opaque to clients (entra-oauth.md §8). Azure DevOps tokens
 * are JWTs today; should one not be (an encrypted token, another format), the token response's
 * {@code scope} field, which lists the same permissions prefixed with the resource, is used
 * instead, and with neither the grant counts as everything.
 */
public final class TokenScopes {
  private TokenScopes() {}

  public static GrantedScopes of(TokenSet tokens) {
    return scp(tokens)
        .map(GrantedScopes::parse)
        .orElseGet(() -> GrantedScopes.parse(tokens.scope()));
  }

  private static Optional<String> scp(TokenSet tokens) {
    if (tokens.accessToken() == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          JWTParser.parse(tokens.accessToken().reveal()).getJWTClaimsSet().getStringClaim("scp"));
    } catch (ParseException | RuntimeException notAJwt) {
      // Never log the token or the parser's message (it may quote the token).
      return Optional.empty();
    }
  }
}
