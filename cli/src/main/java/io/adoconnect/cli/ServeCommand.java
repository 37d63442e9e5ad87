package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.auth.Secret;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.connect.SourceClones;
import io.adoconnect.server.OutboundPolicy;
import io.adoconnect.server.ServerApp;
import io.adoconnect.server.ServerConfig;
import io.adoconnect.server.access.ApiToken;
import io.adoconnect.server.access.ServiceUrlFile;
import io.adoconnect.server.mcp.McpHttp;
import io.adoconnect.server.observe.ServiceMetrics;
import io.adoconnect.server.team.TeamMode;
import io.adoconnect.store.OAuthStore;
import io.adoconnect.store.StoreLocation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ado-connect serve}: the HTTP API and the integrations page until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the HTTP API and the integrations page on 127.0.0.1 until interrupted (Ctrl-C).",
      "Every API call needs the API token kept in <data-dir>/api-token (Authorization: Bearer …);"
          + " the browser logs in with the one-time link printed at start (ado-connect login-link"
          + " prints another). Listening beyond 127.0.0.1 (--host) needs ADO_CONNECT_PUBLIC_URL.",
      "Web sign-in with a confidential Entra app: set ADO_CONNECT_AZURE_DEVOPS_CLIENT_ID,"
          + " ADO_CONNECT_AZURE_CLIENT_SECRET (or ADO_CONNECT_AZURE_CLIENT_SECRET_FILE) and"
          + " ADO_CONNECT_REDIRECT_URI (default"
          + " http://127.0.0.1:{port}/api/signin/microsoft/callback).",
      "Service hooks are delivered to ADO_CONNECT_PUBLIC_URL/api/hooks/{subscription} (default:"
          + " the address it listens on); set it to the address Azure DevOps reaches this service"
          + " at.",
      "When a trusted push event arrives for a source, the service fetches it (clones it the"
          + " first time) into ADO_CONNECT_SOURCES_DIR (default: <data-dir>/sources, with --team"
          + " <data-dir>/team-sources/APPLICATION/END_USER), in the background.",
      "MCP clients connect to {address}/mcp (Streamable HTTP) and sign in with OAuth: you approve"
          + " each one on the integrations page, read-only unless --mcp-allow-write."
    })
public final class ServeCommand implements Callable<Integer> {
  static final String MCP_ALLOW_WRITE = "ADO_CONNECT_MCP_ALLOW_WRITE";

  /** Sources fetched at once after push events, across owners: Git is mostly waiting on I/O. */
  private static final int FETCHES_AT_ONCE = 4;

  private final CliContext ctx;

  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--host",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).",
      defaultValue = "127.0.0.1")
  String host;

  @Option(
      names = "--team",
      description =
          "Team mode: serve the applications made with ado-connect apps create, each acting for"
              + " its own end users (Authorization: Bearer <application key>, X-End-User: <id>);"
              + " browsers come in through connect links (POST /api/connect-links). The API token"
              + " and login links are not used.")
  boolean team;

  @Option(
      names = "--device-code",
      description =
          "With --team: offer device code sign-in too (off by default: a code one person starts"
              + " and another approves is a phishing route, RFC 8628 section 5.4).")
  boolean deviceCode;

  @Option(
      names = "--mcp-allow-write",
      description =
          "Let MCP clients you approve with writing create and change things (pull requests,"
              + " builds, work items…); without it /mcp is read-only whatever the approval says."
              + " Also ADO_CONNECT_MCP_ALLOW_WRITE=true.")
  boolean mcpAllowWrite;

  public ServeCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (deviceCode && !team) {
      throw new InvalidInputException(
          "--device-code only applies to team mode; the single-user service always offers it.",
          "Add --team, or leave --device-code out.");
    }
    Path dataDir = common.dataDir(ctx);
    Optional<Secret> clientSecret = clientSecret();
    Optional<URI> redirectUri = redirectUri();
    ServiceMetrics metrics = new ServiceMetrics();
    ConnectSettings configured =
        ConnectSettings.fromEnvironment(dataDir, ctx.env(), metrics::retrying);
    ConnectSettings settings =
        OutboundPolicy.apply(
            configured.withTransport(metrics.meter(configured.transport())), ctx.env());
    if (team
        && settings.store() instanceof StoreLocation.Postgres
        && HooksCommand.publicUrl(ctx).isEmpty()) {
      throw new InvalidInputException(
          "Team mode on a shared database (ADO_CONNECT_DATABASE_URL) runs as several instances"
              + " behind a load balancer, so each needs the one address clients reach them at:"
              + " connect links, the Host check and the MCP sign-in's issuer are built from it.",
          "Set ADO_CONNECT_PUBLIC_URL to the balancer's address (e.g."
              + " https://ado-connect.example.com) on every instance, then start again.");
    }
    AdoConnect ado = AdoConnect.open(settings, clientSecret);
    ApiToken token = ApiToken.loadOrCreate(dataDir);
    Path clonesDir = SourcesDirectory.of(ctx.env(), dataDir, team);
    SourceClones clones =
        new SourceClones(
            clonesDir, owner -> HelperLine.of(dataDir, owner), ctx.env(), FETCHES_AT_ONCE);
    ServerConfig config =
        new ServerConfig(host, port, token, redirectUri, Clock.systemUTC())
            .withPublicUrl(
                HooksCommand.publicUrl(ctx)
                    .map(v -> io.adoconnect.devops.HttpUrls.parse(v, HooksCommand.PUBLIC_URL)))
            .withTeam(
                team
                    ? Optional.of(TeamMode.fromEnvironment(ctx.env()).withDeviceCode(deviceCode))
                    : Optional.empty())
            .withSourceClones(Optional.of(clones));
    if (!config.isLoopback()) {
      ctx.err()
          .printf(
              "WARNING: listening on %s, not only on this machine. Anyone who can reach it can try the API;"
                  + " keep the API token secret and put TLS in front of it.%n",
              host);
    }
    boolean allowWrite =
        mcpAllowWrite
            || "true".equalsIgnoreCase(ctx.env().getOrDefault(MCP_ALLOW_WRITE, "").strip());
    ServerApp app;
    try {
      // Team mode too: each grant belongs to the end user who approved it, and its tools work on
      // that end user's connections only.
      app =
          ServerApp.create(
              config,
              ado,
              new McpHttp(OAuthStore.open(settings.store()), allowWrite, Version.version()),
              metrics);
      app.start();
    } catch (RuntimeException e) {
      clones.close();
      ado.close();
      throw e;
    }
    ServiceUrlFile.write(dataDir, app.baseUri());
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopping.compareAndSet(false, true)) {
            ServiceUrlFile.remove(dataDir, app.baseUri());
            app.stop(); // drains: requests under way finish, leases are released
            clones.close();
            ado.close();
          }
        };
    // SIGTERM (a deploy, a balancer's orchestrator) and Ctrl-C drain, then exit 0; any other end
    // of the JVM still stops the service on the way out.
    CountDownLatch stopRequested = new CountDownLatch(1);
    StopSignals.onTermOrInterrupt(stopRequested::countDown);
    Runtime.getRuntime().addShutdownHook(new Thread(stop));
    ctx.out().println(listening(host, app.port(), app.baseUri()));
    ctx.out()
        .printf("  API: %s/api/…  (described at %s/openapi.json)%n", app.baseUri(), app.baseUri());
    if (team) {
      ctx.out()
          .println(
              "  Team mode: applications call with Authorization: Bearer <application key> and"
                  + " X-End-User: <their id for the user> (ado-connect apps create NAME makes one)");
      ctx.out()
          .printf(
              "  Connect links for end users: POST %s/api/connect-links; device code sign-in %s%n",
              app.baseUri(), deviceCode ? "on" : "off (--device-code turns it on)");
    } else {
      ctx.out()
          .printf("  API token: in %s (send it as Authorization: Bearer <token>)%n", token.file());
      ctx.out()
          .printf(
              "  Browser login link (works once, within 60 s, for one tab): %s%n", app.loginLink());
      ctx.out().println("  Another one, for another tab or later: ado-connect login-link");
    }
    ctx.out()
        .printf(
            "  Web sign-in redirect URI: %s%s%n",
            app.redirectUri(), clientSecret.isPresent() ? " (confidential app)" : "");
    ctx.out()
        .printf(
            "  Service hook receiver: %s/api/hooks/{subscription}%s%n",
            app.publicUrl(),
            config.publicUrl().isPresent()
                ? ""
                : " (set ADO_CONNECT_PUBLIC_URL to where Azure DevOps reaches it)");
    ctx.out()
        .printf(
            "  MCP (Streamable HTTP, OAuth sign-in approved on the page%s): %s/mcp%s%n",
            team ? " by the end user, in their connect-link session" : "",
            app.publicUrl(),
            allowWrite ? " (writing allowed where approved)" : " (read-only)");
    ctx.out()
        .printf(
            "  Sources are fetched on each trusted push into %s%s%n",
            clonesDir, team ? File.separator + "APPLICATION" + File.separator + "END_USER" : "");
    ctx.out().println("Stop with Ctrl-C.");
    ctx.out().flush();
    stopRequested.await();
    stop.run();
    return ExitCodes.OK;
  }

  private Optional<Secret> clientSecret() {
    String value = ctx.env().get("ADO_CONNECT_AZURE_CLIENT_SECRET");
    String file = ctx.env().get("ADO_CONNECT_AZURE_CLIENT_SECRET_FILE");
    if (value != null && !value.isBlank()) {
      return Optional.of(Secret.of(value.strip()));
    }
    if (file != null && !file.isBlank()) {
      try {
        String read = Files.readString(Path.of(file.strip())).strip();
        if (read.isEmpty()) {
          throw new InvalidInputException(
              "The client secret file " + file + " is empty.",
              "Put the secret's value (not its id) in the file named by ADO_CONNECT_AZURE_CLIENT_SECRET_FILE.");
        }
        return Optional.of(Secret.of(read));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "ado-connect could not read the client secret file " + file, e);
      }
    }
    return Optional.empty();
  }

  private Optional<URI> redirectUri() {
    String value = ctx.env().get("ADO_CONNECT_REDIRECT_URI");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    URI uri = io.adoconnect.devops.HttpUrls.parse(value.strip(), "ADO_CONNECT_REDIRECT_URI");
    if (uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || !uri.getPath().endsWith(ServerApp.CALLBACK_PATH)) {
      throw new InvalidInputException(
          "ADO_CONNECT_REDIRECT_URI must end with "
              + ServerApp.CALLBACK_PATH
              + ", without query or fragment.",
          "E.g. https://ado-connect.example.com"
              + ServerApp.CALLBACK_PATH
              + ", exactly as registered in the Entra app.");
    }
    return Optional.of(uri);
  }

  /**
   * The first line {@code serve} prints: where it listens as bound — {@code 0.0.0.0} is every
   * interface, not 127.0.0.1 — and the address to use on this machine when that differs.
   */
  static String listening(String boundHost, int port, URI local) {
    String bound = boundHost.contains(":") ? "[" + boundHost + "]" : boundHost;
    String asBound = "http://" + bound + ":" + port;
    if (asBound.equals(local.toString())) {
      return "ado-connect service listening on " + local;
    }
    return "ado-connect service listening on "
        + asBound
        + (io.adoconnect.server.access.HostPolicy.isWildcard(boundHost) ? " (every interface)" : "")
        + "; on this machine: "
        + local;
  }
}
