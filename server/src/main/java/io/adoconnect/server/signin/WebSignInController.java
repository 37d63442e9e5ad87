package io.adoconnect.server.signin;

import io.adoconnect.AuthenticationException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.AuthorizationCodeFlow;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.errors.NextStepText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Web sign-in with Microsoft Entra ID for the service (authorization code + PKCE S256, exact
 * redirect URI, the client secret of a confidential app registration when configured).
 *
 * <p>{@code GET /api/signin/microsoft[?returnTo=/path]} (API token or session) → 302 to Entra's
 * authorize page ({@code POST}, the page's way: {@code {"authorizeUrl"}} to go to instead), and
 * sets {@code ado_signin}: a random binding value, HttpOnly, SameSite=Lax (so the browser sends it
 * on Entra's top-level redirect back), scoped to the callback path. {@code GET
 * /api/signin/microsoft/callback?code=&state=} → when the state is known, unused, unexpired and
 * bound to this browser: redeems the code with the PKCE verifier, saves the account (method
 * authorization_code) and 303s to {@code returnTo} (default {@code /}). Forged, replayed, expired
 * or cross-browser states and lost verifiers are 400s that change nothing; {@code returnTo} must be
 * a local path, so the flow can't be used as an open redirect.
 */
public final class WebSignInController {
  static final String BINDING_COOKIE = "ado_signin";
  static final String CALLBACK_PATH = "/api/signin/microsoft/callback";
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~-]{0,200}");
  private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

  private final RequestCore ado;
  private final Supplier<URI> redirectUri;
  private final PendingSignIns pending;

  /**
   * @param root the service's core: a callback, which carries no owner, finds the pending sign-in
   *     through it and completes it as the owner who started it
   */
  public WebSignInController(
      RequestCore ado, AdoConnect root, Supplier<URI> redirectUri, Clock clock) {
    this.ado = ado;
    this.redirectUri = redirectUri;
    this.pending = new PendingSignIns(root, clock);
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/signin/microsoft", this::start);
    routes.post("/api/signin/microsoft", this::startFromPage);
    routes.get(CALLBACK_PATH, this::callback);
  }

  private void start(Context ctx) {
    ctx.redirect(begin(ctx).toString(), HttpStatus.FOUND);
  }

  /**
   * The page's way to start: a navigation can't carry the page's per-tab secret, so the page asks
   * with a call that does, then sends the browser to the {@code authorizeUrl} it gets back.
   */
  private void startFromPage(Context ctx) {
    ctx.json(java.util.Map.of("authorizeUrl", begin(ctx).toString()));
  }

  /** Starts a sign-in, sets the binding cookie; returns Entra's authorize URL. */
  private URI begin(Context ctx) {
    String returnTo = ctx.queryParam("returnTo");
    if (returnTo == null || returnTo.isEmpty()) {
      returnTo = "/";
    } else if (!LOCAL_PATH.matcher(returnTo).matches()) {
      throw ApiException.badRequest(
          "invalid_return_to",
          "returnTo must be a path on this service, like /sources.",
          "ado-connect only returns to its own pages after signing in.");
    }
    URI redirect = redirectUri.get();
    AdoConnect core = ado.of(ctx);
    AuthorizationCodeFlow.Pending started = core.beginWebSignIn(redirect);
    String binding = pending.add(started, returnTo, core);
    ctx.res()
        .addHeader(
            "Set-Cookie",
            BINDING_COOKIE
                + "="
                + binding
                + "; Path="
                + CALLBACK_PATH
                + "; Max-Age="
                + PendingSignIns.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax"
                + ("https".equals(redirect.getScheme()) ? "; Secure" : ""));
    return started.authorizeUri();
  }

  private void callback(Context ctx) {
    PendingSignIns.Entry entry =
        pending
            .take(ctx.queryParam("state"), ctx.cookie(BINDING_COOKIE))
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "invalid_state",
                        "This sign-in answer doesn't belong to a sign-in this browser started, or it was already used or expired.",
                        "Start the sign-in again from the ado-connect page."));
    ctx.res()
        .addHeader(
            "Set-Cookie",
            BINDING_COOKIE + "=; Path=" + CALLBACK_PATH + "; Max-Age=0; HttpOnly; SameSite=Lax");
    String error = ctx.queryParam("error");
    if (error != null) {
      String shown = ERROR_CODE.matcher(error).matches() ? error : "an error";
      throw new ApiException(
          424,
          "authentication_failed",
          "Microsoft Entra ID did not sign you in (" + shown + ").",
          "Try again; if your organization requires it, ask an administrator to consent to the app.");
    }
    String code = ctx.queryParam("code");
    if (code == null || code.isBlank() || code.length() > 4096) {
      throw ApiException.badRequest(
          "invalid_input",
          "The sign-in answer carries no authorization code.",
          "Start the sign-in again.");
    }
    try {
      entry.core().completeWebSignIn(entry.pending(), Secret.of(code));
    } catch (AuthenticationException refused) {
      // A code from another flow (PKCE mismatch), a replayed or expired code: Entra refused it.
      throw ApiException.badRequest(
          "signin_rejected", refused.getMessage(), NextStepText.hint(refused.nextStep()));
    }
    ctx.redirect(entry.returnTo(), HttpStatus.SEE_OTHER);
  }
}
