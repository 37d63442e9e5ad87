package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service connects only to public addresses unless the operator allow-lists a target: a Server
 * URL on loopback, a private or a metadata address is refused before any connection, and nothing is
 * saved. An allow-listed target that answers success with an unreadable body is a 502.
 */
class OutboundPolicyTest extends ServerTestBase {
  private static final String INTERNAL = "INTERNAL-ANSWER-5b1e77";

  private static Map<String, Object> server(String url) {
    return Map.of("serverUrl", url, "collection", "DefaultCollection", "pat", CANARY_PAT);
  }

  @Test
  void internalServerUrlsAreRefusedBeforeAnyConnectionAndNothingIsSaved() throws IOException {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      listener.configureBlocking(false);
      int port = listener.socket().getLocalPort();
      serve(
          (service, api) -> {
            for (String url :
                List.of(
                    "http://127.0.0.1:" + port + "/tfs",
                    "http://localhost:" + port + "/tfs",
                    "http://[::ffff:127.0.0.1]:" + port + "/tfs",
                    "http://2130706433:" + port + "/tfs",
                    "http://0.0.0.0:" + port + "/tfs",
                    "http://10.0.0.1/tfs",
                    "http://169.254.169.254/latest",
                    "http://[fd00:ec2::254]/latest")) {
              for (String path : List.of("/api/connections/pat/test", "/api/connections/pat")) {
                Api.Response response = api.post(path).json(server(url)).send();
                assertThat(response.status()).as(url + " " + response).isEqualTo(400);
                assertThat(response.json().path("code").asText()).isEqualTo("invalid_input");
                assertThat(response.json().path("message").asText())
                    .contains("not a public internet address");
                assertThat(response.json().path("hint").asText())
                    .contains("ADO_CONNECT_ALLOWED_TARGETS");
              }
            }
            assertThat(api.get("/api/accounts").send().json()).isEmpty();
          });
      assertThat(listener.accept()).as("a connection reached the listener").isNull();
    }
  }

  @Test
  void anAllowListedServerIsReachedAndAnUnreadableAnswerIsABadGateway() throws IOException {
    HttpServer upstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] bytes = ("<not json " + INTERNAL).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    upstream.start();
    try {
      int port = upstream.getAddress().getPort();
      Map<String, String> env = env();
      env.put("ADO_CONNECT_ALLOWED_TARGETS", "127.0.0.1:" + port);
      try (Service service = new Service(env, Optional.empty(), c -> c)) {
        serve(
            service,
            (s, api) -> {
              Api.Response response =
                  api.post("/api/connections/pat")
                      .json(server("http://127.0.0.1:" + port + "/tfs"))
                      .send();
              assertThat(response.status()).as(response.toString()).isEqualTo(502);
              assertThat(response.json().path("code").asText())
                  .isEqualTo("azure_devops_bad_response");
              assertThat(response.body()).doesNotContain(INTERNAL);
              assertThat(api.get("/api/accounts").send().json()).isEmpty();
              // Another port on the same address is still refused.
              Api.Response other =
                  api.post("/api/connections/pat/test")
                      .json(server("http://127.0.0.1:" + (port == 65535 ? 1 : port + 1) + "/tfs"))
                      .send();
              assertThat(other.status()).isEqualTo(400);
            });
      }
    } finally {
      upstream.stop(0);
    }
  }
}
