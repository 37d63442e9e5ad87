package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.adoconnect.AdoConnectException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.TransportException;
import io.adoconnect.UnexpectedResponseException;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.JdkHttpTransport;
import io.adoconnect.net.AddressPolicy;
import io.adoconnect.net.AllowedTargets;
import io.adoconnect.net.CheckedTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Server URL someone typed may point anywhere: the service refuses internal targets before any
 * connection and saves nothing; until the host answers like Azure DevOps, nothing it says comes
 * back (front-end neutral, so the CLI gets it too); every way of not connecting reads alike.
 */
class ServerUrlSafetyTest {
  private static final String INTERNAL = "INTERNAL-ANSWER-7f3a9c";
  private static final Secret PAT = Secret.of("canarypat0q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l");

  @TempDir Path tmp;
  private HttpServer upstream;
  private final AtomicInteger upstreamHits = new AtomicInteger();

  @AfterEach
  void stop() {
    if (upstream != null) {
      upstream.stop(0);
    }
  }

  private AdoConnect open(HttpTransport transport) {
    // The operator's endpoints point at a closed port: nothing here may use them.
    return AdoConnect.open(
        EntraKit.settings(
            URI.create("http://127.0.0.1:9"),
            tmp.resolve("data"),
            tmp.resolve("key"),
            transport,
            new MutableClock()));
  }

  /** A loopback listener answering every request with one status, content type and body. */
  private URI upstream(int status, String contentType, String body) throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          upstreamHits.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    upstream.start();
    return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/tfs");
  }

  @Test
  void aPrivateServerIsRefusedBeforeAnyConnectionAndNothingIsSaved() {
    List<String> asked = new ArrayList<>();
    AddressPolicy policy =
        new AddressPolicy(
            AllowedTargets.NONE,
            host -> {
              asked.add(host);
              return List.of(InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3}));
            });
    HttpTransport mustNotSend =
        request -> {
          throw new AssertionError("sent " + request);
        };
    try (AdoConnect ado =
        open(
            new CheckedTransport(
                mustNotSend, policy, List.of(URI.create("http://127.0.0.1:9")), uri -> false))) {
      for (String server :
          List.of(
              "https://tfs.corp.example/tfs",
              "http://169.254.169.254/latest",
              "http://[fd00:ec2::254]/latest",
              "http://metadata.google.internal",
              "http://2130706433:8080/tfs")) {
        assertThatThrownBy(() -> ado.connectPat(PatTarget.server(server, "DefaultCollection"), PAT))
            .as(server)
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("not a public internet address");
      }
      assertThat(asked).containsExactly("tfs.corp.example");
      assertThat(ado.accounts()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200|application/json|{\"value\":\"" + INTERNAL + "\"}",
        "200|application/json|{\"authenticatedUser\":{\"providerDisplayName\":\""
            + INTERNAL
            + "\"}}",
        "200|text/plain|" + INTERNAL,
        "200|application/json|[\"" + INTERNAL + "\"",
        "401|text/plain|" + INTERNAL,
        "403|application/json|{\"message\":\"" + INTERNAL + "\",\"typeKey\":\"" + INTERNAL + "\"}",
        "404|application/json|{\"message\":\"" + INTERNAL + "\",\"typeKey\":\"X\"}",
        "400|application/json|{\"message\":\"" + INTERNAL + "\",\"typeKey\":\"" + INTERNAL + "\"}",
        "500|text/plain|" + INTERNAL,
        "302|text/html|" + INTERNAL
      })
  void anUnprovenServerNeverReadsBackWhatItSaid(int status, String contentType, String body)
      throws IOException {
    URI server = upstream(status, contentType, body);
    try (AdoConnect ado = open(JdkHttpTransport.withDefaults())) {
      assertThatThrownBy(
              () -> ado.testPat(PatTarget.server(server.toString(), "DefaultCollection"), PAT))
          .isInstanceOf(AdoConnectException.class)
          .satisfies(
              e -> {
                AdoConnectException failure = (AdoConnectException) e;
                assertThat(failure.getMessage() + " " + failure.hint()).doesNotContain(INTERNAL);
                if (failure instanceof io.adoconnect.AzureDevOpsApiException api) {
                  assertThat(api.typeKey()).isNull();
                }
                if (status == 200) {
                  assertThat(failure)
                      .isInstanceOf(UnexpectedResponseException.class)
                      .hasMessageContaining("not the way Azure DevOps Server does");
                }
              });
    }
    assertThat(upstreamHits.get()).isPositive();
  }

  @Test
  void openAndClosedPortsReadTheSame() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    try (ServerSocket talker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket silentCloser = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Each listener answers every connection (the JDK client retries a GET once when the
      // connection closes early).
      startAnswering(talker, "SSH-2.0-OpenSSH_9.2 " + INTERNAL + "\r\n");
      startAnswering(silentCloser, "");
      List<String> messages = new ArrayList<>();
      try (AdoConnect ado = open(JdkHttpTransport.withDefaults())) {
        for (int port : List.of(closed, talker.getLocalPort(), silentCloser.getLocalPort())) {
          String url = "http://127.0.0.1:" + port + "/tfs";
          assertThatThrownBy(() -> ado.testPat(PatTarget.server(url, "DefaultCollection"), PAT))
              .isInstanceOf(TransportException.class)
              .satisfies(
                  e -> {
                    TransportException t = (TransportException) e;
                    messages.add((t.getMessage() + " " + t.hint()).replace(":" + port, ":PORT"));
                  });
        }
      }
      assertThat(messages).hasSize(3).containsOnly(messages.get(0));
      assertThat(messages.get(0))
          .isEqualTo(
              "Could not connect to http://127.0.0.1:PORT. Check the server URL, your network"
                  + " connection and any proxy, then try again.");
    }
  }

  private static void startAnswering(ServerSocket server, String greeting) {
    Thread thread =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  socket.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
                  socket.getOutputStream().flush();
                } catch (IOException e) {
                  // closed at the end of the test, or the client hung up: the test sees the rest
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
  }
}
