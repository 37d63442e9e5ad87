package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
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

  public SimulatorCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    SimulatorConfig config;
    try {
      config =
          SimulatorConfig.defaults()
              .withPort(port)
              .withOrgs(orgs)
              .withProjects(projects)
              .withRepos(repos)
              .withSeed(seed)
              .withLatencyMs(latencyMs)
              .withRateLimitPerSecond(rateLimit)
              .withAutoApproveAfterSeconds(autoApproveAfter)
              .withAutoDecline(autoDecline)
              .withAccessTokenLifetimeSeconds(accessTokenLifetime)
              .withDeviceCodeLifetimeSeconds(deviceCodeLifetime)
              .withRefreshTokenLifetimeSeconds(refreshTokenLifetime)
              .withBuildDurationMillis(Math.round(buildSeconds * 1000))
              .withReleaseStageSeconds(releaseStageSeconds);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), "See ado-connect simulator --help.");
    }
    if (pat != null) {
      config = config.withPat(pat);
    }
    Simulator simulator = Simulator.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    String base = simulator.baseUri().toString();
    ctx.out().printf("Azure DevOps simulator listening on %s%n", base);
    ctx.out()
        .printf(
            "  Services organizations: org-001 … org-%03d (%d projects × %d repositories each)%n",
            orgs, projects, repos);
    ctx.out().printf("  Azure DevOps Server 2020 collection: %s/tfs/DefaultCollection%n", base);
    ctx.out()
        .printf(
            "  PAT it accepts: %s%n",
            pat == null ? SimulatorConfig.defaults().pat() : "the value given with --pat");
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
            "  Tenants: %s; default user %s%n",
            String.join(
                ", ",
                simulator.entra().tenants().stream().map(t -> t.domain() + " " + t.id()).toList()),
            simulator.entra().defaultUser().userPrincipalName());
    ctx.out()
        .printf(
            "%nIn another terminal:%n  export ADO_CONNECT_DEVOPS_URL=%s ADO_CONNECT_VSSPS_URL=%s ADO_CONNECT_VSRM_URL=%s%n",
            base, base, base);
    ctx.out().printf("  export ADO_CONNECT_LOGIN_URL=%s%n", simulator.loginUri());
    ctx.out().printf("  ado-connect connect pat --org org-001%n");
    ctx.out().flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
