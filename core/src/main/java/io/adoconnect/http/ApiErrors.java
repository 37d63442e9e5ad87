package io.adoconnect.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.AccessDeniedException;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.ThrottledException;
import io.adoconnect.UnsupportedApiVersionException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place a response becomes an exception. Besides HTTP errors it catches the ways Azure
 * DevOps says "not signed in" without a 401: a 203 with its HTML sign-in page, a redirect to the
 * sign-in host, or any HTML body where JSON was asked for.
 */
public final class ApiErrors {
  private static final Pattern SUPPORTED_VERSION =
      Pattern.compile("latest REST API version this server supports is ([0-9]+\\.[0-9]+)");
  private static final int MAX_MESSAGE = 300;

  private ApiErrors() {}

  /** Whether this response must be treated as a failure even when its status says success. */
  public static boolean isFailure(ApiResponse response) {
    return !response.isSuccess()
        || response.status() == 203
        || response.contentType().startsWith("text/html");
  }

  /**
   * {@code refused}: what to do when the credential itself was refused (from {@link
   * io.adoconnect.auth.CredentialProvider#refused()}); a refusal of a call that needs a scope
   * becomes an {@link NextStep.Action#ADD_SCOPE} step for the same account.
   */
  public static AzureDevOpsApiException toException(
      ApiRequest request, ApiResponse response, NextStep refused) {
    int status = response.status();
    if (status == 203
        || (status >= 300 && status < 400)
        || (response.isSuccess() && response.contentType().startsWith("text/html"))) {
      return new AccessDeniedException(
          status,
          "SignInPage",
          "Azure DevOps answered "
              + describe(request)
              + " with its sign-in page (HTTP "
              + status
              + ") instead of data: the credential was not accepted.",
          refused);
    }
    Envelope envelope = Envelope.parse(response);
    String serverSays = envelope.message() == null ? "" : ": " + envelope.message();
    switch (status) {
      case 401:
        return new AccessDeniedException(
            401,
            envelope.typeKey(),
            "Azure DevOps refused the credential for "
                + describe(request)
                + " (HTTP 401"
                + serverSays
                + ").",
            request.scope() == null
                ? refused
                : addScope(
                    request.scope(),
                    refused,
                    "This call needs the "
                        + request.scope()
                        + " scope: if the token works for other calls it lacks that scope."
                        + (refused.advice() == null ? "" : " Otherwise: " + refused.advice())));
      case 403:
        return new AccessDeniedException(
            403,
            envelope.typeKey(),
            "Access denied to " + describe(request) + " (HTTP 403" + serverSays + ").",
            request.scope() == null
                ? NextStep.advice(
                    "The account or token lacks permission for this; check its scopes (Code (Read)"
                        + " to list repositories) and your access in Azure DevOps.")
                : addScope(
                    request.scope(),
                    refused,
                    "This call needs the "
                        + request.scope()
                        + " scope and the matching permission in Azure DevOps; if the token has the"
                        + " scope, ask a project administrator for access."));
      case 404:
        return new NotFoundException(
            envelope.typeKey(),
            "Not found: " + describe(request) + " (HTTP 404" + serverSays + ").",
            "Check the organization, project and repository names match what appears in your Azure DevOps URL.");
      case 429:
        Duration wait =
            RateLimitHeaders.retryAfter(response, Instant.now()).orElse(Duration.ofSeconds(30));
        return new ThrottledException(
            "Azure DevOps rate limiting blocked " + describe(request) + serverSays, wait);
      default:
        break;
    }
    if (status == 400 && "VssVersionOutOfRangeException".equals(envelope.typeKey())) {
      Matcher m = SUPPORTED_VERSION.matcher(envelope.message() == null ? "" : envelope.message());
      return new UnsupportedApiVersionException(
          "This Azure DevOps Server does not support the REST API version ado-connect asked for"
              + serverSays,
          m.find() ? m.group(1) : null);
    }
    String hint =
        status >= 500
            ? "Azure DevOps had a problem answering; try again in a moment."
            : "This looks like a bug in ado-connect or an unsupported server; please report it with the message.";
    return new AzureDevOpsApiException(
        status,
        envelope.typeKey(),
        "Azure DevOps answered " + describe(request) + " with HTTP " + status + serverSays,
        hint);
  }

  /**
   * A call the Microsoft sign-in's granted permissions don't allow, refused before it was sent: the
   * deployment chooses which permissions its sign-ins ask for, so adding one is its operator's
   * change, followed by a new sign-in.
   */
  public static AccessDeniedException notGranted(
      AccessScope needed, GrantedScopes granted, NextStep refused) {
    return new AccessDeniedException(
        403,
        "ScopeNotGranted",
        "This needs "
            + needed
            + ", which the Microsoft sign-in was not granted (it was granted "
            + granted.scp()
            + "); nothing was sent to Azure DevOps.",
        addScope(
            needed,
            refused,
            "Whoever runs ado-connect adds "
                + needed.id()
                + " to the permissions its Microsoft sign-in asks for (ADO_CONNECT_ENTRA_SCOPES);"
                + " then sign in again and consent to it."));
  }

  /** Give the token {@code scope}: for the refused account when it is known. */
  private static NextStep addScope(AccessScope scope, NextStep refused, String advice) {
    return NextStep.of(
        NextStep.Action.ADD_SCOPE,
        advice,
        "scope",
        scope.id(),
        "scopeName",
        scope.label(),
        "accountId",
        refused.parameter("accountId"),
        "method",
        refused.parameter("method"));
  }

  private static String describe(ApiRequest request) {
    return request.method() + " " + request.uri().getRawPath();
  }

  /** Azure DevOps' error body ("WrappedException"): message and typeKey, or plain text. */
  record Envelope(String message, String typeKey) {
    static Envelope parse(ApiResponse response) {
      if (response.body().length == 0) {
        return new Envelope(null, null);
      }
      if (response.contentType().contains("json")) {
        try {
          JsonNode node = Json.MAPPER.readTree(response.body());
          return new Envelope(
              trim(node.path("message").asText(null)), node.path("typeKey").asText(null));
        } catch (IOException e) {
          return new Envelope(null, null);
        }
      }
      if (response.contentType().startsWith("text/plain")) {
        return new Envelope(trim(response.bodyText()), null);
      }
      return new Envelope(null, null);
    }

    private static String trim(String text) {
      if (text == null) {
        return null;
      }
      String oneLine = text.strip().replaceAll("\\s+", " ");
      return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine;
    }
  }
}
