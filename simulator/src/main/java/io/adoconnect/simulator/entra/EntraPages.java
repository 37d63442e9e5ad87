package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML pages of the simulated Entra: plain, accessible forms (every input has a label, one
 * {@code h1} per page, errors in {@code role="alert"}) that work in a browser and with plain form
 * posts.
 *
 * <h2>/devicelogin</h2>
 *
 * Step 1 ({@code GET}): form posting {@code otc} (label "Code", button "Continue"). Step 2 (same
 * {@code POST} with {@code otc} only): the app name, the requested permissions, a radio group
 * {@code user} (UPNs; the first, checked, is the default user) and the buttons {@code
 * action=approve} ("Approve") and {@code action=decline} ("Decline"). A wrong, expired or used code
 * shows step 1 again with an error.
 *
 * <h2>/{tenant}/oauth2/v2.0/authorize</h2>
 *
 * A sign-in page posting {@code request_id}, the radio group {@code user} and {@code action=accept}
 * ("Accept") or {@code action=cancel} ("Cancel"); the answer is a 302 to the redirect URI.
 */
final class EntraPages {

  private EntraPages() {}

  static Response enterCode(String error) {
    return page(
        200,
        "Enter code",
        """
                <h1>Enter code</h1>
                <p>Enter the code displayed on your app or device.</p>
                %s<form method="post" action="/devicelogin">
                <label for="otc">Code</label>
                <input id="otc" name="otc" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" required%s>
                <button type="submit">Continue</button>
                </form>
                """
            .formatted(
                alert(error),
                error == null ? "" : " aria-invalid=\"true\" aria-describedby=\"error\""));
  }

  static Response consent(DeviceAuthorization device, List<EntraUser> users, String error) {
    String app = escape(device.client.displayName());
    return page(
        200,
        "Approve sign-in",
        """
                <h1>Are you trying to sign in to %s?</h1>
                %s<p>%s (client id <code>%s</code>) is requesting these permissions:</p>
                <ul>%s</ul>
                <p>Only continue if you started this sign-in on your own device.</p>
                <form method="post" action="/devicelogin">
                <input type="hidden" name="otc" value="%s">
                %s
                <button type="submit" name="action" value="approve">Approve</button>
                <button type="submit" name="action" value="decline">Decline</button>
                </form>
                """
            .formatted(
                app,
                alert(error),
                app,
                escape(device.client.clientId()),
                permissions(device.scopes),
                escape(device.userCode),
                accounts(users, null)));
  }

  static Response approved(String appName) {
    return page(
        200,
        "Signed in",
        "<h1>You're signed in</h1>\n<p>You have signed in to the "
            + escape(appName)
            + " application on your device. You may now close this window.</p>\n");
  }

  static Response declined(String appName) {
    return page(
        200,
        "Sign-in declined",
        "<h1>Sign-in declined</h1>\n<p>You declined to sign in to "
            + escape(appName)
            + " on your device. You may now close this window.</p>\n");
  }

  static Response signIn(
      String tenantSegment, AuthorizationRequest request, List<EntraUser> users, String error) {
    String app = escape(request.client().displayName());
    return page(
        200,
        "Sign in to your account",
        """
                <h1>Sign in to %s</h1>
                %s<p>%s is requesting these permissions:</p>
                <ul>%s</ul>
                <form method="post" action="/%s/oauth2/v2.0/authorize">
                <input type="hidden" name="request_id" value="%s">
                %s
                <button type="submit" name="action" value="accept">Accept</button>
                <button type="submit" name="action" value="cancel">Cancel</button>
                </form>
                """
            .formatted(
                app,
                alert(error),
                app,
                permissions(request.scopes()),
                escape(tenantSegment),
                escape(request.id()),
                accounts(users, request.loginHint())));
  }

  static Response signInError(int code, String message) {
    return page(
        400,
        "Sign in error",
        "<h1>Sorry, but we're having trouble signing you in.</h1>\n"
            + "<p role=\"alert\" id=\"error\">AADSTS"
            + code
            + ": "
            + escape(message)
            + "</p>\n");
  }

  static Response errorCode(String code) {
    return page(
        200,
        "Error " + code,
        "<h1>Error code AADSTS"
            + escape(code)
            + "</h1>\n"
            + "<p>See entra-oauth.md §10 for the meaning of this code.</p>\n");
  }

  static Response notFound() {
    return page(404, "Not found", "<h1>Not found</h1>\n");
  }

  /** {@code response_mode=form_post}: a self-submitting form to the redirect URI. */
  static Response formPost(String redirectUri, Map<String, String> params) {
    StringBuilder fields = new StringBuilder();
    params.forEach(
        (name, value) ->
            fields
                .append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">\n"));
    return new Response(
        200,
        Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store"),
        ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Working...</title></head>"
                + "<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                + escape(redirectUri)
                + "\">\n"
                + fields
                + "<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String accounts(List<EntraUser> users, String hint) {
    int checked = 0;
    for (int i = 0; hint != null && i < users.size(); i++) {
      if (users.get(i).userPrincipalName().equalsIgnoreCase(hint)) {
        checked = i;
      }
    }
    StringBuilder out = new StringBuilder("<fieldset>\n<legend>Pick an account</legend>\n");
    for (int i = 0; i < users.size(); i++) {
      EntraUser user = users.get(i);
      out.append("<div><input type=\"radio\" id=\"user-")
          .append(i)
          .append("\" name=\"user\" value=\"")
          .append(escape(user.userPrincipalName()))
          .append('"')
          .append(i == checked ? " checked" : "")
          .append("> <label for=\"user-")
          .append(i)
          .append("\">")
          .append(escape(user.displayName()))
          .append(" (")
          .append(escape(user.userPrincipalName()))
          .append(")</label></div>\n");
    }
    return out.append("</fieldset>").toString();
  }

  private static String permissions(ScopeSet scopes) {
    StringBuilder out = new StringBuilder();
    for (String line : describe(scopes)) {
      out.append("<li>").append(escape(line)).append("</li>");
    }
    return out.toString();
  }

  /** Scope descriptions for the consent pages. */
  private static List<String> describe(ScopeSet scopes) {
    List<String> lines = new ArrayList<>();
    for (String r : scopes.resource()) {
      lines.add(
          "Azure DevOps: "
              + (r.equals(".default")
                  ? "the permissions configured for the app (user_impersonation)"
                  : r));
    }
    if (scopes.openid()) {
      lines.add("Sign you in");
    }
    if (scopes.profile()) {
      lines.add("View your basic profile");
    }
    if (scopes.email()) {
      lines.add("View your email address");
    }
    if (scopes.offlineAccess()) {
      lines.add("Maintain access to data you have given it access to");
    }
    return lines;
  }

  private static String alert(String error) {
    return error == null ? "" : "<p role=\"alert\" id=\"error\">" + escape(error) + "</p>\n";
  }

  private static Response page(int status, String title, String main) {
    return Response.html(
            status,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(title)
                + "</title></head>\n<body>\n<main>\n"
                + main
                + "</main>\n</body>\n</html>\n")
        .withHeader("Cache-Control", "no-store");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
