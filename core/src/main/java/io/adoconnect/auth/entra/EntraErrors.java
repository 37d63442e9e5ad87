package io.adoconnect.auth.entra;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.adoconnect.AuthenticationException;
import io.adoconnect.ConditionalAccessException;
import io.adoconnect.NextStep;
import io.adoconnect.ReconnectRequiredException;
import java.util.List;
import java.util.Map;

/**
 * Turns Entra's error answers into exceptions users can act on. Decisions follow the OAuth {@code
 * error} code; the AADSTS number is only used to recognise Conditional Access, and the raw {@code
 * error_description} (which Microsoft says not to show verbatim) stays out of messages.
 */
final class EntraErrors {
  /** AADSTS codes that mean a Conditional Access policy blocked this way of signing in. */
  private static final String[] CONDITIONAL_ACCESS = {
    "53003", "50097", "50199", "530033", "530035"
  };

  private EntraErrors() {}

  static AuthenticationException of(ErrorObject error, HTTPResponse response, String what) {
    String code = error == null || error.getCode() == null ? "unknown_error" : error.getCode();
    String aadsts = aadsts(error, response);
    String detail = code + (aadsts == null ? "" : ", AADSTS" + aadsts);
    if (aadsts != null && isConditionalAccess(aadsts)) {
      return new ConditionalAccessException(
          "Microsoft Entra ID blocked "
              + what
              + " ("
              + detail
              + "): a Conditional Access policy of your organization"
              + " doesn't allow this way of signing in.",
          NextStep.of(
              NextStep.Action.CONNECT_BROWSER,
              "Sign in with the browser instead. If that is blocked too, ask an administrator to"
                  + " allow the app registration."));
    }
    return switch (code) {
      case "invalid_grant" ->
          new ReconnectRequiredException(
              "Microsoft Entra ID no longer accepts the saved sign-in (" + detail + ").",
              "The session expired or was revoked. Disconnect the account and sign in again.");
      case "invalid_client", "unauthorized_client" ->
          new AuthenticationException(
              "Microsoft Entra ID refused the app (" + detail + ").",
              "Check ADO_CONNECT_AZURE_DEVOPS_CLIENT_ID and ADO_CONNECT_AZURE_TENANT_ID: the app must exist in the tenant and"
                  + " allow public client flows. Disconnect and connect again after changing them.");
      case "invalid_scope", "consent_required", "interaction_required" ->
          new AuthenticationException(
              "Microsoft Entra ID refused " + what + " (" + detail + ").",
              "Sign in again and approve every requested permission; if your organization requires admin consent, ask an"
                  + " administrator to consent to the app.");
      default ->
          new AuthenticationException(
              "Microsoft Entra ID refused " + what + " (" + detail + ").",
              "Try again; if it keeps failing, turn on verbose logging and check the tenant and app"
                  + " settings.");
    };
  }

  static boolean isConditionalAccess(String aadsts) {
    for (String code : CONDITIONAL_ACCESS) {
      if (code.equals(aadsts)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first number of {@code error_codes}, else the {@code AADSTSnnnn} prefix of the description.
   */
  static String aadsts(ErrorObject error, HTTPResponse response) {
    try {
      Map<String, Object> body = response == null ? Map.of() : response.getBodyAsJSONObject();
      if (body.get("error_codes") instanceof List<?> codes && !codes.isEmpty()) {
        return String.valueOf(codes.get(0));
      }
    } catch (ParseException ignored) {
      // not JSON: fall back to the description
    }
    String description = error == null ? null : error.getDescription();
    if (description != null && description.startsWith("AADSTS")) {
      int end = 6;
      while (end < description.length() && Character.isDigit(description.charAt(end))) {
        end++;
      }
      return end > 6 ? description.substring(6, end) : null;
    }
    return null;
  }
}
