package io.adoconnect.server;

import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.WebhookDeliveries;
import io.adoconnect.http.Json;
import io.adoconnect.mcp.WriteAudit;
import io.adoconnect.server.access.AccessGuard;
import io.adoconnect.server.access.HostPolicy;
import io.adoconnect.server.access.LoginTickets;
import io.adoconnect.server.access.SessionController;
import io.adoconnect.server.access.Sessions;
import io.adoconnect.server.accounts.AccountsController;
import io.adoconnect.server.builds.BuildsController;
import io.adoconnect.server.connections.DeviceController;
import io.adoconnect.server.connections.PatController;
import io.adoconnect.server.docs.DocsController;
import io.adoconnect.server.errors.ErrorMapping;
import io.adoconnect.server.errors.JettyErrors;
import io.adoconnect.server.git.GitController;
import io.adoconnect.server.hooks.HooksController;
import io.adoconnect.server.mcp.McpHttp;
import io.adoconnect.server.mcp.McpServlet;
import io.adoconnect.server.oauth.AuthorizationServer;
import io.adoconnect.server.oauth.OAuthUris;
import io.adoconnect.server.observe.RequestObserver;
import io.adoconnect.server.observe.ServiceMetrics;
import io.adoconnect.server.page.PageController;
import io.adoconnect.server.pullrequests.PullRequestsController;
import io.adoconnect.server.releases.ReleasesController;
import io.adoconnect.server.repositories.RepositoriesController;
import io.adoconnect.server.signin.WebSignInController;
import io.adoconnect.server.sources.SourcesController;
import io.adoconnect.server.team.AuditTrail;
import io.adoconnect.server.team.ConnectLinksController;
import io.adoconnect.server.team.OwnerCores;
import io.adoconnect.server.team.TeamAccess;
import io.adoconnect.server.team.TeamMode;
import io.adoconnect.server.team.WebhookRounds;
import io.adoconnect.server.workitems.WorkItemsController;
import io.adoconnect.store.Ids;
import io.adoconnect.store.Owner;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service: one Javalin app, its controllers created here with what they need (no static state),
 * over one {@link AdoConnect} that the caller opens and closes.
 *
 * <pre>{@code
 * try (AdoConnect ado = AdoConnect.open(settings, clientSecret)) {
 *   ServerApp app = ServerApp.create(ServerConfig.local(ApiToken.loadOrCreate(dataDir)), ado);
 *   app.start();
 *   System.out.println(app.loginLink());
 * }
 * }</pre>
 */
public final class ServerApp {
  /** The path of the web sign-in's callback, as registered in the Entra app. */
  public static final String CALLBACK_PATH = "/api/signin/microsoft/callback";

  /** How long {@link #stop()} waits for the requests under way, and for a background round. */
  public static final Duration DRAIN_WAIT = Duration.ofSeconds(20);

  private static final Logger log = LoggerFactory.getLogger(ServerApp.class);

  private final ServerConfig config;
  private final Javalin javalin;
  private final SessionController sessions;
  private final List<String> routes = Collections.synchronizedList(new ArrayList<>());
  private final Readiness readiness;
  private final RequestGate gate = new RequestGate();
  private final String instance = "instance-" + Ids.newId();

  private ServerApp(
      ServerConfig config, AdoConnect root, Optional<McpHttp> mcp, ServiceMetrics metrics) {
    requirePublicUrlBeyondLoopback(config);
    this.config = config;
    Optional<TeamMode> team = config.team();
    // Team mode: each request works on its (application, end user)'s view of the one core.
    OwnerCores owners = team.isPresent() ? new OwnerCores(root) : null;
    RequestCore ado = owners != null ? owners : RequestCore.always(root);
    // Login tickets and page sessions live in the database, so a restart or another instance on
    // the same database honours them.
    LoginTickets tickets = new LoginTickets(root.pageAccess(), config.clock());
    Sessions browserSessions = new Sessions(root.pageAccess(), config.clock());
    HostPolicy hosts =
        new HostPolicy(config.host(), this::port, config.publicUrl(), config.redirectUri());
    TeamAccess teamAccess = team.map(t -> new TeamAccess(root.applications())).orElse(null);
    AccessGuard guard = new AccessGuard(config.apiToken(), browserSessions, hosts, teamAccess);
    this.sessions =
        new SessionController(
            tickets, browserSessions, team.isPresent() ? this::publicUrl : this::baseUri, team);
    ExecutorService workers = Executors.newCachedThreadPool(daemons());
    Optional<AuditTrail> audit = team.map(t -> new AuditTrail(root.applications()));
    this.readiness = new Readiness(root::checkStore);
    SessionRenewals sessionRenewals =
        new SessionRenewals(root.leasedRenewals(instance), SessionRenewals.IDLE);
    Periodic renewals =
        new Periodic(
            "ado-connect-session-renewal", SessionRenewals.INTERVAL, sessionRenewals::renewIdle);
    Optional<WebhookDeliveries> deliveries =
        team.map(t -> root.webhookDeliveries(t.webhookBackoff(), t.webhookLease()));
    deliveries.ifPresent(d -> metrics.outbox(d::waiting));
    Optional<WebhookRounds> webhookRounds = deliveries.map(d -> new WebhookRounds(d, instance));
    Optional<Periodic> webhooks =
        webhookRounds.map(
            rounds ->
                new Periodic(
                    "ado-connect-webhooks", team.get().webhookInterval(), rounds::deliverDue));
    RequestObserver observer = new RequestObserver(metrics, config.apiToken());
    OAuthUris oauthUris = new OAuthUris(this::publicUrl);
    // Single-user: the operator's. Team mode: the end user of the browser's connect-link session,
    // while their application is live; nobody's without one.
    Function<io.javalin.http.Context, Optional<Owner>> browsers =
        team.isPresent()
            ? ctx ->
                browserSessions
                    .ownerOf(ctx.cookie(Sessions.COOKIE))
                    .filter(o -> !o.equals(Owner.LOCAL))
                    .filter(o -> root.applications().isLive(o.application()))
            : ctx -> Optional.of(Owner.LOCAL);
    Function<Owner, AdoConnect> cores =
        owners != null ? owners::of : owner -> owner.equals(Owner.LOCAL) ? root : null;
    Predicate<Owner> live =
        team.isPresent()
            ? owner -> !owner.equals(Owner.LOCAL) && root.applications().isLive(owner.application())
            : owner -> owner.equals(Owner.LOCAL);
    Optional<AuthorizationServer> oauth =
        mcp.map(
            m ->
                new AuthorizationServer(
                    m.store(), oauthUris, browsers, m.allowWrite(), config.clock()));
    // Team mode: an agent's write calls go to the audit log of the end user it acts for.
    Function<Owner, WriteAudit> audits =
        audit.isPresent()
            ? owner -> (tool, outcome) -> audit.get().mcpWrite(owner, tool, outcome)
            : owner -> WriteAudit.NONE;
    Optional<McpServlet> mcpServlet =
        mcp.map(
            m -> new McpServlet(hosts, oauth.get().tokens(), oauthUris, cores, live, audits, m));
    this.javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = AccessGuard.MAX_BODY;
              cfg.jetty.host = config.host();
              cfg.jetty.port = config.port();
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER.copy(), false));
              JettyErrors jettyErrors = new JettyErrors();
              cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
              cfg.jetty.modifyServletContextHandler(
                  handler -> handler.setErrorHandler(jettyErrors));
              cfg.events.serverStarted(
                  () -> {
                    renewals.start();
                    webhooks.ifPresent(Periodic::start);
                    readiness.ready();
                  });
              cfg.events.serverStopping(
                  () -> {
                    readiness.drain();
                    // the rounds end first, so nothing is claimed after the leases are released
                    renewals.stop(DRAIN_WAIT);
                    webhooks.ifPresent(p -> p.stop(DRAIN_WAIT));
                    sessionRenewals.release();
                    webhookRounds.ifPresent(WebhookRounds::release);
                  });
              cfg.events.handlerAdded(
                  meta -> {
                    if (!meta.getHttpMethod().name().startsWith("BEFORE")
                        && !meta.getHttpMethod().name().startsWith("AFTER")) {
                      routes.add(meta.getHttpMethod().name() + " " + meta.getPath());
                    }
                  });
              cfg.events.serverStopped(workers::shutdownNow);
              cfg.jetty.modifyServletContextHandler(
                  handler ->
                      handler.addFilter(
                          new org.eclipse.jetty.ee10.servlet.FilterHolder(gate),
                          "/*",
                          java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
              mcpServlet.ifPresent(
                  servlet -> {
                    // a servlet of its own beside Javalin's: the SDK's transport needs the raw
                    // request (async SSE streams); McpServlet runs the Host/Origin/token checks
                    cfg.jetty.modifyServletContextHandler(
                        handler -> {
                          var holder = new org.eclipse.jetty.ee10.servlet.ServletHolder(servlet);
                          holder.setAsyncSupported(true);
                          handler.addServlet(holder, OAuthUris.MCP_PATH);
                        });
                    cfg.events.serverStopped(servlet::close);
                    for (String method : List.of("GET", "POST", "DELETE")) {
                      routes.add(method + " " + OAuthUris.MCP_PATH);
                    }
                  });
              cfg.routes.before(observer::before); // the request id, for every log line
              cfg.routes.before(hosts::before); // a foreign Host is refused before anything else
              cfg.routes.before(guard::before);
              audit.ifPresent(trail -> cfg.routes.after(trail::after));
              cfg.routes.after(observer::after);
              cfg.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> {
                    AccessGuard.securityHeaders(ctx);
                    ErrorMapping.write(e, ctx);
                  });
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    AccessGuard.securityHeaders(ctx);
                    ErrorMapping.write(e, ctx);
                  });
              new DocsController().routes(cfg.routes);
              observer.routes(cfg.routes);
              readiness.routes(cfg.routes);
              new PageController(tickets::isOpen, team.isPresent()).routes(cfg.routes);
              sessions.routes(cfg.routes);
              new DeviceController(ado, team.map(TeamMode::deviceCode).orElse(true))
                  .routes(cfg.routes);
              new ConnectLinksController(tickets, team, this::publicUrl).routes(cfg.routes);
              new PatController(ado).routes(cfg.routes);
              new WebSignInController(ado, root, this::redirectUri, config.clock())
                  .routes(cfg.routes);
              new AccountsController(ado).routes(cfg.routes);
              new RepositoriesController(ado, workers).routes(cfg.routes);
              new SourcesController(ado).routes(cfg.routes);
              new GitController(ado).routes(cfg.routes);
              new PullRequestsController(ado).routes(cfg.routes);
              new BuildsController(ado).routes(cfg.routes);
              new ReleasesController(ado).routes(cfg.routes);
              new WorkItemsController(ado).routes(cfg.routes);
              new HooksController(ado, this::publicUrl, config.sourceClones()).routes(cfg.routes);
              oauth.ifPresent(server -> server.routes(cfg.routes));
            });
  }

  /**
   * Creates the service.
   *
   * @throws InvalidInputException when it would listen beyond this machine without a public URL:
   *     the {@code Host} allow-list ({@link HostPolicy}) would have no name to accept but loopback
   *     ones
   */
  public static ServerApp create(ServerConfig config, AdoConnect ado) {
    return new ServerApp(config, ado, Optional.empty(), new ServiceMetrics());
  }

  /**
   * Creates the service with {@code /mcp} (Streamable HTTP) and its OAuth authorization server.
   *
   * @throws InvalidInputException as {@link #create(ServerConfig, AdoConnect)}
   */
  public static ServerApp create(ServerConfig config, AdoConnect ado, McpHttp mcp) {
    return new ServerApp(config, ado, Optional.of(mcp), new ServiceMetrics());
  }

  /**
   * Creates the service with {@code /mcp}, recording into {@code metrics} (which also meters the
   * transport {@code ado} was opened with, when the caller wrapped it: {@link
   * ServiceMetrics#meter}).
   */
  public static ServerApp create(
      ServerConfig config, AdoConnect ado, McpHttp mcp, ServiceMetrics metrics) {
    return new ServerApp(config, ado, Optional.of(mcp), metrics);
  }

  private static void requirePublicUrlBeyondLoopback(ServerConfig config) {
    if (!config.isLoopback() && config.publicUrl().isEmpty()) {
      throw new InvalidInputException(
          "The service would listen on "
              + config.host()
              + ", beyond this machine, without a public URL: it answers only to the names it is"
              + " configured with, and it has none but 127.0.0.1 and localhost.",
          "Set ADO_CONNECT_PUBLIC_URL to the address browsers and Azure DevOps reach it at (e.g."
              + " https://ado-connect.example.com), or listen on 127.0.0.1.");
    }
  }

  /** The Javalin app, e.g. for {@code JavalinTest.test(app.javalin(), …)}. */
  public Javalin javalin() {
    return javalin;
  }

  public ServerApp start() {
    javalin.start(config.host(), config.port());
    return this;
  }

  /**
   * Stops gracefully: {@code /api/ready} answers 503 and new requests are turned away (503 {@code
   * draining}), the requests under way finish (up to {@link #DRAIN_WAIT}), the background rounds
   * end and the leases this instance holds (webhook messages, session renewals) are released so
   * another instance takes them at once; then the server stops. A device-flow poll's claim is
   * released by its request as it finishes.
   */
  public void stop() {
    readiness.drain();
    gate.drain();
    int left = gate.awaitIdle(DRAIN_WAIT);
    if (left > 0) {
      log.warn("stopping with {} request(s) still under way after {}", left, DRAIN_WAIT);
    }
    javalin.stop();
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Who holds this instance's leases in the database (webhook messages, session renewals): a new
   * name per start, released by {@link #stop()}.
   */
  public String instance() {
    return instance;
  }

  /**
   * Where the service answers, e.g. {@code http://127.0.0.1:8080}; loopback when bound to all
   * interfaces.
   */
  public URI baseUri() {
    String host = config.host();
    if (HostPolicy.isWildcard(host)) {
      host = ServerConfig.LOOPBACK;
    }
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /**
   * Where Azure DevOps delivers service hook events: {@code ADO_CONNECT_PUBLIC_URL} when
   * configured, else {@link #baseUri()}.
   */
  public URI publicUrl() {
    return config.publicUrl().orElseGet(this::baseUri);
  }

  /** The web sign-in's redirect URI: configured, or this service's callback on 127.0.0.1. */
  public URI redirectUri() {
    return config
        .redirectUri()
        .orElseGet(() -> URI.create("http://127.0.0.1:" + port() + CALLBACK_PATH));
  }

  /**
   * A fresh one-time login link for the browser (single use, 60 s); the single-user service only
   * (team mode: {@code POST /api/connect-links}).
   */
  public String loginLink() {
    if (config.team().isPresent()) {
      throw new IllegalStateException("team mode has connect links, not login links");
    }
    return sessions.newLoginLink();
  }

  /** Every {@code METHOD /path} registered, for the test that keeps the OpenAPI document true. */
  public List<String> routes() {
    return List.copyOf(routes);
  }

  private static java.util.concurrent.ThreadFactory daemons() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "ado-connect-server-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
