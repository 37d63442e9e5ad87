package io.adoconnect.auth.entra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.adoconnect.AuthenticationException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The CLI's redirect target for browser sign-in (RFC 8252 §7.3): a one-shot listener on 127.0.0.1
 * and a free port. It accepts exactly one answer carrying the expected {@code state}; anything else
 * — a forged or stale state, a stray request — is refused and waiting goes on.
 */
public final class LoopbackRedirect implements AutoCloseable {
  private final HttpServer server;
  private final CompletableFuture<Secret> code = new CompletableFuture<>();
  private volatile Secret expectedState;

  private LoopbackRedirect(HttpServer server) {
    this.server = server;
  }

  public static LoopbackRedirect open() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      LoopbackRedirect redirect = new LoopbackRedirect(server);
      server.createContext("/", redirect::handle);
      server.start();
      return redirect;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen on the loopback interface for the sign-in redirect", e);
    }
  }

  public URI redirectUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The one {@code state} an answer must carry; set it before sending the browser to Entra. */
  public void expect(Secret state) {
    expectedState = state;
  }

  /** Waits for the authorization code that comes back with the expected state. */
  public Secret awaitCode(Duration timeout) {
    try {
      return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AuthenticationException(
          "The browser sign-in was not finished within " + timeout.toMinutes() + " minutes.",
          NextStep.of(
              NextStep.Action.CONNECT_BROWSER,
              "Sign in again and complete the sign-in in the browser that opens."));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof AuthenticationException a
          ? a
          : new AuthenticationException("The browser sign-in failed.", NextStep.NONE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationException("The browser sign-in was interrupted.", NextStep.NONE, e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
    Secret expected = expectedState;
    String state = query.get("state");
    if (expected == null
        || state == null
        || state.isEmpty()
        || !expected.equals(Secret.of(state))) {
      respond(
          exchange,
          400,
          "This sign-in answer doesn't belong to the sign-in ado-connect started. Close this tab.");
      return;
    }
    if (query.containsKey("error")) {
      respond(
          exchange,
          200,
          "Sign-in was not completed. You can close this tab and return to the terminal.");
      boolean declined = "access_denied".equals(query.get("error"));
      code.completeExceptionally(
          new AuthenticationException(
              declined
                  ? "The sign-in was declined in the browser."
                  : "The browser sign-in failed (" + query.get("error") + ").",
              NextStep.of(
                  NextStep.Action.CONNECT_BROWSER,
                  "Sign in again and approve every requested permission; if your organization"
                      + " requires it, an administrator may need to allow the app.")));
      return;
    }
    String value = query.get("code");
    if (value == null || value.isEmpty()) {
      respond(
          exchange,
          400,
          "The sign-in answer has no authorization code. Close this tab and try again.");
      return;
    }
    respond(exchange, 200, "Signed in. You can close this tab and return to the terminal.");
    code.complete(Secret.of(value));
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body =
        ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>ado-connect</title><p>"
                + text
                + "</p></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> parse(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery == null) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.putIfAbsent(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
