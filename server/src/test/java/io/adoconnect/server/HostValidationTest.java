package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 3: a page on another site whose name was re-pointed at 127.0.0.1 (DNS rebinding)
 * reaches the service with its own name in {@code Host} and {@code Origin}. The service answers
 * only to its own names, before anything else, on every path; and an {@code Origin} is compared
 * with the configured ones, never with the request's {@code Host}.
 */
class HostValidationTest extends ServerTestBase {

  static String request(String method, String path, String host, String... headers) {
    StringBuilder r = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    if (host != null) {
      r.append("Host: ").append(host).append("\r\n");
    }
    for (String header : headers) {
      r.append(header).append("\r\n");
    }
    return r.append("Connection: close\r\n\r\n").toString();
  }

  static String post(String path, String host, String json, String... headers) {
    String head = request("POST", path, host, headers);
    return head.substring(0, head.length() - 2)
        + "Content-Type: application/json\r\nContent-Length: "
        + json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + json;
  }

  static JsonNode json(RawHttp.Answer answer) throws IOException {
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    return Api.JSON.readTree(answer.body());
  }

  @Test
  void aForeignHostIsRefusedOnEveryPathWhateverItCarries() {
    serve(
        (service, api) -> {
          int port = service.app.port();
          Api.BrowserTab tab = api.login(service.app.loginLink());
          String token = "Authorization: Bearer " + service.token.reveal();
          String pat = "{\"organization\":\"org-001\",\"pat\":\"" + CANARY_PAT + "\"}";
          String rebound = "evil.example:" + port;
          List<String> refused =
              List.of(
                  request("GET", "/", rebound),
                  request("GET", "/api/health", rebound),
                  request("GET", "/assets/main.js", rebound),
                  request("GET", "/login?ticket=x", rebound),
                  request("GET", "/mcp", rebound, token),
                  request("GET", "/api/nope", rebound, token),
                  request("OPTIONS", "/api/accounts", rebound),
                  request("GET", "/api/accounts", rebound, token),
                  request(
                      "GET",
                      "/api/session",
                      rebound,
                      "Cookie: " + tab.cookie(),
                      "X-Tab-Secret: " + tab.secret()),
                  post("/api/connections/pat", rebound, pat, token),
                  post(
                      "/api/connections/pat",
                      rebound,
                      pat,
                      "Cookie: " + tab.cookie(),
                      "X-Tab-Secret: " + tab.secret(),
                      "Origin: http://" + rebound),
                  post("/api/connections/pat", "127.0.0.1.evil.example:" + port, pat, token),
                  post("/api/connections/pat", "127.0.0.1:" + (port + 1), pat, token),
                  post("/api/connections/pat", "127.0.0.1", pat, token),
                  post("/api/connections/pat", "10.0.0.1:" + port, pat, token),
                  request("GET", "/api/accounts", null, token).replace("HTTP/1.1", "HTTP/1.0"));
          for (String raw : refused) {
            RawHttp.Answer answer = RawHttp.send(port, raw);
            String line =
                raw.substring(0, raw.indexOf('\r'))
                    + " "
                    + raw.lines().skip(1).findFirst().orElse("");
            assertThat(answer.status()).as(line).isEqualTo(400);
            assertThat(json(answer).path("code").asText()).as(line).isEqualTo("host_not_allowed");
            assertThat(answer.header("Content-Security-Policy"))
                .as(line)
                .contains("default-src 'self'");
            assertThat(answer.body()).doesNotContain("evil");
          }
          assertThat(service.ado.accounts()).isEmpty();

          // this service's own names
          for (String host :
              List.of(
                  "127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            assertThat(RawHttp.send(port, request("GET", "/api/health", host)).status())
                .as(host)
                .isEqualTo(200);
          }
        });
  }

  @Test
  void anOriginIsComparedWithTheConfiguredOnesNotWithTheHost() {
    serve(
        (service, api) -> {
          int port = service.app.port();
          Api.BrowserTab tab = api.login(service.app.loginLink());
          String pat = "{\"organization\":\"org-001\",\"pat\":\"" + CANARY_PAT + "\"}";
          String[] session = {"Cookie: " + tab.cookie(), "X-Tab-Secret: " + tab.secret()};
          // an allowed Host with a foreign Origin that matches nothing configured
          RawHttp.Answer foreign =
              RawHttp.send(
                  port,
                  post(
                      "/api/connections/pat",
                      "localhost:" + port,
                      pat,
                      session[0],
                      session[1],
                      "Origin: http://evil.example:" + port));
          assertThat(json(foreign).path("code").asText()).isEqualTo("cross_origin");
          assertThat(service.ado.accounts()).isEmpty();
          // the page at http://localhost:port posting to itself is fine
          RawHttp.Answer own =
              RawHttp.send(
                  port,
                  post(
                      "/api/connections/pat",
                      "localhost:" + port,
                      pat,
                      session[0],
                      session[1],
                      "Origin: http://localhost:" + port));
          assertThat(own.status()).as(own.body()).isEqualTo(201);
        });
  }

  @Test
  void thePublicUrlsHostIsAcceptedAndItsOrigin() {
    URI publicUrl = URI.create("https://ado-connect.example.com");
    try (Service service =
        new Service(env(), Optional.empty(), c -> c.withPublicUrl(Optional.of(publicUrl)))) {
      serve(
          service,
          (s, api) -> {
            int port = s.app.port();
            String token = "Authorization: Bearer " + s.token.reveal();
            assertThat(
                    RawHttp.send(
                            port, request("GET", "/api/accounts", "ado-connect.example.com", token))
                        .status())
                .isEqualTo(200);
            assertThat(
                    RawHttp.send(
                            port,
                            request("GET", "/api/accounts", "ado-connect.example.com:443", token))
                        .status())
                .isEqualTo(200);
            assertThat(
                    RawHttp.send(
                            port,
                            request("GET", "/api/accounts", "ado-connect.example.com:8443", token))
                        .status())
                .isEqualTo(400);
            assertThat(
                    RawHttp.send(port, request("GET", "/api/accounts", "other.example.com", token))
                        .status())
                .isEqualTo(400);
            String pat = "{\"organization\":\"org-001\",\"pat\":\"" + CANARY_PAT + "\"}";
            RawHttp.Answer fromPublicPage =
                RawHttp.send(
                    port,
                    post(
                        "/api/connections/pat/test",
                        "ado-connect.example.com",
                        pat,
                        token,
                        "Origin: https://ado-connect.example.com"));
            assertThat(fromPublicPage.status()).as(fromPublicPage.body()).isEqualTo(200);
            RawHttp.Answer plainHttp =
                RawHttp.send(
                    port,
                    post(
                        "/api/connections/pat/test",
                        "ado-connect.example.com",
                        pat,
                        token,
                        "Origin: http://ado-connect.example.com"));
            assertThat(json(plainHttp).path("code").asText()).isEqualTo("cross_origin");
          });
    }
  }

  @Test
  void listeningBeyondLoopbackWithoutAPublicUrlRefusesToStart() {
    assertThatThrownBy(
            () -> new Service(env(), Optional.empty(), c -> c.withHost("0.0.0.0")).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("0.0.0.0")
        .hasMessageContaining("public URL")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).hint()).contains("ADO_CONNECT_PUBLIC_URL"));
    new Service(
            env(),
            Optional.empty(),
            c ->
                c.withHost("0.0.0.0")
                    .withPublicUrl(Optional.of(URI.create("https://ado.example.com"))))
        .close();
  }
}
