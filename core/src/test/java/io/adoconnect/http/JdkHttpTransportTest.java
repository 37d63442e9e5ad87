package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.adoconnect.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {
  private HttpServer server;
  private URI base;
  private volatile String acceptEncoding;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/big",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 64; i++) {
              out.write(chunk);
            }
          } catch (IOException ignored) {
            // the client hung up once it had seen enough: that is the point of the cap
          }
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/redirect",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/elsewhere");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/gzip",
        exchange -> {
          byte[] inflated = new byte[Integer.parseInt(exchange.getRequestURI().getQuery())];
          Arrays.fill(inflated, (byte) 'a');
          ByteArrayOutputStream compressed = new ByteArrayOutputStream();
          try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(inflated);
          }
          acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, compressed.size());
          try (OutputStream out = exchange.getResponseBody()) {
            compressed.writeTo(out);
          }
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void refusesABodyLargerThanTheCap() {
    JdkHttpTransport transport =
        new JdkHttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024);

    assertThatThrownBy(() -> transport.send(ApiRequest.get(base.resolve("/big"))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("larger than 1048576 bytes");
  }

  @Test
  void asksForGzipAndHandsOnTheInflatedBody() {
    ApiResponse response =
        JdkHttpTransport.withDefaults().send(ApiRequest.get(base.resolve("/gzip?5000")));

    assertThat(acceptEncoding).isEqualTo("gzip");
    assertThat(response.body()).hasSize(5000).containsOnly((byte) 'a');
    assertThat(response.header("Content-Encoding")).isEmpty();
  }

  @Test
  void aSmallGzipBodyThatInflatesPastTheCapIsRefused() {
    JdkHttpTransport transport =
        new JdkHttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024);

    // ~10 KB on the wire, 8 MiB inflated: a compression bomb must not get past the cap
    assertThatThrownBy(() -> transport.send(ApiRequest.get(base.resolve("/gzip?" + (8 << 20)))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("larger than 1048576 bytes");
  }

  @Test
  void aHostThatDoesNotAnswerInTimeIsATimeout() {
    JdkHttpTransport transport =
        new JdkHttpTransport(Duration.ofSeconds(2), Duration.ofMillis(200), 1024);

    assertThatThrownBy(() -> transport.send(ApiRequest.get(base.resolve("/slow"))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("did not answer");
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    JdkHttpTransport transport = JdkHttpTransport.withDefaults();

    assertThatThrownBy(
            () -> transport.send(ApiRequest.get(URI.create("http://127.0.0.1:" + port + "/x"))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("Could not reach http://127.0.0.1:" + port);
  }

  @Test
  void doesNotFollowRedirectsSoASignInRedirectStaysVisible() {
    ApiResponse response =
        JdkHttpTransport.withDefaults().send(ApiRequest.get(base.resolve("/redirect")));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("location")).contains("/elsewhere");
  }
}
