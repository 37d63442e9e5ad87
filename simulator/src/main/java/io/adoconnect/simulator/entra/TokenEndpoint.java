package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: authenticates the client, resolves the authority and
 * hands the request to the {@link TokenGrant} of its {@code grant_type}.
 */
final class TokenEndpoint {
  private final Clients clients;
  private final Authorities authorities;
  private final Map<String, TokenGrant> grants = new LinkedHashMap<>();

  TokenEndpoint(Clients clients, Authorities authorities, List<TokenGrant> grants) {
    this.clients = clients;
    this.authorities = authorities;
    grants.forEach(grant -> this.grants.put(grant.grantType(), grant));
  }

  Response handle(Request request, Map<String, String> form, String root) {
    String grantType = FormParameters.required(form, "grant_type");
    Client client = clients.authenticate(request, form);
    Authority authority = authorities.forFlow(request.segments().get(0), client);
    TokenGrant grant = grants.get(grantType);
    if (grant == null) {
      // Code and wording unverified.
      throw new EntraError.Failure(
          400,
          "unsupported_grant_type",
          70003,
          "The app requested an unsupported grant type '" + grantType + "'.");
    }
    return grant.redeem(form, client, authority, root);
  }
}
