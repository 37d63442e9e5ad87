package io.adoconnect.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.adoconnect.InvalidInputException;
import io.adoconnect.TransportException;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Server behind an internal certificate authority: an HTTPS server with a certificate from a CA
 * generated here answers connectionData. Without the CA the error names the issuer and what to do;
 * with {@code ADO_CONNECT_CA_FILE} the call works; an expired certificate and a host name the
 * certificate doesn't cover are named as such.
 */
class InternalCertificateAuthorityTest {
  @TempDir static Path dir;
  private static TestCertificates certs;
  private static HttpsServer valid;
  private static HttpsServer expired;
  private static final AtomicInteger handshakesAnswered = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    certs = TestCertificates.create(dir);
    valid = server("server");
    expired = server("expired");
  }

  @AfterAll
  static void stop() {
    valid.stop(0);
    expired.stop(0);
  }

  private static HttpsServer server(String certificate) throws Exception {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext(certificate)));
    server.createContext(
        "/tfs/DefaultCollection/_apis/connectionData",
        exchange -> {
          handshakesAnswered.incrementAndGet();
          byte[] body =
              "{\"instanceId\":\"d81542e4-cdfa-4333-b082-1ae2d6c3ad16\",\"deploymentType\":\"onPremises\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }

  private static HttpTransport transport(Map<String, String> env) {
    return NetworkSettings.fromEnvironment(env, new Properties(), List.of())
        .transport(RetryListener.NONE);
  }

  private static ApiRequest connectionData(String host, HttpsServer server) {
    return ApiRequest.get(
        URI.create(
            "https://"
                + host
                + ":"
                + server.getAddress().getPort()
                + "/tfs/DefaultCollection/_apis/connectionData"));
  }

  @Test
  void anUnknownIssuerIsNamedWithWhatToDo() {
    assertThatThrownBy(() -> transport(Map.of()).send(connectionData("localhost", valid)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("Could not connect securely to https://localhost:")
        .hasMessageContaining(
            "the server's certificate (CN=localhost,O=Fabrikam) is issued by"
                + " CN=ado-connect Test Root CA,O=Fabrikam, which this machine doesn't trust")
        .extracting(e -> ((TransportException) e).hint())
        .asString()
        .contains("set ADO_CONNECT_CA_FILE to your CA's PEM file");
  }

  @Test
  void theCaFileMakesTheServerTrusted() {
    int before = handshakesAnswered.get();
    var response =
        transport(Map.of("ADO_CONNECT_CA_FILE", certs.caPem().toString()))
            .send(connectionData("localhost", valid));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).contains("onPremises");
    assertThat(handshakesAnswered.get()).isEqualTo(before + 1);
  }

  @Test
  void aCertificateForAnotherHostIsNamedAsSuch() {
    assertThatThrownBy(
            () ->
                transport(Map.of("ADO_CONNECT_CA_FILE", certs.caPem().toString()))
                    .send(connectionData("127.0.0.1", valid)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(
            "the server's certificate (CN=localhost,O=Fabrikam) is not issued for");
  }

  @Test
  void anExpiredCertificateIsNamedWithItsDate() {
    assertThatThrownBy(
            () ->
                transport(Map.of("ADO_CONNECT_CA_FILE", certs.caPem().toString()))
                    .send(connectionData("localhost", expired)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("the server's certificate (CN=localhost,O=Fabrikam) expired on 20");
  }

  @Test
  void aCaFileThatIsNotPemIsBadInput() throws IOException {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    assertThatThrownBy(() -> transport(Map.of("ADO_CONNECT_CA_FILE", notPem.toString())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("which is not a PEM certificate file");
    assertThatThrownBy(
            () -> transport(Map.of("ADO_CONNECT_CA_FILE", dir.resolve("missing.pem").toString())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("which can't be read");
  }
}
