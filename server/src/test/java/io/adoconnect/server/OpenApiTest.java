package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.server.docs.DocsController;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps /openapi.json true, and walks every documented route for the security properties: without
 * or with a wrong token → 401; malformed, oversized and wrong-content-type bodies → 4xx and nothing
 * stored.
 */
class OpenApiTest extends ServerTestBase {
  /** As {@code ado-connect serve} builds it: with /mcp and its authorization server. */
  @Override
  ServerApp createApp(ServerConfig config, io.adoconnect.connect.AdoConnect ado) {
    return ServerApp.create(
        config,
        ado,
        new io.adoconnect.server.mcp.McpHttp(
            io.adoconnect.store.OAuthStore.open(dataDir()), false, "test"));
  }

  /** A documented operation. */
  record Operation(String method, String path, JsonNode spec) {
    boolean isPublic() {
      return spec.has("security") && spec.path("security").isEmpty();
    }

    boolean hasBody() {
      return spec.has("requestBody");
    }

    Set<Integer> statuses() {
      Set<Integer> all = new TreeSet<>();
      spec.path("responses").fieldNames().forEachRemaining(code -> all.add(Integer.parseInt(code)));
      return all;
    }

    /** The path with placeholder ids, as a client would call it. */
    String concrete() {
      return path.replaceAll("\\{[^}]+}", "doesnotexist");
    }

    boolean isApi() {
      return path.startsWith("/api/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Operation> operations() throws Exception {
    JsonNode doc = Api.JSON.readTree(DocsController.openApiDocument());
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
      }
    }
    return operations;
  }

  @Test
  void theDocumentDescribesExactlyTheRoutesTheServiceHas() {
    serve(
        (service, api) -> {
          Api.Response served = api.get("/openapi.json").noToken().send();
          assertThat(served.status()).isEqualTo(200);
          assertThat(served.json().path("openapi").asText()).startsWith("3.");
          Set<String> documented = new TreeSet<>();
          operations()
              .forEach(
                  op ->
                      documented.add(
                          op.method() + " " + op.path().replaceAll("\\{([^}]+)}", "{$1}")));
          Set<String> registered = new TreeSet<>(service.app.routes());
          assertThat(documented).isEqualTo(registered);
        });
  }

  @Test
  void everyDocumentedRouteAnswersWithADocumentedStatus() {
    serve(
        (service, api) -> {
          for (Operation op : operations()) {
            Api.Request request = api.request(op.method(), op.concrete());
            if (op.hasBody()) {
              request.json("{}");
            }
            Api.Response r = request.send();
            assertThat(op.statuses()).as("%s answered %s", op, r).contains(r.status());
            boolean html =
                op.spec()
                    .path("responses")
                    .path(Integer.toString(r.status()))
                    .path("content")
                    .has("text/html");
            boolean oauth =
                op.spec()
                    .path("responses")
                    .path(Integer.toString(r.status()))
                    .path("content")
                    .path("application/json")
                    .path("schema")
                    .path("$ref")
                    .asText()
                    .endsWith("/OAuthError");
            if (html) {
              assertThat(r.header("Content-Type")).as(op.toString()).startsWith("text/html");
            } else if (oauth) { // the OAuth endpoints answer in OAuth's shape (RFC 6749 §5.2)
              assertThat(r.json().fieldNames())
                  .toIterable()
                  .as(op.toString())
                  .containsExactlyInAnyOrder("error", "error_description");
            } else if (r.status() >= 400 && !op.path().equals("/")) {
              assertThat(r.json().fieldNames())
                  .toIterable()
                  .as(op.toString())
                  .containsExactlyInAnyOrder("code", "message", "hint", "action");
              assertThat(r.code())
                  .as(op.toString())
                  .isNotEqualTo("route_not_found")
                  .isNotEqualTo("method_not_allowed");
            }
          }
        });
  }

  @Test
  void everyApiRouteWithoutOrWithAWrongTokenIs401() {
    serve(
        (service, api) -> {
          for (Operation op : operations()) {
            if (!op.isApi() || op.isPublic()) {
              continue;
            }
            for (String authorization :
                new String[] {
                  null,
                  "Bearer wrong",
                  "Bearer " + service.token.reveal() + "x",
                  "Bearer ",
                  "Basic abc"
                }) {
              Api.Request request = api.request(op.method(), op.concrete()).noToken();
              if (authorization != null) {
                request.header("Authorization", authorization);
              }
              if (op.hasBody()) {
                request.json(Map.of("organization", "org-001", "pat", CANARY_PAT));
              }
              Api.Response r = request.send();
              assertThat(r.status()).as("%s with %s", op, authorization).isEqualTo(401);
              assertThat(r.code()).isEqualTo("unauthorized");
            }
          }
          assertThat(service.ado.accounts()).isEmpty();
          assertThat(service.ado.sources()).isEmpty();
        });
  }

  /**
   * Issue 15 item 2: browsers send the session cookie to every port of 127.0.0.1, so a listener on
   * another port may hold it. Without the tab's secret it opens no operation — not even {@code GET
   * /api/session}, which once handed out the CSRF token — whatever else it sends.
   */
  @Test
  void theSessionCookieAloneOpensNoOperation() {
    serve(
        (service, api) -> {
          Api.BrowserTab tab = api.login(service.app.loginLink());
          Api.BrowserTab otherTab = api.login(service.app.loginLink());
          List<Operation> guarded = operations().stream().filter(op -> !op.isPublic()).toList();
          assertThat(guarded).hasSizeGreaterThan(40);
          for (Operation op : guarded) {
            for (String secret : new String[] {null, "", "x".repeat(43), otherTab.secret()}) {
              Api.Request request =
                  api.request(op.method(), op.concrete())
                      .noToken()
                      .cookie(tab.cookie())
                      .header("Origin", api.base().toString())
                      .header("X-CSRF-Token", "x".repeat(43));
              if (secret != null) {
                request.header("X-Tab-Secret", secret);
              }
              if (op.hasBody()) {
                request.json(Map.of("organization", "org-001", "pat", CANARY_PAT));
              }
              Api.Response r = request.send();
              assertThat(r.status())
                  .as("%s with the cookie and secret '%s'", op, secret)
                  .isEqualTo(401);
              assertThat(r.body()).doesNotContain(tab.secret());
            }
          }
          assertThat(api.get("/api/accounts").as(tab).send().status()).isEqualTo(200);
          assertThat(service.ado.accounts()).isEmpty();
          assertThat(service.ado.sources()).isEmpty();
        });
  }

  @Test
  void malformedOversizedAndWrongTypeBodiesAreRefusedEverywhereAndStoreNothing() {
    serve(
        (service, api) -> {
          byte[] big =
              ("{\"organization\":\"org-001\",\"pat\":\""
                      + CANARY_PAT
                      + "\",\"x\":\""
                      + "a".repeat(70 * 1024)
                      + "\"}")
                  .getBytes();
          List<String> malformed =
              List.of(
                  "{",
                  "[]",
                  "null",
                  "42",
                  "\"text\"",
                  "{\"pat\":1}",
                  "{\"organization\":[1]}",
                  "{} {}",
                  "{\"organization\":\"org-001\",\"pat\":\"" + CANARY_PAT + "\",\"unknown\":1}",
                  "{\"organization\":\"org-001\",\"pat\":\"" + CANARY_PAT + "\"",
                  "\u0000\u0001",
                  "{\"organization\":\"../../etc\",\"project\":\"p\",\"repository\":\"r\"}");
          for (Operation op : operations()) {
            if (!Set.of("POST", "PUT", "PATCH").contains(op.method()) || op.isPublic()) {
              continue;
            }
            for (String body : malformed) {
              Api.Response r = api.request(op.method(), op.concrete()).json(body).send();
              if (op.hasBody()) {
                assertThat(r.status()).as("%s with %s → %s", op, body, r).isBetween(400, 499);
                assertThat(r.json().has("code")).isTrue();
              } else {
                assertThat(r.status()).as("%s with %s → %s", op, body, r).isNotIn(500, 503);
              }
            }
            Api.Response large =
                api.request(op.method(), op.concrete()).body("application/json", big).send();
            assertThat(large.status()).as("%s oversized", op).isEqualTo(413);
            assertThat(large.code()).isEqualTo("payload_too_large");
            for (String type :
                List.of(
                    "application/x-www-form-urlencoded",
                    "text/plain",
                    "multipart/form-data; boundary=x",
                    "application/xml")) {
              Api.Response wrongType =
                  api.request(op.method(), op.concrete())
                      .body(type, ("organization=org-001&pat=" + CANARY_PAT).getBytes())
                      .send();
              assertThat(wrongType.status()).as("%s as %s", op, type).isEqualTo(415);
            }
          }
          assertThat(service.ado.accounts()).isEmpty();
          assertThat(service.ado.sources()).isEmpty();
        });
  }

  /**
   * A refused oversized body must not spoil the connection it came on: a client that reads the 413
   * and sends its next request on the same connection gets an answer, from the API and from /mcp.
   */
  @Test
  void theRequestAfterAnOversizedBodyOnTheSameConnectionIsAnswered() {
    serve(
        (service, api) -> {
          int port = api.base().getPort();
          String body = "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}";
          for (String path : List.of("/mcp", "/api/sources")) {
            String pipelined =
                String.join(
                    "\r\n",
                    "POST " + path + " HTTP/1.1",
                    "Host: 127.0.0.1:" + port,
                    "Authorization: Bearer " + service.token.reveal(),
                    "Content-Type: application/json",
                    "Content-Length: " + body.length(),
                    "",
                    body + "GET /api/health HTTP/1.1",
                    "Host: 127.0.0.1:" + port,
                    "Connection: close",
                    "",
                    "");
            String answers =
                new String(
                    RawHttp.exchange(port, pipelined.getBytes(StandardCharsets.ISO_8859_1)),
                    StandardCharsets.ISO_8859_1);
            assertThat(answers).as(path).startsWith("HTTP/1.1 413 ");
            assertThat(answers).as(path).contains("HTTP/1.1 200 ").contains("\"status\":\"ok\"");
          }
        });
  }

  @Test
  void aChunkedBodyWithoutContentLengthIsCappedToo() {
    serve(
        (service, api) -> {
          byte[] big =
              ("{\"organization\":\"org-001\",\"pat\":\""
                      + CANARY_PAT
                      + "\",\"x\":\""
                      + "a".repeat(70 * 1024)
                      + "\"}")
                  .getBytes();
          java.net.http.HttpRequest request =
              java.net.http.HttpRequest.newBuilder(api.base().resolve("/api/connections/pat"))
                  .header("Authorization", "Bearer " + service.token.reveal())
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(big)))
                  .build();
          java.net.http.HttpResponse<String> r =
              java.net.http.HttpClient.newHttpClient()
                  .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
          responses.add(
              new Api.Response("POST chunked", r.statusCode(), r.headers().map(), r.body()));
          assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
          assertThat(r.body()).contains("payload_too_large");
          assertThat(service.ado.accounts()).isEmpty();
        });
  }
}
