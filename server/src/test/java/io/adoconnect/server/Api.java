package io.adoconnect.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the service over plain HTTP to 127.0.0.1 (as a browser would reach it), with the API
 * token by default; every response is recorded so a test class can scan them all for secrets.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One client per service under test, never shared: a pooled connection to an earlier test's
   * stopped service on the same (reused) port would fail the next POST with "header parser received
   * no bytes", which the JDK retries only for GET.
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final String token;
  private final List<Response> recorded;

  Api(int port, String token, List<Response> recorded) {
    this.base = URI.create("http://127.0.0.1:" + port);
    this.token = token;
    this.recorded = recorded;
  }

  URI base() {
    return base;
  }

  Request get(String path) {
    return new Request("GET", path);
  }

  Request post(String path) {
    return new Request("POST", path);
  }

  Request delete(String path) {
    return new Request("DELETE", path);
  }

  Request request(String method, String path) {
    return new Request(method, path);
  }

  /** One request being built; the API token is sent unless told otherwise. */
  final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private boolean withToken = true;

    Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Request noToken() {
      withToken = false;
      return this;
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Request cookie(String value) {
      return header("Cookie", value);
    }

    /** As the page of a browser tab: its session cookie and tab secret, no API token. */
    Request as(BrowserTab tab) {
      return noToken().cookie(tab.cookie()).header("X-Tab-Secret", tab.secret());
    }

    Request json(String json) {
      headers.putIfAbsent("Content-Type", "application/json");
      body = json.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    Request json(Object value) {
      try {
        return json(JSON.writeValueAsString(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Request body(String contentType, byte[] bytes) {
      headers.put("Content-Type", contentType);
      body = bytes;
      return this;
    }

    Response send() {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofMinutes(3))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      if (withToken && !headers.containsKey("Authorization")) {
        builder.header("Authorization", "Bearer " + token);
      }
      headers.forEach(builder::header);
      try {
        HttpResponse<String> answer =
            http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        Response response =
            new Response(
                method + " " + path, answer.statusCode(), answer.headers().map(), answer.body());
        recorded.add(response);
        return response;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A browser tab signed in by a login link: the cookie header value and the tab's secret. */
  record BrowserTab(String cookie, String secret) {}

  /**
   * Does what the page opened by {@code link} does: the login exchange with the link's ticket,
   * sending {@code cookie} (the browser's current session cookie, or null) along.
   */
  BrowserTab login(String link, String cookie) {
    String ticket = link.substring(link.indexOf("ticket=") + "ticket=".length());
    Request exchange = post("/api/session").noToken().json(Map.of("ticket", ticket));
    if (cookie != null) {
      exchange.cookie(cookie);
    }
    Response r = exchange.send();
    if (r.status() != 201) {
      throw new AssertionError("login exchange: " + r);
    }
    String set = r.setCookie("ado_session");
    return new BrowserTab(
        set == null ? cookie : "ado_session=" + set, r.json().path("tabSecret").asText());
  }

  BrowserTab login(String link) {
    return login(link, null);
  }

  /** What came back. */
  record Response(String request, int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError(request + " → " + status + " is not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    List<String> headerValues(String name) {
      List<String> all = new ArrayList<>();
      headers.forEach(
          (k, v) -> {
            if (k.equalsIgnoreCase(name)) {
              all.addAll(v);
            }
          });
      return all;
    }

    /** The value of a cookie set by this response, or null. */
    String setCookie(String name) {
      for (String header : headerValues("Set-Cookie")) {
        if (header.startsWith(name + "=")) {
          return header.substring(
              name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
        }
      }
      return null;
    }

    List<JsonNode> lines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (!line.isBlank()) {
          try {
            lines.add(JSON.readTree(line));
          } catch (IOException e) {
            throw new AssertionError("not an NDJSON line: " + line, e);
          }
        }
      }
      return lines;
    }

    String code() {
      return json().path("code").asText();
    }

    @Override
    public String toString() {
      return request
          + " → "
          + status
          + " "
          + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
  }

  static List<Response> newRecorder() {
    return Collections.synchronizedList(new ArrayList<>());
  }
}
