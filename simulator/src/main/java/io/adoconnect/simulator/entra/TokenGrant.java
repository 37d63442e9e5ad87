package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Response;
import java.util.Map;

/**
 * One {@code grant_type} of the token endpoint (Spring Authorization Server's per-grant {@code
 * AuthenticationProvider}): checks the grant and answers with tokens or throws {@link
 * EntraError.Failure}. The client is already authenticated and the authority resolved.
 */
interface TokenGrant {

  /** The {@code grant_type} value this grant answers. */
  String grantType();

  Response redeem(Map<String, String> form, Client client, Authority authority, String root);
}
