package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.auth.Secret;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.server.access.ApiToken;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One simulator per class, a fresh data dir per test; services run with {@code JavalinTest}. After
 * the class, every response the service gave (bodies and headers) is scanned for the canaries: the
 * simulator's PAT, the client secret, every API token, and every device code, authorization code
 * and token that crossed the wire to the simulated Entra.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerTestBase {
  static final String CANARY_PAT = "canarypat0q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x";
  static final String CLIENT_SECRET = "canary-client-secret~7Hq2.Vx9_Lm4";
  static final String WEB_CLIENT_ID = "5f0c7c1e-0d8a-4c52-9d0b-5e2a8c6a9e11";

  protected Simulator simulator;
  protected final Set<String> canaries = ConcurrentHashMap.newKeySet();
  protected final List<Api.Response> responses = Api.newRecorder();

  /** Every request the service sent out (to the simulator), as text. */
  protected final List<String> outbound =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  protected Path dir;
  protected final TestClock clock = new TestClock();

  protected SimulatorConfig simulatorConfig() {
    return SimulatorConfig.builder().pat(CANARY_PAT).deviceCodeIntervalSeconds(0).build();
  }

  @BeforeAll
  void startSimulator() {
    simulator = Simulator.start(simulatorConfig());
    canaries.add(CANARY_PAT);
    canaries.add(CLIENT_SECRET);
  }

  @AfterAll
  void scanForSecretsAndStop() {
    if (simulator != null) {
      simulator.close();
    }
    assertThat(canaries).allSatisfy(c -> assertThat(c).hasSizeGreaterThan(8));
    for (Api.Response response : responses) {
      String everything = response.headers() + "\n" + response.body();
      for (String canary : canaries) {
        assertThat(everything)
            .as("response of %s leaks a secret", response.request())
            .doesNotContain(canary);
      }
    }
  }

  @BeforeEach
  void freshDir(@TempDir Path tmp) {
    dir = tmp;
  }

  Path dataDir() {
    return dir.resolve("data");
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    String base = simulator.baseUri().toString();
    env.put("ADO_CONNECT_DEVOPS_URL", base);
    env.put("ADO_CONNECT_VSSPS_URL", base);
    env.put("ADO_CONNECT_VSRM_URL", base);
    env.put("ADO_CONNECT_LOGIN_URL", base);
    env.put("ADO_CONNECT_KEY_FILE", dir.resolve("keys").resolve("key").toString());
    return env;
  }

  /** A service over the data dir, as {@code ado-connect serve} builds it. */
  final class Service implements AutoCloseable {
    final AdoConnect ado;
    final ServerApp app;
    final ApiToken token;

    Service(
        Map<String, String> env,
        Optional<Secret> clientSecret,
        UnaryOperator<ServerConfig> config) {
      ConnectSettings s = ConnectSettings.fromEnvironment(dataDir(), env);
      ConnectSettings recorded =
          new ConnectSettings(
                  s.dataDir(),
                  s.endpoints(),
                  s.entra(),
                  s.keySource(),
                  new RecordingTransport(s.transport(), canaries, outbound),
                  clock,
                  s.parallelism())
              .withStore(s.store());
      this.ado = AdoConnect.open(OutboundPolicy.apply(recorded, env), clientSecret);
      this.token = ApiToken.loadOrCreate(dataDir());
      canaries.add(token.reveal());
      try {
        this.app =
            createApp(
                config.apply(new ServerConfig("127.0.0.1", 0, token, Optional.empty(), clock)),
                ado);
      } catch (RuntimeException refused) {
        ado.close();
        throw refused;
      }
    }

    @Override
    public void close() {
      ado.close();
    }
  }

  /** How a test class builds the service (e.g. with {@code /mcp}). */
  ServerApp createApp(ServerConfig config, AdoConnect ado) {
    return ServerApp.create(config, ado);
  }

  interface Body {
    void run(Service service, Api api) throws Exception;
  }

  Service service() {
    return new Service(env(), Optional.empty(), c -> c);
  }

  /** Runs the body against a started service (JavalinTest starts and stops it). */
  void serve(Body body) {
    try (Service service = service()) {
      serve(service, body);
    }
  }

  void serve(Service service, Body body) {
    JavalinTest.test(
        service.app.javalin(),
        (server, client) ->
            body.run(service, new Api(server.port(), service.token.reveal(), responses)));
  }

  /** Lets a device flow's poll interval (5 s when Entra says 0) pass without waiting. */
  void afterInterval() {
    clock.advance(Duration.ofSeconds(6));
  }

  /** A clock the tests move by hand (login tickets, sessions, pending sign-ins). */
  static final class TestClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
