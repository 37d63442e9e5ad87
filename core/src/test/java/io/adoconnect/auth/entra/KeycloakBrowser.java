package io.adoconnect.auth.entra;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Does what a user does in a browser on Keycloak's own device pages: opens the verification link,
 * signs in on the {@code kc-form-login} form, and answers the consent page Keycloak always shows
 * for the device grant (Yes or No). One instance is one browser: its cookie jar holds the SSO
 * session, so each sign-in in a test gets a fresh one.
 */
final class KeycloakBrowser {
  private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION =
      Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE =
      Pattern.compile(
          "<input\\b[^>]*\\bname=\"code\"[^>]*\\bvalue=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new LoopbackCookies())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Keycloak marks its cookies {@code Secure} even over plain HTTP. Browsers send them to 127.0.0.1
   * anyway (loopback counts as a secure context); the JDK's {@link CookieManager} does not, so this
   * jar drops the attribute for loopback hosts, as a browser effectively does.
   */
  private static final class LoopbackCookies extends CookieHandler {
    private static final Pattern SECURE =
        Pattern.compile(";\\s*Secure\\s*(?=;|$)", Pattern.CASE_INSENSITIVE);
    private final CookieManager jar = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders)
        throws IOException {
      return jar.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
      if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
        jar.put(uri, responseHeaders);
        return;
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      responseHeaders.forEach(
          (name, values) ->
              headers.put(
                  name,
                  name != null && name.toLowerCase(Locale.ROOT).startsWith("set-cookie")
                      ? values.stream().map(v -> SECURE.matcher(v).replaceAll("")).toList()
                      : values));
      jar.put(uri, headers);
    }
  }

  /** The page a step ended on: where (after redirects), its status and HTML. */
  record Page(URI uri, int status, String html) {}

  /** Signs in and approves the device code: Keycloak then redirects to its device status page. */
  Page approve(URI verificationUriComplete, String username, String password) {
    return answerConsent(signIn(verificationUriComplete, username, password), true);
  }

  /** Signs in and declines on the consent page. */
  Page decline(URI verificationUriComplete, String username, String password) {
    return answerConsent(signIn(verificationUriComplete, username, password), false);
  }

  /** GET the verification link, then POST the login form; answers the consent page. */
  Page signIn(URI verificationUriComplete, String username, String password) {
    Page login = get(verificationUriComplete);
    URI action = formAction(login, "kc-form-login");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", password);
    form.put("credentialId", "");
    Page consent = post(action, form);
    if (!consent.html().contains("name=\"accept\"")) {
      throw new AssertionError(
          "Keycloak showed no consent page after signing in ("
              + consent.status()
              + " "
              + consent.uri()
              + "):\n"
              + consent.html());
    }
    return consent;
  }

  /**
   * POST the consent form with its hidden {@code code} and {@code accept=Yes} or {@code cancel=No}.
   */
  Page answerConsent(Page consent, boolean accept) {
    URI action = formAction(consent, "login-actions/consent");
    Matcher code = CODE.matcher(consent.html());
    if (!code.find()) {
      throw new AssertionError("The consent page has no hidden code:\n" + consent.html());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("code", unescape(code.group(1)));
    form.put(accept ? "accept" : "cancel", accept ? "Yes" : "No");
    return post(action, form);
  }

  /**
   * The action of the first form whose tag contains {@code marker} (its id or part of its action).
   */
  private static URI formAction(Page page, String marker) {
    Matcher forms = FORM.matcher(page.html());
    while (forms.find()) {
      String tag = forms.group();
      Matcher action = ACTION.matcher(tag);
      if (tag.contains(marker) && action.find()) {
        return page.uri().resolve(unescape(action.group(1)));
      }
    }
    throw new AssertionError(
        "No form with "
            + marker
            + " on "
            + page.uri()
            + " ("
            + page.status()
            + "):\n"
            + page.html());
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"");
  }

  private Page get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  private Page post(URI uri, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Page(response.uri(), response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError(
          "Keycloak did not answer " + request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }
}
