package io.adoconnect.connect;

import io.adoconnect.AdoConnectException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.OrganizationNotSupportedException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.AuthorizationCodeFlow;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.discovery.DiscoveryScope;
import io.adoconnect.discovery.OrganizationSink;
import io.adoconnect.discovery.RepositoryDiscovery;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Names;
import io.adoconnect.http.Sleeper;
import io.adoconnect.repositories.RepositoriesClient;
import io.adoconnect.repositories.Repository;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.HookSubscriptionRecord;
import io.adoconnect.store.Ids;
import io.adoconnect.store.Owner;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Source;
import io.adoconnect.store.SourceSyncRecord;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Keyring;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases the CLI and the service share: connect, test, list accounts and repositories, add
 * and remove sources, disconnect. Open one per process (or per request scope) and close it.
 *
 * <pre>{@code
 * try (AdoConnect ado = AdoConnect.open(ConnectSettings.fromEnvironment(dataDir, System.getenv()))) {
 *   ado.connectPat(PatTarget.services(List.of("fabrikam")), pat);
 *   ado.repositories(Optional.empty(), Optional.empty(), DiscoveryListener.NONE);
 * }
 * }</pre>
 */
public final class AdoConnect implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdoConnect.class);

  static final String WEB_SIGN_IN_BINDING = "web_sign_in:";
  private final ConnectSettings settings;
  private final Store store;
  private final EntraTokens tokens;
  private final AccountAccess access;
  private final EntraConnections entra;
  private final Optional<Secret> webClientSecret;
  private final ServiceHooks hooks;
  private final AdoConnect root;
  private final WarmTokens warmTokens;
  private Vault vault;
  private Keyring keyring;

  private AdoConnect(ConnectSettings settings, Store store) {
    this(settings, store, Optional.empty());
  }

  private AdoConnect(ConnectSettings settings, Store store, Optional<Secret> webClientSecret) {
    this(settings, store, webClientSecret, null);
  }

  private AdoConnect(
      ConnectSettings settings, Store store, Optional<Secret> webClientSecret, AdoConnect root) {
    this.root = root;
    this.settings = settings;
    // the store's own timestamps (webhook messages) on the same clock as everything else
    this.store = store.withClock(settings.clock());
    this.webClientSecret = webClientSecret;
    this.warmTokens = root == null ? new WarmTokens() : root.warmTokens;
    this.tokens = new EntraTokens(settings, store, this::vault, webClientSecret, warmTokens);
    this.access = new AccountAccess(settings, store, this::vault, tokens);
    this.entra = new EntraConnections(settings, store, this::vault, tokens);
    this.hooks =
        new ServiceHooks(
            store, this::vault, this::organization, settings.clock(), settings.retention());
  }

  /** The use cases for the local owner: the CLI and the single-user service. */
  public static AdoConnect open(ConnectSettings settings) {
    return open(settings, Owner.LOCAL);
  }

  /**
   * The use cases for one {@code owner}: every account, source, subscription, event and sign-in
   * they read or write is that owner's.
   */
  public static AdoConnect open(ConnectSettings settings, Owner owner) {
    return new AdoConnect(settings, Store.open(settings.store(), owner));
  }

  /** Whose rows this instance works on. */
  public String owner() {
    return store.owner();
  }

  /**
   * The same use cases for another owner, over this instance's database, vault and settings: cheap
   * (no migration, no new pool, the vault opened once) — what a multi-user service makes for each
   * request. Closing the view closes nothing shared.
   */
  public AdoConnect forOwner(Owner other) {
    AdoConnect base = root == null ? this : root;
    return new AdoConnect(settings, store.forOwner(other), webClientSecret, base);
  }

  /**
   * The owner of a service hook subscription, across owners: a delivery names only its
   * subscription, and a multi-user service receives it as that owner ({@link #forOwner}).
   */
  public Optional<Owner> hookSubscriptionOwner(String subscriptionId) {
    return store.hookSubscriptionOwner(subscriptionId);
  }

  /**
   * Keeps this owner's Microsoft sign-ins alive: each connected one whose access token has been
   * expired for longer than {@code idle} (nobody used it) is renewed, which brings a new refresh
   * token before Entra's inactivity limit (90 days) ends the session. A refused renewal marks the
   * account reconnect-needed (which a team deployment tells the application); a network failure is
   * counted and tried again next time.
   */
  public IdleRenewal renewIdleSessions(java.time.Duration idle) {
    IdleRenewal.Tally tally = new IdleRenewal.Tally();
    for (Account account : store.accounts()) {
      tally.add(renewIfIdle(account, idle));
    }
    return tally.result();
  }

  /**
   * The idle-session renewals of every owner, claimed per account with a lease held by {@code
   * instance}: what several service instances on one database run, each renewing different
   * accounts.
   */
  public LeasedRenewals leasedRenewals(String instance) {
    AdoConnect base = root == null ? this : root;
    return new LeasedRenewals(base, store.renewalLeases(), instance, settings.clock());
  }

  /** Renews the account's session if it is a connected Microsoft sign-in idle for {@code idle}. */
  IdleRenewal.Outcome renewIfIdle(String accountId, java.time.Duration idle) {
    return store
        .findAccount(accountId)
        .map(account -> renewIfIdle(account, idle))
        .orElse(IdleRenewal.Outcome.SKIPPED);
  }

  private IdleRenewal.Outcome renewIfIdle(Account account, java.time.Duration idle) {
    if (account.method() == ConnectionMethod.PAT || account.status() != AccountStatus.CONNECTED) {
      return IdleRenewal.Outcome.SKIPPED;
    }
    try {
      return tokens.renewIfIdle(account, idle)
          ? IdleRenewal.Outcome.RENEWED
          : IdleRenewal.Outcome.IN_USE;
    } catch (io.adoconnect.ReconnectRequiredException e) {
      return IdleRenewal.Outcome.RECONNECT_NEEDED;
    } catch (AdoConnectException e) {
      log.info("renewing the idle session of account {} failed: {}", account.id(), e.getMessage());
      return IdleRenewal.Outcome.FAILED;
    }
  }

  /** What one {@link #renewIdleSessions} round did. */
  public record IdleRenewal(int checked, int renewed, int reconnectNeeded, int failed) {
    /** What became of one account in a round. */
    public enum Outcome {
      /** Not a connected Microsoft sign-in: nothing to renew. */
      SKIPPED,
      /** Used recently enough: left alone. */
      IN_USE,
      RENEWED,
      RECONNECT_NEEDED,
      /** Could not renew now (network, database): tried again later. */
      FAILED
    }

    /** Counts outcomes into a round's result. */
    static final class Tally {
      private int checked;
      private int renewed;
      private int reconnectNeeded;
      private int failed;

      void add(Outcome outcome) {
        if (outcome == Outcome.SKIPPED) {
          return;
        }
        checked++;
        switch (outcome) {
          case RENEWED -> renewed++;
          case RECONNECT_NEEDED -> reconnectNeeded++;
          case FAILED -> failed++;
          default -> {}
        }
      }

      IdleRenewal result() {
        return new IdleRenewal(checked, renewed, reconnectNeeded, failed);
      }
    }
  }

  /**
   * Checks that the store's database answers now (a service's readiness check).
   *
   * @throws io.adoconnect.store.StoreException when it does not
   */
  public void checkStore() {
    store.ping();
  }

  /** Every owner with a Microsoft sign-in, across owners (whose sessions a service keeps alive). */
  public List<Owner> ownersWithSignIns() {
    return store.ownersWithSignIns();
  }

  /**
   * The integrations page's login tickets and browser sessions, over this instance's database: what
   * lets a restarted instance, or another one on the same database, honour them.
   */
  public io.adoconnect.store.PageAccessStore pageAccess() {
    return store.pageAccess();
  }

  /**
   * The deployment's applications and API keys over this instance's database, for checking keys; a
   * webhook URL given here must be a public address (no allow-list).
   */
  public Applications applications() {
    return applications(
        new io.adoconnect.net.AddressPolicy(
            io.adoconnect.net.AllowedTargets.NONE, io.adoconnect.net.Resolver.SYSTEM));
  }

  /**
   * The deployment's applications and API keys over this instance's database; webhook URLs must
   * pass {@code webhookPolicy}.
   */
  public Applications applications(io.adoconnect.net.AddressPolicy webhookPolicy) {
    return new Applications(store, this::vault, webhookPolicy, settings.clock());
  }

  /**
   * Delivers the applications' webhook outbox through this instance's transport (in a service, the
   * one the server-address policy checks), retrying with {@code backoff}; an instance's claim on a
   * message lasts {@code lease}.
   */
  public WebhookDeliveries webhookDeliveries(
      java.util.List<java.time.Duration> backoff, java.time.Duration lease) {
    return new WebhookDeliveries(
        store, this::vault, settings.transport(), settings.clock(), backoff, lease);
  }

  /**
   * For the web service of a confidential Entra app registration: its web sign-ins redeem codes,
   * and later refresh their tokens, with {@code webClientSecret}. Device code sign-ins stay public.
   */
  public static AdoConnect open(ConnectSettings settings, Optional<Secret> webClientSecret) {
    return new AdoConnect(settings, Store.open(settings.store(), Owner.LOCAL), webClientSecret);
  }

  /** Tests a PAT against its organizations or collection; nothing is saved. */
  public List<ConnectionCheck> testPat(PatTarget target, Secret pat) {
    return new PatConnections(settings).check(target, pat);
  }

  /**
   * Tests the PAT and, only if every organization answered, saves the account with the PAT sealed.
   * Connecting the same organizations again replaces the saved token.
   */
  public Connected connectPat(PatTarget target, Secret pat) {
    settings.keySource().get(); // fail before any network call when no key source is configured
    List<ConnectionCheck> checks = testPat(target, pat);
    Vault sealer = vault();
    ConnectionCheck first = checks.get(0);
    String instanceId = target.isServer() ? first.instanceId() : null;
    Optional<Account> sameCollection =
        Optional.ofNullable(instanceId)
            .flatMap(store::findAccountByServerInstance)
            .filter(a -> a.method() == ConnectionMethod.PAT);
    if (sameCollection.isPresent()) {
      // One collection typed through a second URL (another name for the host, with or without
      // /tfs): one account, or discovery would list each repository twice.
      Account existing = sameCollection.get();
      if (!existing.host().equals(target.host())) {
        checks =
            List.of(
                first.withWarning(
                    "This is the collection account "
                        + existing.id()
                        + " already reaches through "
                        + existing.host()
                        + " (the same instance id): the new token replaces that account's token,"
                        + " and the account keeps its URL. To use the new URL instead, disconnect"
                        + " that account and connect again."));
      }
    }
    String id =
        sameCollection
            .map(Account::id)
            .or(
                () ->
                    store.accounts().stream()
                        .filter(
                            a ->
                                a.method() == ConnectionMethod.PAT
                                    && a.host().equals(target.host())
                                    && sameNames(a.organizations(), target.names()))
                        .map(Account::id)
                        .findFirst())
            .orElseGet(Ids::newId);
    Account account =
        new Account(
            id,
            ConnectionMethod.PAT,
            sameCollection.map(Account::host).orElse(target.host()),
            first.user(),
            email(first.userAccount()),
            null,
            null,
            settings.clock().instant(),
            null,
            sameCollection.map(Account::organizations).orElse(target.names()));
    store.saveAccount(account, Map.of(SecretKind.PAT, sealer.seal(pat, id)), instanceId);
    return new Connected(account, checks);
  }

  /** The account saved by a connect, and what its test found. */
  public record Connected(Account account, List<ConnectionCheck> checks) {}

  /**
   * Starts a device code sign-in (RFC 8628): show the user code and the verification URI, then
   * {@link #pollDevice} or {@link #awaitDevice}. The flow is stored, so another process may poll
   * it.
   */
  public DeviceFlowView startDevice() {
    return entra.startDevice();
  }

  /** The newest device code sign-in still waiting for its user, to resume after a restart. */
  public Optional<DeviceFlowView> resumableDevice() {
    return entra.resumable();
  }

  /**
   * Asks Entra once (no sooner than the flow's interval) and returns the state; saves the account
   * when authorized.
   */
  public DeviceFlowView pollDevice(String flowId) {
    return entra.pollDevice(flowId);
  }

  /** Polls until the user approves or declines or the code expires; null when cancelled. */
  public DeviceFlowView awaitDevice(
      String flowId, Consumer<DeviceFlowView> onChange, BooleanSupplier cancelled) {
    return entra.awaitDevice(flowId, onChange, cancelled, Sleeper.REAL);
  }

  /**
   * Signs in with the browser (authorization code + PKCE, loopback redirect), for tenants whose
   * Conditional Access blocks the device code flow. {@code openBrowser} gets the sign-in URL.
   */
  public Account connectBrowser(Consumer<URI> openBrowser, Duration timeout) {
    return entra.connectBrowser(openBrowser, timeout);
  }

  /**
   * Web sign-in (authorization code + PKCE S256) for a service with its own redirect URI: the
   * authorize URL to send the browser to, and the one-time state and code verifier to keep
   * server-side until the code comes back.
   */
  public AuthorizationCodeFlow.Pending beginWebSignIn(URI redirectUri) {
    return entra.beginWeb(redirectUri);
  }

  /**
   * Redeems the code that came back to the redirect URI of {@link #beginWebSignIn} (with the
   * confidential app's secret, if configured) and saves the account, method authorization_code. The
   * caller has already checked the returned {@code state} against {@code pending}.
   */
  public Account completeWebSignIn(AuthorizationCodeFlow.Pending pending, Secret code) {
    return entra.completeWeb(pending, code, webClientSecret);
  }

  /**
   * Keeps a web sign-in begun with {@link #beginWebSignIn} until its callback, for this owner, in
   * the database: its PKCE verifier sealed by the vault (bound to the state's hash), the state and
   * the browser binding only as the hashes the caller gives. Any instance on the database can then
   * {@link #takeWebSignIn take} it.
   */
  public void keepWebSignIn(
      AuthorizationCodeFlow.Pending pending,
      String stateHash,
      String bindingHash,
      String returnTo,
      Instant expiresAt) {
    byte[] sealed = vault().seal(pending.codeVerifier(), WEB_SIGN_IN_BINDING + stateHash);
    store
        .pageAccess()
        .addWebSignIn(
            new io.adoconnect.store.PendingWebSignIn(
                stateHash,
                Owner.ofKey(store.owner()),
                bindingHash,
                pending.redirectUri(),
                returnTo,
                sealed,
                expiresAt),
            settings.clock().instant());
  }

  /**
   * Takes a kept web sign-in once, by its {@code state} (as the callback carries it) and the hash
   * of the browser's binding: the use cases of the owner who started it, the flow to redeem the
   * code with, and where to return. Empty for an unknown, used or expired state, or another
   * browser's binding (which leaves it in place).
   */
  public Optional<KeptWebSignIn> takeWebSignIn(
      String state, String stateHash, String bindingHash, Instant now) {
    return store
        .pageAccess()
        .takeWebSignIn(stateHash, bindingHash, now)
        .map(
            kept -> {
              AdoConnect owner = forOwner(kept.owner());
              // sealed with the data key of the owner who started it
              Secret verifier =
                  owner.vault().unseal(kept.sealedVerifier(), WEB_SIGN_IN_BINDING + stateHash);
              return new KeptWebSignIn(
                  owner,
                  new AuthorizationCodeFlow.Pending(
                      kept.redirectUri(), kept.redirectUri(), Secret.of(state), verifier),
                  kept.returnTo());
            });
  }

  /**
   * A web sign-in taken back for its callback: {@code core} is its owner's use cases. ({@code
   * pending.authorizeUri()} is not kept; it holds the redirect URI.)
   */
  public record KeptWebSignIn(
      AdoConnect core, AuthorizationCodeFlow.Pending pending, String returnTo) {
    @Override
    public String toString() {
      return "KeptWebSignIn[" + core.owner() + ", " + returnTo + "]";
    }
  }

  /** Re-checks a saved connection with its stored credential. */
  public List<ConnectionCheck> test(String accountId) {
    Account account = account(accountId);
    AzureDevOpsHttp home = access.http(account);
    List<ConnectionCheck> checks = new ArrayList<>();
    for (Organization org : access.organizations(account, home)) {
      try {
        checks.add(new PatConnections(settings).countWith(access.http(account, org, home), org));
      } catch (OrganizationNotSupportedException e) {
        checks.add(ConnectionCheck.skipped(org, e.getMessage() + " " + e.hint()));
      }
    }
    return checks;
  }

  public List<Account> accounts() {
    return store.accounts();
  }

  /** The accounts as front-ends list them: each with what it may do in Azure DevOps. */
  public List<AccountView> accountViews() {
    return accounts().stream().map(AccountView::of).toList();
  }

  public Account account(String id) {
    return store
        .findAccount(id)
        .orElseThrow(
            () ->
                new LocalNotFoundException(
                    "No connected account has the id " + Names.shown(id, "account id") + ".",
                    NextStep.listAccounts()));
  }

  /**
   * Repositories across the chosen accounts (all when none is named), optionally in one
   * organization, sorted; an organization that fails is reported, not fatal, unless all fail.
   */
  public RepositoryListing repositories(
      Optional<String> accountId, Optional<String> organization, DiscoveryListener listener) {
    List<DiscoveredRepository> all = new ArrayList<>();
    ListingSummary summary =
        stream(
            organization,
            chosenAccounts(accountId, organization),
            listener,
            (org, found) -> all.addAll(found));
    return new RepositoryListing(all, summary.failures());
  }

  /**
   * Like {@link #repositories(Optional, Optional, DiscoveryListener)}, but reads the listing kept
   * by an earlier call with the same scope when it is still fresh by {@code freshness} (then no
   * request is made and {@link RepositoryListing#keptFrom()} says when it was made), and keeps a
   * complete new listing for the next call.
   */
  public RepositoryListing repositories(
      Optional<String> accountId,
      Optional<String> organization,
      DiscoveryListener listener,
      ListingFreshness freshness) {
    List<DiscoveredRepository> all = new ArrayList<>();
    ListingSummary summary =
        repositories(
            accountId, organization, listener, freshness, (org, found) -> all.addAll(found));
    return new RepositoryListing(all, summary.failures(), summary.keptFrom());
  }

  /**
   * Like {@link #repositories(Optional, Optional, DiscoveryListener, ListingFreshness)}, but hands
   * the listing to {@code sink} one organization at a time, in order, as it is made or read back,
   * and keeps it in the store the same way: 100,000 repositories never need to be held at once.
   */
  public ListingSummary repositories(
      Optional<String> accountId,
      Optional<String> organization,
      DiscoveryListener listener,
      ListingFreshness freshness,
      OrganizationSink sink) {
    List<Account> accounts = chosenAccounts(accountId, organization);
    RepositoryListings kept = new RepositoryListings(store, settings.clock());
    Optional<ListingSummary> fresh = kept.read(accountId, organization, accounts, freshness, sink);
    if (fresh.isPresent()) {
      return fresh.get();
    }
    RepositoryListings.Keeper keeper = kept.keeper(accountId, organization, accounts, sink);
    ListingSummary summary;
    try {
      summary = stream(organization, accounts, listener, keeper);
    } catch (RuntimeException e) {
      keeper.discard();
      throw e;
    }
    keeper.finish(summary.failures());
    return summary;
  }

  /**
   * Which kept listing {@link #repositories(Optional, Optional, DiscoveryListener,
   * ListingFreshness, OrganizationSink)} would read now with the same arguments (one query, no
   * listing read), or empty when it would ask Azure DevOps. The version changes whenever the
   * listing does, so a front-end can keep what it made of a listing until then.
   */
  public Optional<String> keptListingVersion(
      Optional<String> accountId, Optional<String> organization, ListingFreshness freshness) {
    return new RepositoryListings(store, settings.clock())
        .version(accountId, organization, chosenAccounts(accountId, organization), freshness);
  }

  private ListingSummary stream(
      Optional<String> organization,
      List<Account> accounts,
      DiscoveryListener listener,
      OrganizationSink sink) {
    Map<Organization, Account> accountOf = new IdentityHashMap<>();
    Map<String, AzureDevOpsHttp> homeOf = new HashMap<>();
    RepositoryDiscovery discovery =
        new RepositoryDiscovery(
            settings.endpoints(),
            org -> access.http(accountOf.get(org), org, homeOf.get(accountOf.get(org).id())),
            settings.parallelism());
    List<Organization> organizations = new ArrayList<>();
    Map<String, Account> accountByUrl = new HashMap<>();
    List<DiscoveryResult.Failure> failures = new ArrayList<>();
    for (Account account : accounts) {
      try {
        AzureDevOpsHttp http = access.http(account);
        http.require(AccessScope.CODE_READ);
        homeOf.put(account.id(), http);
        List<Organization> saved = access.organizations(account, http);
        for (Organization org :
            discovery.organizations(new DiscoveryScope(organization, saved), http)) {
          // Two accounts reaching the same organization list it once (with the first of them),
          // so counts and progress are per organization, not per account × organization.
          if (accountByUrl.putIfAbsent(urlKey(org), account) == null) {
            organizations.add(org);
            accountOf.put(org, account);
          }
        }
      } catch (AdoConnectException e) {
        account.organizations().forEach(name -> failures.add(new DiscoveryResult.Failure(name, e)));
      }
    }
    int[] count = {0};
    failures.addAll(
        discovery.discover(
            organizations,
            listener,
            (org, found) -> {
              count[0] += found.size();
              sink.accept(
                  org,
                  found.stream()
                      .map(
                          r ->
                              r.withAccount(
                                  accountByUrl
                                      .get(r.organizationUrl().toLowerCase(Locale.ROOT))
                                      .id()))
                      .toList());
            }));
    if (count[0] == 0 && !failures.isEmpty()) {
      throw failures.get(0).error();
    }
    return new ListingSummary(count[0], failures, Optional.empty(), Optional.empty());
  }

  private List<Account> chosenAccounts(Optional<String> accountId, Optional<String> organization) {
    List<Account> accounts = accountId.map(id -> List.of(account(id))).orElseGet(store::accounts);
    if (accounts.isEmpty()) {
      throw new InvalidInputException(
          "No Azure DevOps account is connected.", NextStep.of(NextStep.Action.CONNECT, null));
    }
    if (organization.isPresent()) {
      accounts = accounts.stream().filter(a -> covers(a, organization.get())).toList();
      if (accounts.isEmpty()) {
        throw noAccountReaches(organization.get());
      }
    }
    return accounts;
  }

  /**
   * Adds a repository as a source, after checking it exists and can be cloned; adding it again
   * returns the source it already is.
   */
  public AddedSource addSource(RepositoryRef ref) {
    OrganizationHandle handle = organization(ref.projectRef().organizationRef());
    String wanted = ref.path();
    handle.http().require(AccessScope.CODE_READ);
    Account account = handle.account();
    Organization org = handle.organization();
    Repository repo;
    try {
      repo = new RepositoriesClient(handle.http()).get(org, ref.project(), ref.repository());
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.typeKey(),
          "Repository "
              + Names.shown(wanted, "repository path")
              + " was not found, or this account can't see it.",
          NextStep.listRepositories(org.name()));
    }
    if (!repo.cloneable()) {
      throw new InvalidInputException(
          "Repository "
              + Names.shown(wanted, "repository path")
              + " can't be added: it is "
              + (repo.isDisabled() ? "disabled" : "empty, with no clone URL")
              + ".",
          "Only Git repositories that expose a clone URL can be sources.");
    }
    String newId = Ids.newId();
    Source source =
        store.addSource(
            new Source(
                newId,
                account.id(),
                account.host(),
                org.name(),
                repo.project().name(),
                repo.name(),
                repo.id(),
                repo.remoteUrl(),
                repo.webUrl(),
                settings.clock().instant()));
    Instant lastChanged =
        store
            .lastChangedByRepository()
            .get(Store.repositoryKey(source.organization(), source.repositoryId()));
    return new AddedSource(SourceView.of(source, true, lastChanged), source.id().equals(newId));
  }

  /** A source and whether this call added it ({@code false}: it was a source already). */
  public record AddedSource(SourceView source, boolean created) {}

  /** Git's credential helper: the credential for a URL Git asks about, bindings, hosts. */
  public GitCredentials gitCredentials() {
    return new GitCredentials(settings, store, access);
  }

  /**
   * Clones every source into {@code directory} (or fetches it when its clone is there) with the
   * {@code git} binary, Git running {@code credentialHelper} for its credentials (see {@link
   * SourceSync}) with {@code environment} (the settings the helper reads: key file, endpoints);
   * sources of a disconnected account keep their clone and are reported as not refreshed.
   */
  public List<SyncOutcome> syncSources(
      java.nio.file.Path directory,
      String credentialHelper,
      Map<String, String> environment,
      SourceSync.Listener listener) {
    return new SourceSync(credentialHelper, environment, Math.min(8, settings.parallelism()))
        .sync(sources(), directory, listener);
  }

  /** Records the service's latest refresh of a source's clone ({@link SourceClones}). */
  void recordSourceSync(SourceSyncRecord sync) {
    store.recordSourceSync(sync);
  }

  /** The base URLs in use (the release host among them). */
  public AzureDevOpsEndpoints endpoints() {
    return settings.endpoints();
  }

  /**
   * Resolves an organization (or Server collection) once: the account ({@code ref.account()}, else
   * the one connected account that reaches the name; several accounts on different hosts are
   * ambiguous), its base URL and api-version, and an authenticated client.
   */
  public OrganizationHandle organization(OrganizationRef ref) {
    Account account = accountFor(ref);
    AzureDevOpsHttp home = access.http(account);
    Organization org =
        access.organizations(account, home).stream()
            .filter(o -> o.name().equalsIgnoreCase(ref.organization()))
            .findFirst()
            .orElseGet(() -> Organization.services(settings.endpoints(), ref.organization()));
    return new OrganizationHandle(ref, account, org, access.http(account, org, home));
  }

  /** Resolves a project once; its areas hang off the handle. */
  public ProjectHandle project(ProjectRef ref) {
    OrganizationHandle org = organization(ref.organizationRef());
    return new ProjectHandle(
        ref,
        org.account(),
        new ProjectScope(org.http(), org.organization(), ref.project()),
        settings.endpoints(),
        settings.poller(),
        settings.parallelism());
  }

  /** Resolves a repository once; its areas hang off the handle. */
  public RepositoryHandle repository(RepositoryRef ref) {
    return new RepositoryHandle(ref, project(ref.projectRef()));
  }

  /**
   * The account for {@code ref}: the named one (which must reach the organization), else the
   * connected accounts that reach it. Accounts on the same host reach the same organization, so any
   * of them will do; accounts on different hosts (two Servers, each with a DefaultCollection) are
   * ambiguous and the caller must name one.
   */
  private Account accountFor(OrganizationRef ref) {
    if (ref.account() != null) {
      Account named = account(ref.account());
      if (!covers(named, ref.organization())) {
        throw new InvalidInputException(
            "The account "
                + named.id()
                + " does not reach '"
                + ref.organization()
                + "'; it reaches "
                + String.join(", ", named.organizations())
                + ".",
            NextStep.listAccounts());
      }
      return named;
    }
    List<Account> reaching =
        store.accounts().stream().filter(a -> covers(a, ref.organization())).toList();
    if (reaching.isEmpty()) {
      throw noAccountReaches(ref.organization());
    }
    List<String> hosts = reaching.stream().map(Account::host).distinct().toList();
    if (hosts.size() > 1) {
      throw new InvalidInputException(
          "'"
              + ref.organization()
              + "' is reached by "
              + reaching.size()
              + " connected accounts on different hosts: "
              + String.join(
                  ", ", reaching.stream().map(a -> a.id() + " (" + a.host() + ")").toList())
              + ".",
          NextStep.chooseAccount(ref.organization(), reaching.stream().map(Account::id).toList()));
    }
    return reaching.get(0);
  }

  /** The sources, each with whether its account is connected and when it last changed. */
  public List<SourceView> sources() {
    Set<String> connected = new HashSet<>();
    store.accounts().forEach(a -> connected.add(a.id()));
    Map<String, Instant> lastChanged = store.lastChangedByRepository();
    Map<String, SourceSyncRecord> lastSync = store.sourceSyncs();
    return store.sources().stream()
        .map(
            s ->
                SourceView.of(
                    s,
                    connected.contains(s.accountId()),
                    s.repositoryId() == null
                        ? null
                        : lastChanged.get(Store.repositoryKey(s.organization(), s.repositoryId())),
                    lastSync.get(s.id())))
        .toList();
  }

  // ------------------------------------------------------------------ service hooks

  /**
   * Subscribes {@code ORGANIZATION/PROJECT[/REPOSITORY]} to service hook events: one Azure DevOps
   * webHooks subscription per event type ({@link io.adoconnect.hooks.HookEventTypes#ALL} when
   * {@code eventTypes} is empty), each delivering to {@code {receiverBaseUrl}/api/hooks/{id}} with
   * user {@code ado-connect} and its own generated password (kept sealed, never shown).
   */
  public List<HookSubscriptionRecord> subscribe(
      ProjectRef project, List<String> eventTypes, String receiverBaseUrl) {
    return hooks.subscribe(project, null, eventTypes, receiverBaseUrl);
  }

  /** As {@link #subscribe(ProjectRef, List, String)}, for one repository's events. */
  public List<HookSubscriptionRecord> subscribe(
      RepositoryRef repository, List<String> eventTypes, String receiverBaseUrl) {
    return hooks.subscribe(
        repository.projectRef(), repository.repository(), eventTypes, receiverBaseUrl);
  }

  /** The service hook subscriptions ado-connect made, oldest first. */
  public List<HookSubscriptionRecord> subscriptions() {
    return hooks.subscriptions();
  }

  /** Deletes a subscription in Azure DevOps (already gone there is fine), then here. */
  public HookSubscriptionRecord unsubscribe(String id) {
    return hooks.unsubscribe(id);
  }

  /**
   * One delivery to the receiver of subscription {@code subscriptionId}: the Basic credential is
   * checked in constant time, the event stored once per subscription and event id before this
   * returns, and re-checked against Azure DevOps with the subscribing account's token before it is
   * trusted (a push's refs, a pull request's status, a build's result).
   */
  public Receipt receive(String subscriptionId, String authorization, byte[] body) {
    return hooks.receive(subscriptionId, authorization, body);
  }

  /**
   * Received events oldest first: from {@code since} on (up to {@code limit}), or the newest {@code
   * limit} when {@code since} is empty.
   */
  public List<EventView> events(Optional<Instant> since, int limit) {
    return hooks.events(since.orElse(null), limit);
  }

  /** Removes the source with this id. */
  public SourceView removeSource(String id) {
    return removeSource(s -> s.id().equals(id), Names.shown(id, "source id"));
  }

  /** Removes the source of this repository (of its account, when the ref names one). */
  public SourceView removeSource(RepositoryRef ref) {
    return removeSource(
        s ->
            s.organization().equalsIgnoreCase(ref.organization())
                && s.project().equalsIgnoreCase(ref.project())
                && s.repository().equalsIgnoreCase(ref.repository())
                && (ref.account() == null || ref.account().equals(s.accountId())),
        Names.shown(ref.path(), "repository path"));
  }

  private SourceView removeSource(java.util.function.Predicate<SourceView> matches, String named) {
    SourceView found =
        sources().stream()
            .filter(matches)
            .findFirst()
            .orElseThrow(
                () ->
                    new LocalNotFoundException(
                        "No source matches " + named + ".", NextStep.listSources()));
    store.removeSource(found.id());
    return found;
  }

  /** Deletes the account and its secrets; its sources stay, shown as disconnected. */
  public Account disconnect(String accountId) {
    Account account = account(accountId);
    store.deleteAccount(account.id());
    tokens.forget(account.id());
    return account;
  }

  @Override
  public void close() {
    store.close();
  }

  /**
   * This owner's vault (its data key), opened on first use: commands that touch no secret work
   * without a key source.
   */
  private synchronized Vault vault() {
    if (vault == null) {
      vault = keyring().vault(store.owner());
    }
    return vault;
  }

  /**
   * The deployment's master key and data key cache, one per process (shared by every owner view).
   */
  private synchronized Keyring keyring() {
    if (root != null) {
      return root.keyring();
    }
    if (keyring == null) {
      keyring = Keyring.open(settings.keySource().get(), store.dataKeys());
    }
    return keyring;
  }

  /**
   * A plain name no account reaches is ours to offer connecting (404 locally); anything else — a
   * token pasted into the field, say — is bad input, described but never repeated.
   */
  private static AdoConnectException noAccountReaches(String organization) {
    if (!Names.isPlain(organization)) {
      return new InvalidInputException(
          Names.shown(organization, "organization name") + " is not an organization name.",
          NextStep.listAccounts().withAdvice("Give the organization as it appears in its URL."));
    }
    return new LocalNotFoundException(
        "No connected account reaches the organization '" + organization + "'.",
        NextStep.connectOrganization(organization));
  }

  private static boolean covers(Account account, String organization) {
    return account.organizations().stream().anyMatch(name -> name.equalsIgnoreCase(organization));
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    return a.stream()
        .map(String::toLowerCase)
        .sorted()
        .toList()
        .equals(b.stream().map(String::toLowerCase).sorted().toList());
  }

  private static String email(String signInName) {
    return signInName != null && signInName.contains("@") ? signInName : null;
  }

  private static String urlKey(Organization org) {
    return org.baseUrl().toString().toLowerCase(Locale.ROOT);
  }
}
