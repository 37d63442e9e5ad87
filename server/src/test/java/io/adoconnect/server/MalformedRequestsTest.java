package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 14: requests Jetty refuses before any route sees them — malformed URLs and
 * percent-encoding, ambiguous paths, no or a malformed {@code Host}, oversized headers or URIs, an
 * unknown HTTP version, conflicting body framing — are answered in the API's one error shape with
 * the security headers, never with Jetty's HTML page, and change nothing.
 */
class MalformedRequestsTest extends ServerTestBase {

  @Test
  void everyRefusalIsTheJsonErrorShape() {
    serve(
        (service, api) -> {
          int port = service.app.port();
          String host = "Host: 127.0.0.1:" + port + "\r\n";
          String token = "Authorization: Bearer " + service.token.reveal() + "\r\n";
          String close = "Connection: close\r\n\r\n";
          Map<String, Integer> requests = new LinkedHashMap<>();
          requests.put("GET /api/%zz HTTP/1.1\r\n" + host + token + close, 400);
          requests.put("GET /%zz HTTP/1.1\r\n" + host + close, 400);
          requests.put("GET /api/accounts%00 HTTP/1.1\r\n" + host + token + close, 400);
          requests.put("GET /a/../../etc/passwd HTTP/1.1\r\n" + host + close, 400);
          requests.put("GET /api/health HTTP/1.1\r\n" + close, 400); // no Host
          requests.put("GET /api/health HTTP/1.1\r\nHost: a b\r\n" + close, 400);
          requests.put("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:x\r\n" + close, 400);
          requests.put(
              "GET /api/health HTTP/1.1\r\n"
                  + host
                  + "X-Big: "
                  + "a".repeat(20_000)
                  + "\r\n"
                  + close,
              431);
          requests.put("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + close, 414);
          requests.put("GET /api/health HTTP/9.9\r\n" + host + close, 505);
          requests.put(
              "POST /api/sources HTTP/1.1\r\n"
                  + host
                  + token
                  + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n"
                  + close
                  + "0\r\n\r\n",
              400);
          requests.put(
              "GET /api/health HTTP/1.1\r\n" + host + "Content-Length: abc\r\n" + close, 400);
          requests.put("GET /api/health HTTP/1.1\r\n" + host + "Bad Header\r\n" + close, 400);
          requests.put("GET\r\n\r\n", 400);
          for (Map.Entry<String, Integer> request : requests.entrySet()) {
            String raw = request.getKey();
            String shown =
                raw.substring(
                    0, Math.min(60, raw.indexOf('\r') < 0 ? raw.length() : raw.indexOf('\r')));
            RawHttp.Answer answer = RawHttp.send(port, raw);
            assertThat(answer.status()).as(shown).isEqualTo(request.getValue());
            assertThat(answer.header("Content-Type")).as(shown).startsWith("application/json");
            JsonNode body = Api.JSON.readTree(answer.body());
            assertThat(body.fieldNames())
                .toIterable()
                .as(shown)
                .containsExactlyInAnyOrder("code", "message", "hint", "action");
            assertThat(body.path("code").asText()).as(shown).matches("[a-z_]+");
            assertThat(answer.body()).as(shown).doesNotContain("<html").doesNotContain("passwd");
            assertThat(answer.header("Content-Security-Policy"))
                .as(shown)
                .contains("default-src 'self'");
            assertThat(answer.header("X-Content-Type-Options")).as(shown).isEqualTo("nosniff");
            assertThat(answer.header("Cache-Control")).as(shown).isEqualTo("no-store");
          }
          assertThat(service.ado.sources()).isEmpty();
        });
  }
}
