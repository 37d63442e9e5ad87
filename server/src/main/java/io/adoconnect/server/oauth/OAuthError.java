package io.adoconnect.server.oauth;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error of the OAuth endpoints in their own shape (RFC 6749 §5.2, RFC 7591 §3.2.2): {@code
 * {"error", "error_description"}}, which OAuth clients read, rather than the API's {@code {code,
 * message, hint}}.
 */
final class OAuthError extends RuntimeException {
  private final int status;
  private final String error;

  OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError(400, "invalid_grant", description);
  }

  String error() {
    return error;
  }

  void write(Context ctx) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", getMessage());
    ctx.status(status).json(body);
  }
}
