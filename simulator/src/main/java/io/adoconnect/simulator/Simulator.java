package io.adoconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.adoconnect.simulator.auth.CredentialStore;
import io.adoconnect.simulator.build.BuildDefinitions;
import io.adoconnect.simulator.build.BuildEndpoints;
import io.adoconnect.simulator.build.BuildQueue;
import io.adoconnect.simulator.build.PipelineEndpoints;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Dataset;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.entra.EntraDirectory;
import io.adoconnect.simulator.entra.EntraService;
import io.adoconnect.simulator.faults.FaultPlan;
import io.adoconnect.simulator.git.GitContent;
import io.adoconnect.simulator.git.GitEndpoints;
import io.adoconnect.simulator.git.GitHttpEndpoints;
import io.adoconnect.simulator.git.Pushes;
import io.adoconnect.simulator.hooks.Delivery;
import io.adoconnect.simulator.hooks.HookDeliveries;
import io.adoconnect.simulator.hooks.HookEndpoints;
import io.adoconnect.simulator.hooks.HookSubscription;
import io.adoconnect.simulator.hooks.HookSubscriptions;
import io.adoconnect.simulator.identities.IdentityEndpoints;
import io.adoconnect.simulator.identities.People;
import io.adoconnect.simulator.location.LocationEndpoints;
import io.adoconnect.simulator.profile.ProfileEndpoints;
import io.adoconnect.simulator.projects.ProjectEndpoints;
import io.adoconnect.simulator.pullrequests.PullRequestEndpoints;
import io.adoconnect.simulator.release.ReleaseEndpoints;
import io.adoconnect.simulator.release.ReleaseStore;
import io.adoconnect.simulator.repositories.RepositoryEndpoints;
import io.adoconnect.simulator.wit.CommentEndpoints;
import io.adoconnect.simulator.wit.WorkItemEndpoints;
import io.adoconnect.simulator.wit.WorkItemStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local Azure DevOps: one port on 127.0.0.1 serves the vssps host ({@code /_apis/…}), the
 * Services organizations ({@code /org-001/…}) and an Azure DevOps Server 2020 collection ({@code
 * /tfs/DefaultCollection/…}, also {@code /DefaultCollection/…}), all in Azure DevOps' wire format.
 * The data comes from {@link Dataset}; the test hooks arm failures, hangs and throttling.
 *
 * <p>The same port also plays Microsoft Entra ID ({@code login.microsoftonline.com}): {@code
 * /{tenant}/oauth2/v2.0/…}, {@code /{tenant}/v2.0/.well-known/openid-configuration}, {@code
 * /{tenant}/discovery/v2.0/keys} and the verification page {@code /devicelogin} (see {@link
 * EntraService} for the layout, {@link EntraDirectory} for tenants, users and which tenant backs
 * each organization). Azure DevOps routes accept the access tokens it issues (see {@code Router});
 * the Entra hooks below drive the device flow from tests.
 */
public final class Simulator implements AutoCloseable {

  private static final int BACKLOG = 1024;

  static {
    // The JDK server leaves Nagle's algorithm on, which with delayed ACKs adds ~40 ms to each
    // request on a kept-alive connection; Azure DevOps answers without that. Read once per JVM.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimulatorConfig config;
  private final Dataset dataset;
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final RequestLog log = new RequestLog();
  private final FaultPlan faults = new FaultPlan();
  private final CredentialStore credentials = new CredentialStore();
  private final EntraService entra;
  private final HookSubscriptions hookSubscriptions = new HookSubscriptions();
  // Who can be a reviewer: the dataset's user and the other Entra users.
  private final People people;
  private final BuildDefinitions buildDefinitions = new BuildDefinitions();
  private final BuildQueue builds;
  private final ReleaseStore releases;
  private final WorkItemStore workItems;
  // Areas raise events here; service-hook subscriptions turn them into deliveries.
  private final HookDeliveries events;
  private final Pushes pushes;
  // Every repository's Git objects, created on first access.
  private final GitContent git;

  private Simulator(SimulatorConfig config) throws IOException {
    this.config = config;
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), BACKLOG);
    this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    Dataset generated =
        Dataset.generate(config.orgs(), config.projects(), config.repos(), config.seed());
    this.dataset =
        generated.withServerInstanceId(
            config.serverInstanceId() != null
                ? config.serverInstanceId()
                : serverInstanceId(generated, baseUri.getPort()));
    Clock clock = config.clock();
    // Unbounded pool: latency and hangs sleep on request threads and must not serialize parallel
    // clients.
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    this.events = new HookDeliveries(hookSubscriptions, config.seed());
    this.git = new GitContent();
    this.pushes = new Pushes(events, clock, git);
    credentials.addPat(config.pat());
    this.builds = new BuildQueue(events, Duration.ofMillis(config.buildDurationMillis()), clock);
    this.releases = new ReleaseStore(Duration.ofSeconds(config.releaseStageSeconds()), clock);
    this.workItems = new WorkItemStore(dataset.user());
    EntraDirectory directory = EntraDirectory.generate(dataset, config.seed());
    this.entra =
        new EntraService(
            directory,
            new EntraService.Settings(
                config.autoApproveAfterSeconds(),
                config.autoDecline(),
                config.accessTokenLifetimeSeconds(),
                config.deviceCodeLifetimeSeconds(),
                config.refreshTokenLifetimeSeconds(),
                config.deviceCodeIntervalSeconds(),
                config.singleUseRefreshTokens()),
            clock);
    ProfileEndpoints profile =
        new ProfileEndpoints(
            dataset,
            profileId ->
                directory
                    .userByProfileId(profileId)
                    .map(directory::organizationsOf)
                    .orElse(dataset.organizations()));
    this.people =
        new People(
            directory.users().stream()
                .map(u -> directory.azureDevOpsUser(u, u.homeTenantId()))
                .toList());
    Router router =
        new Router(
            config,
            log,
            faults,
            credentials,
            new ScopeResolver(dataset, baseUri),
            List.of(
                new LocationEndpoints(),
                profile,
                new ProjectEndpoints(),
                new IdentityEndpoints(people),
                new PullRequestEndpoints(events, pushes, people, clock),
                new GitEndpoints(git, pushes),
                new GitHttpEndpoints(git, pushes),
                new BuildEndpoints(buildDefinitions, builds, git),
                new PipelineEndpoints(buildDefinitions, builds, git),
                new RepositoryEndpoints(events),
                new ReleaseEndpoints(releases),
                new WorkItemEndpoints(workItems),
                new CommentEndpoints(workItems),
                new HookEndpoints(hookSubscriptions)),
            entra,
            baseUri.toString());
    server.createContext("/", router);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * The Server collection's default {@code instanceId}: the generated one mixed with the port, so
   * two simulators with the same seed are two Servers (as two real Servers, each with its own
   * {@code DefaultCollection}, are) while the same port gives the same id again.
   */
  private static UUID serverInstanceId(Dataset dataset, int port) {
    return UUID.nameUUIDFromBytes(
        (dataset.serverCollection().instanceId() + "/" + port).getBytes(StandardCharsets.UTF_8));
  }

  /** Binds {@code 127.0.0.1:config.port()} (0 = a free port) and starts serving. */
  public static Simulator start(SimulatorConfig config) {
    try {
      return new Simulator(config);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the simulator on port " + config.port(), e);
    }
  }

  /** E.g. {@code http://127.0.0.1:41234}, without trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The port actually bound. */
  public int port() {
    return baseUri.getPort();
  }

  public SimulatorConfig config() {
    return config;
  }

  /**
   * The people of the simulated Azure DevOps (dataset user first): the identities reviewers and
   * identity searches draw from.
   */
  public People people() {
    return people;
  }

  /** The generated data being served. */
  public Dataset dataset() {
    return dataset;
  }

  /**
   * The next {@code times} requests whose decoded path starts with {@code pathPrefix} answer {@code
   * status}.
   */
  public void failNext(String pathPrefix, int status, int times) {
    faults.failNext(pathPrefix, status, times);
  }

  /** The next {@code times} matching requests sleep {@code duration} before being answered. */
  public void hangNext(String pathPrefix, Duration duration, int times) {
    faults.hangNext(pathPrefix, duration, times);
  }

  /**
   * The next {@code times} matching requests answer 429 with {@code Retry-After} and {@code
   * X-RateLimit-*}.
   */
  public void throttleNext(String pathPrefix, int retryAfterSeconds, int times) {
    faults.throttleNext(pathPrefix, retryAfterSeconds, times);
  }

  /** Stops accepting {@code pat}. */
  public void revokePat(String pat) {
    credentials.revokePat(pat);
  }

  /** Accepts {@code pat} in addition to the configured one. */
  public void addPat(String pat) {
    credentials.addPat(pat);
  }

  /**
   * Accepts {@code pat} for the calls its {@code scopes} allow (e.g. {@code vso.code}); others get
   * the 401 Azure DevOps sends a PAT without the needed scope.
   */
  public void addScopedPat(String pat, Set<String> scopes) {
    credentials.addScopedPat(pat, scopes);
  }

  /** Accepts {@code token} as {@code Authorization: Bearer}. */
  public void addBearerToken(String token) {
    credentials.addBearerToken(token);
  }

  // ------------------------------------------------------------------ builds and pipelines

  /** The build definitions (also YAML pipelines, same ids) of an organization or collection. */
  public List<io.adoconnect.simulator.build.BuildDefinition> buildDefinitions(
      io.adoconnect.simulator.data.Collection collection) {
    return buildDefinitions.of(collection);
  }

  /** The next build queued (or pipeline run) completes as {@code failed}. */
  public void failNextBuild() {
    builds.failNext(1);
  }

  /** Every build waiting for an agent starts now ({@code inProgress}). */
  public void startBuilds() {
    builds.startAll();
  }

  /**
   * Every build not completed yet completes now ({@code succeeded}, or {@code failed} when armed),
   * publishing {@code build.complete}; tests use it instead of waiting for the build duration.
   */
  public void completeBuilds() {
    builds.completeAll();
  }

  // ------------------------------------------------------------------ releases and work items

  /**
   * Moves the clock classic releases run by forward: stages of {@link
   * SimulatorConfig#releaseStageSeconds()} each progress as if {@code duration} had passed.
   */
  public void advanceReleases(Duration duration) {
    releases.advance(duration);
  }

  /** Every stage of every release created so far has succeeded. */
  public void completeReleases() {
    releases.completeAll();
  }

  /**
   * Adds {@code count} Tasks ({@code Bulk item n}) to a project of an organization (or of {@code
   * DefaultCollection}), e.g. to pass WIQL's 20,000-result limit.
   */
  public void addWorkItems(String organization, String project, int count) {
    io.adoconnect.simulator.data.Collection collection =
        dataset
            .organization(organization)
            .or(
                () ->
                    dataset.serverCollection().name().equalsIgnoreCase(organization)
                        ? java.util.Optional.of(dataset.serverCollection())
                        : java.util.Optional.empty())
            .orElseThrow(() -> new IllegalArgumentException("no collection " + organization));
    workItems.addBulk(
        collection,
        collection
            .project(project)
            .orElseThrow(() -> new IllegalArgumentException("no project " + project)),
        count,
        dataset.user());
  }

  // ------------------------------------------------------------------ simulated Entra ID

  /** Base URL to export as {@code ADO_CONNECT_LOGIN_URL}: the simulated Entra lives at the root. */
  public URI loginUri() {
    return baseUri;
  }

  /** Tenants, users and organization tenants of the simulated Entra ID (read-only). */
  public EntraDirectory entra() {
    return entra.directory();
  }

  /**
   * Approves a pending device authorization as the first user allowed in its tenant (the default
   * user).
   */
  public void approve(String userCode) {
    entra.approve(userCode);
  }

  /**
   * Approves a pending device authorization as {@code userPrincipalName} (must be allowed in its
   * tenant).
   */
  public void approve(String userCode, String userPrincipalName) {
    entra.approve(userCode, userPrincipalName);
  }

  /**
   * Declines a pending device authorization: the next poll answers {@code authorization_declined}.
   */
  public void decline(String userCode) {
    entra.decline(userCode);
  }

  /**
   * Expires a device authorization now: polls answer {@code expired_token}, the page rejects the
   * code.
   */
  public void expire(String userCode) {
    entra.expire(userCode);
  }

  /**
   * The next poll of this device authorization answers {@code slow_down}, however late it comes.
   */
  public void slowDownNext(String userCode) {
    entra.slowDownNext(userCode);
  }

  /** The user code of the latest device authorization; throws when there was none. */
  public String lastUserCode() {
    return entra.lastUserCode();
  }

  /** Revokes every refresh token issued so far (next use: {@code invalid_grant}, AADSTS50173). */
  public void revokeRefreshTokens() {
    entra.revokeRefreshTokens();
  }

  /** Revokes one refresh token; false when the simulator never issued it. */
  public boolean revokeRefreshToken(String refreshToken) {
    return entra.revokeRefreshToken(refreshToken);
  }

  /** Every access token issued so far expires now (Azure DevOps routes then answer 401). */
  public void expireAccessTokens() {
    entra.expireAccessTokens();
  }

  /**
   * Switches a Conditional Access policy blocking the device code flow in a tenant: device grants
   * for it answer {@code invalid_grant} AADSTS53003 when redeemed.
   */
  public void blockDeviceCodeFlow(String tenantIdOrDomain, boolean blocked) {
    entra.blockDeviceCodeFlow(tenantIdOrDomain, blocked);
  }

  /**
   * Registers (or replaces) an app: {@code secret == null} makes a public client (PKCE, no secret
   * allowed), otherwise a confidential client that must authenticate with that secret. Redirect
   * URIs match exactly.
   */
  public void registerClient(String clientId, String secret, List<String> redirectUris) {
    entra.registerClient(clientId, secret, redirectUris);
  }

  /** All requests received since start or the last {@link #resetCounts()}. */
  public long requestCount() {
    return log.count();
  }

  /** Requests to exactly this decoded path (no query). */
  public long requestCount(String path) {
    return log.count(path);
  }

  /** Request counts per decoded path. */
  public Map<String, Long> requestCounts() {
    return log.counts();
  }

  /** Every request received, in arrival order. */
  public List<RecordedRequest> requests() {
    return log.requests();
  }

  /** Clears counts and recorded requests. */
  public void resetCounts() {
    log.reset();
  }

  // ------------------------------------------------------------------ service hooks

  /** How many repositories' Git objects exist so far (they are created on first access). */
  public int gitRepositoriesCreated() {
    return git.created();
  }

  /**
   * The Git repository behind {@code org/project/repo} ({@code org} may be the Server collection's
   * name), created on first access: tests read and write its objects with JGit.
   */
  public org.eclipse.jgit.lib.Repository git(String org, String project, String repo) {
    return git.git(repository(org, project, repo));
  }

  /**
   * Pushes one real commit (a line appended to {@code simulated-pushes.md}) onto {@code branch}
   * (created from the default branch if missing) of {@code org/project/repo} ({@code org} may be
   * the Server collection's name): the ref moves, and a {@code git.push} event is published to the
   * service-hook subscriptions.
   *
   * @return the event's {@code resource} (a push: {@code refUpdates}, {@code commits}, {@code
   *     repository}, {@code pushedBy}, {@code pushId}, …)
   */
  public JsonNode push(String org, String project, String repo, String branch) {
    Collection collection = collection(org);
    return pushes.push(
        collection,
        baseUri + basePath(collection),
        repository(org, project, repo),
        branch,
        dataset.user(),
        null);
  }

  private Repository repository(String org, String project, String repo) {
    Collection collection = collection(org);
    Project p =
        collection
            .project(project)
            .orElseThrow(() -> new IllegalArgumentException("no project " + project));
    return Collection.repository(collection.repositoriesOf(p), repo)
        .orElseThrow(() -> new IllegalArgumentException("no repository " + repo));
  }

  /**
   * Publishes any event, as an area would: subscriptions of {@code org} to {@code eventType} whose
   * filters match get a delivery.
   */
  public void publishEvent(String eventType, String org, String projectId, JsonNode resource) {
    events.publish(eventType, collection(org), projectId, resource);
  }

  /** The next successful delivery is sent twice (same event id), as Azure DevOps may. */
  public void duplicateNextDelivery() {
    events.duplicateNext();
  }

  /** Tries per delivery and the first retry's backoff (doubling after); tests make it short. */
  public void hookRetry(int maxAttempts, Duration firstBackoff) {
    events.retry(maxAttempts, firstBackoff);
  }

  /** Every delivery attempt so far, in the order they finished. */
  public List<Delivery> deliveries() {
    return events.deliveries();
  }

  /** Waits (without polling) until {@code done} holds for the delivery attempts; returns them. */
  public List<Delivery> awaitDeliveries(Predicate<List<Delivery>> done, Duration timeout) {
    return events.await(done, timeout);
  }

  /** The subscriptions created so far, unmasked (tests read the generated passwords here). */
  public List<HookSubscription> hookSubscriptions() {
    return hookSubscriptions.all();
  }

  private Collection collection(String org) {
    Collection server = dataset.serverCollection();
    if (server.name().equalsIgnoreCase(org)) {
      return server;
    }
    return dataset
        .organization(org)
        .orElseThrow(() -> new IllegalArgumentException("no organization " + org));
  }

  private String basePath(Collection collection) {
    return collection == dataset.serverCollection()
        ? "/tfs/" + collection.name()
        : "/" + collection.name();
  }

  /** Stops the server and the deliveries immediately. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    builds.close();
    events.close();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "simulator-http-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
