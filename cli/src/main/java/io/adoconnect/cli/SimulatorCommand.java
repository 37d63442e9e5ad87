package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect simulator}: a local Azure DevOps stand-in for trying and testing things
 * offline.
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Azure DevOps simulator on 127.0.0.1 until interrupted (Ctrl-C).",
      "Point ado-connect at it with ADO_CONNECT_DEVOPS_URL and ADO_CONNECT_VSSPS_URL (printed at start).",
      "It also plays Microsoft Entra ID (device code, authorization code + PKCE, refresh): export ADO_CONNECT_LOGIN_URL too."
    })
public final class SimulatorCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--port", description = "Port to listen on (default: a free one).")
  int port;

  @Option(
      names = "--orgs",
      description = "Organizations to generate (default: ${DEFAULT-VALUE}).",
      defaultValue = "3")
  int orgs;

  @Option(
      names = "--projects",
      description = "Projects per organization (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int projects;

  @Option(
      names = "--repos",
      description = "Repositories per project (default: ${DEFAULT-VALUE}).",
      defaultValue = "3")
  int repos;

  @Option(
      names = "--seed",
      description = "Seed of the generated names and ids (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--pat",
      description =
          "The Personal Access Token the simulator accepts (default: a fixed demo value).")
  String pat;

  @Option(
      names = "--latency-ms",
      description = "Delay added to every request (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int latencyMs;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      description = "Answer 429 above N requests per second per user (default: off).",
      defaultValue = "0")
  int rateLimit;

  @Option(
      names = "--auto-approve-after",
      paramLabel = "S",
      description =
          "Approve device sign-ins as the default user S seconds after they start (default: off; approve at /devicelogin).",
      defaultValue = "-1")
  int autoApproveAfter;

  @Option(
      names = "--auto-decline",
      description =
          "Decline device sign-ins instead (after --auto-approve-after S when given, else at the first poll).")
  boolean autoDecline;

  @Option(
      names = "--access-token-lifetime",
      paramLabel = "S",
      description = "Entra access token lifetime in seconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "3600")
  int accessTokenLifetime;

  @Option(
      names = "--device-code-lifetime",
      paramLabel = "S",
      description = "Device code lifetime in seconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "900")
  int deviceCodeLifetime;

  @Option(
      names = "--refresh-token-lifetime",
      paramLabel = "S",
      description = "Refresh token lifetime in seconds (default: 90 days).",
      defaultValue = "7776000")
  long refreshTokenLifetime;

  @Option(
      names = "--single-use-refresh-tokens",
      description =
          "A used refresh token stops working once its replacement is issued, as Keycloak can be set"
              + " to (default: off; as Microsoft Entra ID, the previous refresh token stays valid).")
  boolean singleUseRefreshTokens;

  @Option(
      names = "--instance-id",
      paramLabel = "UUID",
      description =
          "The Server collection's instance id (default: derived from --seed and the port, so two"
              + " simulators are two different Servers).")
  UUID instanceId;

  @Option(
      names = "--build-seconds",
      paramLabel = "S",
      description = "How long a queued build takes to complete (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  double buildSeconds;

  @Option(
      names = "--release-stage-seconds",
      paramLabel = "S",
      description = "How long each stage of a release deploys (default: ${DEFAULT-VALUE}).",
      defaultValue = "3")
  int releaseStageSeconds;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "Register an app registration besides Visual Studio's public client, e.g. a team"
              + " deployment's confidential app for web sign-in (with --redirect-uri).")
  String clientId;

  @Option(
      names = "--client-secret-file",
      paramLabel = "FILE",
      description =
          "A file holding the --client-id app's secret: the app is then confidential and must send"
              + " it (default: a public client, PKCE only).")
  Path clientSecretFile;

  @Option(
      names = "--redirect-uri",
      paramLabel = "URI",
      description = "A redirect URI registered for the --client-id app (repeatable; exact match).")
  List<String> redirectUris = new ArrayList<>();

  public SimulatorCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    SimulatorConfig config = config();
    String secret = clientSecret();
    Simulator simulator = Simulator.start(config);
    if (clientId != null) {
      simulator.registerClient(clientId, secret, redirectUris);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    printBanner(simulator);
    stopped.await();
    return ExitCodes.OK;
  }

  /** The {@code --client-id} app's secret, or null for a public client; checked before start. */
  private String clientSecret() {
    if (clientId == null) {
      if (clientSecretFile != null || !redirectUris.isEmpty()) {
        throw new InvalidInputException(
            "--client-secret-file and --redirect-uri describe the app given with --client-id.",
            "Add --client-id ID, or leave them out.");
      }
      return null;
    }
    if (redirectUris.isEmpty()) {
      throw new InvalidInputException(
          "The app " + clientId + " needs at least one --redirect-uri.",
          "Add --redirect-uri with the callback the service uses, e.g."
              + " http://127.0.0.1:8080/api/signin/microsoft/callback.");
    }
    if (clientSecretFile == null) {
      return null;
    }
    try {
      String secret = Files.readString(clientSecretFile).strip();
      if (secret.isEmpty()) {
        throw new InvalidInputException(
            "The client secret file " + clientSecretFile + " is empty.",
            "Write the app's secret into it.");
      }
      return secret;
    } catch (IOException e) {
      throw new InvalidInputException(
          "The client secret file " + clientSecretFile + " can't be read: " + e.getMessage(),
          "Check the path and its permissions.");
    }
  }

  /** The options as a configuration; bad input when one is out of range. */
  SimulatorConfig config() {
    SimulatorConfig.Builder config =
        SimulatorConfig.builder()
            .port(port)
            .orgs(orgs)
            .projects(projects)
            .repos(repos)
            .seed(seed)
            .latencyMs(latencyMs)
            .rateLimitPerSecond(rateLimit)
            .autoApproveAfterSeconds(autoApproveAfter)
            .autoDecline(autoDecline)
            .accessTokenLifetimeSeconds(accessTokenLifetime)
            .deviceCodeLifetimeSeconds(deviceCodeLifetime)
            .refreshTokenLifetimeSeconds(refreshTokenLifetime)
            .singleUseRefreshTokens(singleUseRefreshTokens)
            .serverInstanceId(instanceId)
            .buildDurationMillis(Math.round(buildSeconds * 1000))
            .releaseStageSeconds(releaseStageSeconds);
    if (pat != null) {
      config.pat(pat);
    }
    try {
      return config.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), "See ado-connect simulator --help.");
    }
  }

  /**
   * What is running and how to point ado-connect at it. The exports give the other terminal a data
   * directory and key file of its own, so simulated accounts never mix with real ones and no
   * keychain is needed.
   */
  void printBanner(Simulator simulator) {
    String base = simulator.baseUri().toString();
    ctx.out().printf("Azure DevOps simulator listening on %s%n", base);
    ctx.out()
        .printf(
            "  Services organizations: org-001 … org-%03d (%d projects × %d repositories each)%n",
            orgs, projects, repos);
    ctx.out()
        .printf(
            "  Azure DevOps Server 2020 collection: %s/tfs/DefaultCollection (instance id %s)%n",
            base, simulator.dataset().serverCollection().instanceId());
    ctx.out()
        .printf(
            "  PAT it accepts: %s%n",
            pat == null ? SimulatorConfig.DEFAULT_PAT : "the value given with --pat");
    ctx.out()
        .printf(
            "  Entra ID: %s/organizations/oauth2/v2.0/… ; device sign-in page %s/devicelogin%s%n",
            simulator.loginUri(),
            base,
            autoDecline
                ? " (auto-decline)"
                : autoApproveAfter >= 0 ? " (auto-approve after " + autoApproveAfter + " s)" : "");
    ctx.out()
        .printf(
            "  Refresh tokens: %s%n",
            singleUseRefreshTokens
                ? "single use (a used one stops working)"
                : "stay valid after use, as in Entra ID");
    ctx.out()
        .printf(
            "  Tenants: %s; default user %s%n",
            String.join(
                ", ",
                simulator.entra().tenants().stream().map(t -> t.domain() + " " + t.id()).toList()),
            simulator.entra().defaultUser().userPrincipalName());
    if (clientId != null) {
      ctx.out()
          .printf(
              "  App registration %s (%s), redirect URIs %s%n",
              clientId,
              clientSecretFile == null ? "public client" : "confidential client",
              String.join(", ", redirectUris));
    }
    Path home =
        Path.of(System.getProperty("java.io.tmpdir"), "ado-connect-sim-" + simulator.port());
    ctx.out()
        .printf(
            "%nIn another terminal:%n  export ADO_CONNECT_DEVOPS_URL=%s ADO_CONNECT_VSSPS_URL=%s ADO_CONNECT_VSRM_URL=%s%n",
            base, base, base);
    ctx.out().printf("  export ADO_CONNECT_LOGIN_URL=%s%n", simulator.loginUri());
    ctx.out()
        .printf(
            "  export ADO_CONNECT_HOME=%s ADO_CONNECT_KEY_FILE=%s%n", home, home.resolve("key"));
    ctx.out().printf("  ado-connect connect pat --org org-001%n");
    ctx.out().flush();
  }
}
