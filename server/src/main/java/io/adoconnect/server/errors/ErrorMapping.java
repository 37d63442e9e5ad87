package io.adoconnect.server.errors;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.AdoConnectException;
import io.adoconnect.AuthenticationException;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.ConditionalAccessException;
import io.adoconnect.ConflictException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NotFoundException;
import io.adoconnect.OrganizationNotSupportedException;
import io.adoconnect.ReconnectRequiredException;
import io.adoconnect.ThrottledException;
import io.adoconnect.TransportException;
import io.adoconnect.UnexpectedResponseException;
import io.adoconnect.UnsupportedApiVersionException;
import io.adoconnect.VaultException;
import io.adoconnect.store.StoreException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure → one HTTP status and one {@link ApiError}; the server's counterpart of the CLI's
 * exit codes, and the only place that decides them.
 *
 * <p>401 and 403 belong to <em>this</em> API (no or wrong API token, missing CSRF header, foreign
 * origin): a client may react to them by logging in again. When the user's Azure DevOps or
 * Microsoft Entra credential fails — a refused PAT, an expired sign-in, a Conditional Access block
 * — the caller of this API is fine, the upstream credential is not, so those answer <b>424 Failed
 * Dependency</b> with a code that says which, and never trigger the client's own re-login.
 *
 * <table>
 *   <tr><th>failure</th><th>status</th><th>code</th></tr>
 *   <tr><td>InvalidInputException</td><td>400</td><td>invalid_input</td></tr>
 *   <tr><td>NotFoundException (Azure DevOps 404)</td><td>404</td><td>not_found</td></tr>
 *   <tr><td>LocalNotFoundException (no such local account, source, subscription)</td><td>404</td><td>not_found_locally</td></tr>
 *   <tr><td>ConflictException (Azure DevOps 409/412: changed first)</td><td>409</td><td>conflict</td></tr>
 *   <tr><td>AccessDeniedException (Azure DevOps 401/403/203)</td><td>424</td><td>azure_devops_access_denied</td></tr>
 *   <tr><td>ReconnectRequiredException</td><td>424</td><td>reconnect_required</td></tr>
 *   <tr><td>ConditionalAccessException</td><td>424</td><td>conditional_access</td></tr>
 *   <tr><td>AuthenticationException</td><td>424</td><td>authentication_failed</td></tr>
 *   <tr><td>OrganizationNotSupportedException</td><td>424</td><td>organization_not_supported</td></tr>
 *   <tr><td>ThrottledException</td><td>429 + Retry-After</td><td>throttled</td></tr>
 *   <tr><td>UnsupportedApiVersionException</td><td>502</td><td>unsupported_api_version</td></tr>
 *   <tr><td>UnexpectedResponseException (unreadable 2xx)</td><td>502</td><td>azure_devops_bad_response</td></tr>
 *   <tr><td>other AzureDevOpsApiException</td><td>502</td><td>azure_devops_error</td></tr>
 *   <tr><td>TransportException</td><td>504</td><td>upstream_unreachable</td></tr>
 *   <tr><td>VaultException</td><td>503</td><td>vault_unavailable</td></tr>
 *   <tr><td>StoreException</td><td>503</td><td>store_unavailable</td></tr>
 *   <tr><td>other AdoConnectException</td><td>500</td><td>error</td></tr>
 *   <tr><td>{@link ApiException}</td><td>its own</td><td>its own</td></tr>
 *   <tr><td>anything else</td><td>500</td><td>internal_error (no detail)</td></tr>
 * </table>
 */
public final class ErrorMapping {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

  /** A status and the body to send with it. */
  public record Mapped(int status, ApiError error) {}

  private ErrorMapping() {}

  public static Mapped map(Throwable failure) {
    if (failure instanceof ApiException e) {
      return new Mapped(e.status(), new ApiError(e.code(), e.getMessage(), e.hint()));
    }
    if (failure instanceof HttpResponseException e) {
      return javalin(e);
    }
    if (failure instanceof AdoConnectException e) {
      return new Mapped(
          status(e),
          new ApiError(
              code(e),
              e.getMessage(),
              NextStepText.hint(e.nextStep()),
              NextStepText.action(e.nextStep())));
    }
    log.warn("unexpected failure", failure);
    return new Mapped(500, internalError());
  }

  /** A failure of our own, without its detail (which may hold anything). */
  public static ApiError internalError() {
    return new ApiError(
        "internal_error",
        "Something went wrong inside ado-connect.",
        "Try again; if it keeps failing, look at the service's log.");
  }

  public static ApiError routeNotFound() {
    return new ApiError(
        "route_not_found", "There is no such route.", "See /openapi.json for the routes.");
  }

  static int status(AdoConnectException e) {
    if (e instanceof InvalidInputException) {
      return 400;
    }
    if (e instanceof NotFoundException || e instanceof LocalNotFoundException) {
      return 404;
    }
    if (e instanceof ConflictException) {
      return 409;
    }
    if (e instanceof AccessDeniedException
        || e instanceof AuthenticationException
        || e instanceof OrganizationNotSupportedException) {
      return 424;
    }
    if (e instanceof ThrottledException) {
      return 429;
    }
    if (e instanceof AzureDevOpsApiException) {
      return 502;
    }
    if (e instanceof TransportException) {
      return 504;
    }
    if (e instanceof VaultException || e instanceof StoreException) {
      return 503;
    }
    return 500;
  }

  static String code(AdoConnectException e) {
    if (e instanceof InvalidInputException) {
      return "invalid_input";
    }
    if (e instanceof NotFoundException) {
      return "not_found";
    }
    if (e instanceof LocalNotFoundException) {
      return "not_found_locally";
    }
    if (e instanceof ConflictException) {
      return "conflict";
    }
    if (e instanceof AccessDeniedException) {
      return "azure_devops_access_denied";
    }
    if (e instanceof ReconnectRequiredException) {
      return "reconnect_required";
    }
    if (e instanceof ConditionalAccessException) {
      return "conditional_access";
    }
    if (e instanceof AuthenticationException) {
      return "authentication_failed";
    }
    if (e instanceof OrganizationNotSupportedException) {
      return "organization_not_supported";
    }
    if (e instanceof ThrottledException) {
      return "throttled";
    }
    if (e instanceof UnsupportedApiVersionException) {
      return "unsupported_api_version";
    }
    if (e instanceof UnexpectedResponseException) {
      return "azure_devops_bad_response";
    }
    if (e instanceof AzureDevOpsApiException) {
      return "azure_devops_error";
    }
    if (e instanceof TransportException) {
      return "upstream_unreachable";
    }
    if (e instanceof VaultException) {
      return "vault_unavailable";
    }
    if (e instanceof StoreException) {
      return "store_unavailable";
    }
    return "error";
  }

  /** Javalin's own refusals (no such route, body too large, …) in the same shape. */
  private static Mapped javalin(HttpResponseException e) {
    int status = e.getStatus();
    return switch (status) {
      case 404 -> new Mapped(404, routeNotFound());
      case 405 ->
          new Mapped(
              405,
              new ApiError(
                  "method_not_allowed",
                  "This route doesn't accept that method.",
                  "See /openapi.json."));
      case 413 -> tooLarge();
      default ->
          new Mapped(status, new ApiError("http_" + status, "The request was refused.", null));
    };
  }

  public static Mapped tooLarge() {
    return new Mapped(
        413,
        new ApiError(
            "payload_too_large",
            "The request body is larger than 64 KiB.",
            "Send a smaller body."));
  }

  /** Writes the failure as the JSON error shape, with Retry-After when Azure DevOps throttles. */
  public static void write(Throwable failure, Context ctx) {
    Mapped mapped = map(failure);
    if (failure instanceof ThrottledException t) {
      ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
    }
    if (mapped.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"ado-connect\"");
    }
    ctx.status(mapped.status()).json(mapped.error());
  }
}
