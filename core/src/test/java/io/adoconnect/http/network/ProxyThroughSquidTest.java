package io.adoconnect.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.adoconnect.TransportException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.EntraSettings;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.connect.ConnectionCheck;
import io.adoconnect.connect.PatTarget;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryListener;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.vault.KeyFileSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every call through a real forward proxy (Squid, Basic authentication), configured as a user
 * would: {@code HTTP_PROXY}/{@code HTTPS_PROXY} with {@code user:password@}. The servers listen on
 * 127.0.0.1 and are addressed as {@code ado.test}, a name only the proxy knows (see {@link
 * SquidProxy}); that they saw Squid's {@code Via} header proves the call went through it.
 */
class ProxyThroughSquidTest {
  @TempDir static Path dir;
  private static SquidProxy squid;
  private static HttpServer http;
  private static HttpsServer https;
  private static TestCertificates certs;
  private static volatile String lastVia;
  private static volatile String lastAuthorization;
  private static volatile String lastProxyAuthorization;

  @BeforeAll
  static void start() throws Exception {
    Path squidDir = Files.createDirectory(dir.resolve("squid"));
    squid = SquidProxy.start(squidDir);
    certs = TestCertificates.create(Files.createDirectory(dir.resolve("certs")));
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ProxyThroughSquidTest::answer);
    http.start();
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext("server")));
    https.createContext("/", ProxyThroughSquidTest::answer);
    https.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (http != null) {
      http.stop(0);
    }
    if (https != null) {
      https.stop(0);
    }
    if (squid != null) {
      squid.close();
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    lastVia = exchange.getRequestHeaders().getFirst("Via");
    lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
    lastProxyAuthorization = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
    byte[] body = "{\"deploymentType\":\"onPremises\"}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static HttpTransport transport(Map<String, String> env) {
    return NetworkSettings.fromEnvironment(env, new Properties(), List.of())
        .transport(RetryListener.NONE);
  }

  private static URI httpUri() {
    return URI.create(
        "http://" + SquidProxy.HOST + ":" + http.getAddress().getPort() + "/_apis/connectionData");
  }

  @Test
  void anHttpCallGoesThroughTheProxyWithItsCredentials() {
    lastVia = null;
    ApiResponse response =
        transport(Map.of("HTTP_PROXY", squid.urlWithCredentials()))
            .send(ApiRequest.get(httpUri()).withHeader("Authorization", "Basic OnBhdA=="));

    assertThat(response.status()).isEqualTo(200);
    assertThat(lastVia).contains("ado-connect-test-proxy");
    // The server gets the call's own credential, and never the proxy's.
    assertThat(lastAuthorization).isEqualTo("Basic OnBhdA==");
    assertThat(lastProxyAuthorization).isNull();
  }

  @Test
  void wrongCredentialsAreNamedWithoutShowingThem() {
    assertThatThrownBy(
            () ->
                transport(Map.of("http_proxy", squid.urlWith("alice", "wrong-horse")))
                    .send(ApiRequest.get(httpUri())))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(
            "http://127.0.0.1:" + squid.port() + " (from http_proxy) refused the proxy credentials")
        .hasMessageNotContaining("wrong-horse")
        .hasMessageNotContaining("alice");
  }

  @Test
  void noCredentialsIsAProxyAskingForThem() {
    assertThatThrownBy(
            () ->
                transport(Map.of("HTTP_PROXY", "http://127.0.0.1:" + squid.port()))
                    .send(ApiRequest.get(httpUri())))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("asked for credentials (HTTP 407)")
        .extracting(e -> ((TransportException) e).hint())
        .asString()
        .contains("http://user:password@");
  }

  @Test
  void anHttpsCallTunnelsThroughTheProxyWithBasicCredentialsInAFreshJvm() throws Exception {
    URI uri =
        URI.create(
            "https://"
                + SquidProxy.HOST
                + ":"
                + https.getAddress().getPort()
                + "/tfs/DefaultCollection/_apis/connectionData");
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ProxiedCall.class.getName(),
                uri.toString())
            .redirectErrorStream(true);
    child.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
    child.environment().put("HTTPS_PROXY", squid.urlWithCredentials());
    child.environment().put("ADO_CONNECT_CA_FILE", certs.caPem().toString());
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(output).startsWith("status 200").contains("onPremises");
    assertThat(output).doesNotContain("s3cret");
  }

  /**
   * The simulator names itself http://127.0.0.1:port in every URL; reached through the proxy as
   * ado.test, it is a Server whose public URL is misconfigured, and the check says so.
   */
  @Test
  void aServerWhosePublicUrlIsLoopbackIsWarnedAbout() throws Exception {
    try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
      Path data = Files.createDirectories(dir.resolve("data"));
      HttpTransport transport = transport(Map.of("HTTP_PROXY", squid.urlWithCredentials()));
      URI base = URI.create("http://" + SquidProxy.HOST + ":" + simulator.baseUri().getPort());
      ConnectSettings settings =
          new ConnectSettings(
              data,
              AzureDevOpsEndpoints.allAt(base),
              EntraSettings.fromEnvironment(base, Map.of()),
              () -> new KeyFileSource(data.resolve("key")),
              transport,
              Clock.systemUTC(),
              4);
      try (AdoConnect ado = AdoConnect.open(settings)) {
        List<ConnectionCheck> checks =
            ado.testPat(
                PatTarget.server(base + "/tfs", "DefaultCollection"),
                Secret.of(SimulatorConfig.DEFAULT_PAT));

        assertThat(checks)
            .singleElement()
            .satisfies(
                check -> {
                  assertThat(check.repositories()).isPositive();
                  assertThat(check.warning())
                      .startsWith(
                          "This Server's public URL is set to http://127.0.0.1:"
                              + simulator.baseUri().getPort())
                      .contains("while you connected to " + base + "/tfs/DefaultCollection");
                });
      }
    }
  }
}
