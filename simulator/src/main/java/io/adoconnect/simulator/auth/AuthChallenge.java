package io.adoconnect.simulator.auth;

import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;
import java.util.UUID;

/**
 * The answer to a request without a valid credential. Azure DevOps answers {@code 203} with an HTML
 * sign-in page unless the client sends {@code X-TFS-FedAuthRedirect: Suppress}; then it answers a
 * {@code 401} JSON error. Both carry {@code X-VSS-ResourceTenant}, which clients read to find the
 * Entra tenant of an organization.
 */
public final class AuthChallenge {

  private static final String SIGN_IN_PAGE =
      """
            <!DOCTYPE html>
            <html>
            <head><title>Azure DevOps Services | Sign In</title></head>
            <body><p>Sign In</p><p>You need to sign in to continue.</p></body>
            </html>
            """;

  private AuthChallenge() {}

  /** Builds the 401 or 203 answer for {@code request}, naming the user's tenant. */
  public static Response unauthorized(Request request, Scope scope) {
    return unauthorized(
        request,
        scope,
        scope.user().tenantId(),
        scope.rootUrl() + "/login",
        "TF400813: The user '' is not authorized to access this resource.",
        false);
  }

  /**
   * Builds the 401 or 203 answer for {@code request}.
   *
   * @param resourceTenant reported in {@code X-VSS-ResourceTenant} (all-zero for MSA-backed
   *     organizations)
   * @param authorizationUri the {@code authorization_uri} of the {@code WWW-Authenticate: Bearer}
   *     challenge
   * @param always401 answer 401 even without {@code X-TFS-FedAuthRedirect: Suppress} (anonymous
   *     {@code connectionData}, which clients call to learn the tenant)
   */
  public static Response unauthorized(
      Request request,
      Scope scope,
      UUID resourceTenant,
      String authorizationUri,
      String message,
      boolean always401) {
    Response response;
    if (always401
        || request
            .header("X-TFS-FedAuthRedirect")
            .filter("Suppress"::equalsIgnoreCase)
            .isPresent()) {
      response =
          ErrorEnvelope.of(
                  401,
                  message,
                  "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, "
                      + "Microsoft.TeamFoundation.Framework.Server")
              .withHeader(
                  "WWW-Authenticate",
                  "Bearer authorization_uri="
                      + authorizationUri
                      + ", Basic realm=\""
                      + scope.rootUrl()
                      + "\"");
    } else {
      response = Response.html(203, SIGN_IN_PAGE);
    }
    return response.withHeader("X-VSS-ResourceTenant", resourceTenant.toString());
  }
}
