package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code grant_type=refresh_token}: a new access token (for the scope asked, else the original one)
 * and a new refresh token, possibly for another tenant the user is a member of. Revoked, expired
 * (inactivity) and — with {@link EntraService.Settings#singleUseRefreshTokens()} — already used
 * tokens are {@code invalid_grant}.
 */
final class RefreshTokenGrant implements TokenGrant {
  private final GrantStore grants;
  private final TokenIssuer issuer;
  private final EntraService.Settings settings;
  private final Clock clock;

  RefreshTokenGrant(
      GrantStore grants, TokenIssuer issuer, EntraService.Settings settings, Clock clock) {
    this.grants = grants;
    this.issuer = issuer;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String grantType() {
    return "refresh_token";
  }

  @Override
  public Response redeem(
      Map<String, String> form, Client client, Authority authority, String root) {
    String token = FormParameters.required(form, "refresh_token");
    RefreshGrant grant =
        grants
            .refreshGrant(token)
            .filter(g -> g.client.clientId().equals(client.clientId()))
            .orElseThrow(
                () ->
                    new EntraError.Failure(
                        400,
                        "invalid_grant",
                        70000,
                        "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid."));
    Instant now = clock.instant();
    if (grant.revoked) {
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          50173,
          "The provided grant has expired due to it being "
              + "revoked, a fresh auth token is needed. The user might have changed or reset their password. The "
              + "grant was issued on '"
              + grant.issued
              + "' and the TokensValidFrom date (before which tokens are "
              + "not valid) for this user is '"
              + now
              + "'.");
    }
    if (grant.used) {
      // Real Entra keeps the old token valid (entra-oauth.md §7.2): this answer only exists with
      // singleUseRefreshTokens.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          70000,
          "The provided value for the input parameter "
              + "'refresh_token' or 'assertion' is not valid. The refresh token was already used (the simulator "
              + "invalidates rotated refresh tokens).");
    }
    if (!now.isBefore(grant.expires)) {
      Duration idle = Duration.between(grant.issued, now);
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          700082,
          "The refresh token has expired due to inactivity. "
              + "The token was issued on "
              + grant.issued
              + " and was inactive for "
              + String.format(
                  Locale.ROOT,
                  "%d.%02d:%02d:%02d",
                  idle.toDays(),
                  idle.toHoursPart(),
                  idle.toMinutesPart(),
                  idle.toSecondsPart())
              + ".");
    }
    UUID tenant = authority.tenant() != null ? authority.tenant().id() : grant.tenantId;
    if (grant.user.membership(tenant).isEmpty()) {
      // Code from entra-oauth.md §10.2 (50020); wording unverified.
      throw new EntraError.Failure(
          400,
          "invalid_grant",
          50020,
          "User account '"
              + grant.user.userPrincipalName()
              + "' from identity provider '"
              + root
              + "/"
              + grant.user.homeTenantId()
              + "/' does not exist in tenant '"
              + authority.tenant().displayName()
              + "' and cannot access the application '"
              + client.clientId()
              + "'("
              + client.displayName()
              + ") in that tenant. The account needs to be added as an external user "
              + "in the tenant first.");
    }
    ScopeSet scopes = form.containsKey("scope") ? ScopeSet.parse(form.get("scope")) : grant.scopes;
    if (settings.singleUseRefreshTokens()) {
      grant.used = true;
    }
    return issuer.issue(grant.user, tenant, client, scopes, null, true, root);
  }
}
