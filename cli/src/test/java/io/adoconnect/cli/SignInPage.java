package io.adoconnect.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the person at the simulator's Entra sign-in page: loads the authorize URL, presses Accept
 * or Cancel, and follows the redirect to ado-connect's loopback listener — what a browser would do,
 * over plain HTTP.
 */
final class SignInPage {
  private static final Pattern REQUEST_ID =
      Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");
  private static final Pattern ACTION =
      Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private SignInPage() {}

  /** Runs in the background so the command can start waiting for the redirect. */
  static boolean answer(URI authorize, String action) {
    Thread thread =
        new Thread(
            () -> {
              try {
                String page =
                    HTTP.send(
                            HttpRequest.newBuilder(authorize).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body();
                String requestId = find(REQUEST_ID, page);
                URI post = authorize.resolve(find(ACTION, page));
                String form =
                    "request_id="
                        + URLEncoder.encode(requestId, StandardCharsets.UTF_8)
                        + "&action="
                        + action;
                HttpResponse<String> decision =
                    HTTP.send(
                        HttpRequest.newBuilder(post)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                URI redirect = URI.create(decision.headers().firstValue("Location").orElseThrow());
                HTTP.send(
                    HttpRequest.newBuilder(redirect).build(), HttpResponse.BodyHandlers.ofString());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    thread.setDaemon(true);
    thread.start();
    return true;
  }

  private static String find(Pattern pattern, String page) {
    Matcher m = pattern.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("not on the sign-in page: " + page);
    }
    return m.group(1);
  }
}
