package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers success with something ado-connect can't read is an upstream failure (exit
 * 1, a message that says so), and its body never comes back in the output.
 */
class UntrustedAnswersTest extends CliTestBase {
  private static final String INTERNAL = "INTERNAL-ANSWER-c0ffee42";
  private HttpServer upstream;

  @AfterEach
  void stop() {
    if (upstream != null) {
      upstream.stop(0);
    }
  }

  private String upstream(String body) throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    upstream.start();
    return "http://127.0.0.1:" + upstream.getAddress().getPort() + "/tfs";
  }

  @Test
  void anUnreadableSuccessExitsOneSayingSoAndSavesNothing() throws IOException {
    for (String body : new String[] {"<html>" + INTERNAL, "{\"value\":[\"" + INTERNAL + "\"]}"}) {
      String server = upstream(body);
      Cli.Run run =
          cli.connect("--server", server, "--collection", "DefaultCollection").assertExit(1);
      assertThat(run.err()).contains("not the way Azure DevOps Server does").contains("hint:");
      assertThat(run.out() + run.err()).doesNotContain(INTERNAL).doesNotContain("a bug");
      upstream.stop(0);
    }
    assertThat(cli.run("accounts", "--json").assertOk().json()).isEmpty();
  }
}
