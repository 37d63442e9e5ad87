package io.adoconnect.store;

import io.adoconnect.AdoConnectException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * One owner's accounts, sealed secrets and sources. Open it, use it, close it:
 *
 * <pre>{@code
 * try (Store store = Store.open(dataDir)) {               // SQLite, owner "local"
 *   store.saveAccount(account, Map.of(SecretKind.PAT, vault.seal(pat, account.id())));
 *   store.addSource(new Source(Ids.newId(), account.id(), "services", "fabrikam", "Web", "web-app", ...));
 * }
 * }</pre>
 *
 * <p>Every read and write is scoped to the owner the store was opened with; two stores over one
 * database with different owners never see each other's rows. Each method is one transaction, so a
 * crash or a concurrent process never sees an account without its secrets. Several processes may
 * use the same SQLite file at once: writers queue for up to 10 s, then fail with a {@link
 * StoreException} that says so.
 *
 * <p>The store never sees a {@link io.adoconnect.auth.Secret}: secrets arrive and leave as the
 * {@link io.adoconnect.vault.Vault}'s ciphertext. Thread-safe: each call takes its own connection.
 */
public final class Store implements AutoCloseable {
  /** The owner of every row in single-user mode. */
  public static final String LOCAL_OWNER = "local";

  private final Jdbi jdbi;
  private final String where;
  private final String owner;
  private final AccountRepository accounts;
  private final SecretRepository secrets;
  private final SourceRepository sources;
  private final DeviceFlowRepository deviceFlows;
  private final OrganizationTenantRepository organizationTenants;
  private final HookSubscriptionRepository hookSubscriptions;
  private final EventRepository events;
  private final GitBindingRepository gitBindings;
  private final SourceSyncRepository sourceSyncs;
  private final Clock clock;
  private final RepositoryListingRepository listings;
  private final RenewalLocks renewalLocks;
  private final Database.Opened opened;

  private Store(Database.Opened opened, String where, String owner, RenewalLocks renewalLocks) {
    this(opened.jdbi(), where, owner, Clock.systemUTC(), renewalLocks, opened);
  }

  /** {@code opened}: what {@link #close()} closes; null for a view of another store. */
  private Store(
      Jdbi jdbi,
      String where,
      String owner,
      Clock clock,
      RenewalLocks renewalLocks,
      Database.Opened opened) {
    this.jdbi = jdbi;
    this.renewalLocks = renewalLocks;
    this.opened = opened;
    this.where = where;
    this.owner = owner;
    this.clock = clock;
    this.accounts = new AccountRepository(owner);
    this.secrets = new SecretRepository(owner);
    this.sources = new SourceRepository(owner);
    this.deviceFlows = new DeviceFlowRepository(owner);
    this.organizationTenants = new OrganizationTenantRepository(owner);
    this.hookSubscriptions = new HookSubscriptionRepository(owner);
    this.events = new EventRepository(owner);
    this.gitBindings = new GitBindingRepository(owner);
    this.sourceSyncs = new SourceSyncRepository(owner);
    this.listings = new RepositoryListingRepository(owner);
  }

  /**
   * The single-user store: SQLite at {@code <dataDir>/ado-connect.db}, owner {@value #LOCAL_OWNER}.
   * Creates the directory (mode 0700) and the database (0600) and brings the schema up to date.
   */
  public static Store open(Path dataDir) {
    return open(dataDir, Owner.LOCAL);
  }

  /** The embedded SQLite store at {@code <dataDir>/ado-connect.db}, scoped to {@code owner}. */
  public static Store open(Path dataDir, Owner owner) {
    Objects.requireNonNull(dataDir, "dataDir");
    return open(StoreLocation.sqlite(dataDir), owner);
  }

  /**
   * The store at {@code location} — SQLite in a data directory, or PostgreSQL ({@link
   * StoreLocation#fromEnvironment}) — scoped to {@code owner}, with the schema brought up to date.
   * The one place a store is opened.
   *
   * @throws StoreException when the database can't be reached, logged into or migrated; the message
   *     says which and what to do
   */
  public static Store open(StoreLocation location, Owner owner) {
    Require.present(location, "The store location");
    Require.present(owner, "The store owner");
    return new Store(
        Database.open(location), location.describe(), owner.key(), RenewalLocks.of(location));
  }

  /**
   * A store over any supported JDBC URL ({@code jdbc:sqlite:…} or, with its driver on the class
   * path, {@code jdbc:postgresql:…}), scoped to {@code owner}, with the schema brought up to date.
   */
  public static Store open(String jdbcUrl, String owner) {
    Require.text(jdbcUrl, "The database URL");
    Require.text(owner, "The store owner");
    String where = Database.redact(jdbcUrl);
    return new Store(
        new Database.Opened(Database.open(jdbcUrl), null), where, owner, RenewalLocks.none(where));
  }

  public String owner() {
    return owner;
  }

  /**
   * The same database for another owner: no new connection pool, no migration — what a multi-user
   * service makes per request.
   */
  public Store forOwner(Owner other) {
    Require.present(other, "The owner");
    return new Store(jdbi, where, other.key(), clock, renewalLocks, null);
  }

  /** The same store, timing what it records itself (webhook messages) by {@code other}. */
  public Store withClock(Clock other) {
    Require.present(other, "The clock");
    return new Store(jdbi, where, owner, other, renewalLocks, null);
  }

  /**
   * Runs {@code work} holding the database's renewal lock of this owner's account {@code
   * accountId}, waiting up to {@code wait} for another instance to let go of it: a lock across
   * hosts on PostgreSQL, nothing on SQLite (see {@link RenewalLocks}).
   *
   * @throws StoreException when the wait runs out or the database can't be reached
   */
  public <T> T withRenewalLock(
      String accountId, java.time.Duration wait, java.util.function.Supplier<T> work) {
    Require.text(accountId, "The account id");
    return renewalLocks.withLock(owner, accountId, wait, work);
  }

  /**
   * Whose subscription this is, across owners: a service hook delivery names only its subscription
   * (Azure DevOps can't send an application key), and the receiver then works as that owner. Empty
   * when no owner, or (an id collision) more than one, has it.
   */
  public Optional<Owner> hookSubscriptionOwner(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    List<String> owners =
        inTransaction(
            handle ->
                handle
                    .createQuery("SELECT owner FROM hook_subscriptions WHERE id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .list());
    return owners.size() == 1 ? Optional.of(Owner.ofKey(owners.get(0))) : Optional.empty();
  }

  /**
   * Every owner that has an account signed in with Microsoft (not a PAT), across owners: whose
   * sessions a service keeps alive in the background.
   */
  public List<Owner> ownersWithSignIns() {
    return inTransaction(
        handle ->
            handle
                .createQuery(
                    "SELECT DISTINCT owner FROM accounts WHERE method <> :pat ORDER BY owner")
                .bind("pat", ConnectionMethod.PAT.wireName())
                .mapTo(String.class)
                .list()
                .stream()
                .map(Owner::ofKey)
                .toList());
  }

  /** The integrations page's login tickets and browser sessions, over the same database. */
  public PageAccessStore pageAccess() {
    return new PageAccessStore(this::inTransaction);
  }

  /** The owners' sealed data keys and the master keys that seal them, across owners. */
  public DataKeyTable dataKeys() {
    return new DataKeyTable(this::inTransaction, clock);
  }

  /** Every sealed value outside the data keys, across owners, for a master key rotation. */
  public SealedCells sealedCells() {
    return new SealedCells(this::inTransaction);
  }

  /** The deployment's applications and API keys (team mode), over the same database. */
  public ApplicationStore applications() {
    return new ApplicationStore(this::inTransaction);
  }

  /** The audit log of every application (team mode), over the same database. */
  public AuditLog auditLog() {
    return new AuditLog(this::inTransaction);
  }

  /** The webhook outbox of every application (team mode), over the same database. */
  public WebhookMessages webhookMessages() {
    return new WebhookMessages(this::inTransaction);
  }

  /** The leases on background session renewals of every owner, over the same database. */
  public RenewalLeases renewalLeases() {
    return new RenewalLeases(this::inTransaction);
  }

  /**
   * Inserts or replaces the account together with its complete set of sealed secrets, in one
   * transaction: kinds missing from {@code sealedSecrets} are removed, and if anything fails
   * nothing changes.
   */
  public void saveAccount(Account account, Map<SecretKind, byte[]> sealedSecrets) {
    Require.present(account, "The account");
    Require.present(sealedSecrets, "The account's secrets");
    inTransaction(
        handle -> {
          Optional<Account> before = accounts.find(handle, account.id());
          accounts.upsert(handle, account);
          secrets.replaceAll(handle, account.id(), sealedSecrets);
          WebhookTopics.accountSaved(handle, owner, before, account, clock.instant());
          return null;
        });
  }

  /**
   * As {@link #saveAccount(Account, Map)}, for an account that reaches one Azure DevOps Server
   * collection, remembering the collection's {@code instanceId} from connectionData.
   */
  public void saveAccount(
      Account account, Map<SecretKind, byte[]> sealedSecrets, String serverInstanceId) {
    Require.present(account, "The account");
    Require.present(sealedSecrets, "The account's secrets");
    inTransaction(
        handle -> {
          Optional<Account> before = accounts.find(handle, account.id());
          accounts.upsert(handle, account);
          secrets.replaceAll(handle, account.id(), sealedSecrets);
          accounts.setInstanceId(handle, account.id(), serverInstanceId);
          WebhookTopics.accountSaved(handle, owner, before, account, clock.instant());
          return null;
        });
  }

  /** The account that reaches the Server collection with this {@code instanceId}, if any. */
  public Optional<Account> findAccountByServerInstance(String instanceId) {
    return inTransaction(handle -> accounts.findByInstanceId(handle, instanceId));
  }

  public Optional<Account> findAccount(String id) {
    return inTransaction(handle -> accounts.find(handle, id));
  }

  /** All of this owner's accounts, oldest connection first. */
  public List<Account> accounts() {
    return inTransaction(accounts::list);
  }

  /** The Vault ciphertext of one of an account's secrets, if it has one of that kind. */
  public Optional<byte[]> sealedSecret(String accountId, SecretKind kind) {
    Require.present(kind, "The secret kind");
    return inTransaction(handle -> secrets.find(handle, accountId, kind));
  }

  /**
   * Deletes the account and all its secrets in one transaction (disconnect). Its sources stay, so
   * connecting again doesn't mean picking them again.
   *
   * @return false if there was no such account
   */
  public boolean deleteAccount(String id) {
    return inTransaction(
        handle -> {
          Optional<Account> found = accounts.find(handle, id);
          secrets.deleteAll(handle, id);
          boolean deleted = accounts.delete(handle, id);
          if (deleted && found.isPresent()) {
            WebhookTopics.accountDeleted(handle, owner, found.get(), clock.instant());
          }
          return deleted;
        });
  }

  /** Sets an account's status (e.g. reconnect needed) without touching anything else. */
  public void setAccountStatus(String id, AccountStatus status) {
    Require.present(status, "The account status");
    inTransaction(
        handle -> {
          accounts
              .find(handle, id)
              .ifPresent(
                  account -> {
                    Account changed = account.withStatus(status);
                    accounts.upsert(handle, changed);
                    WebhookTopics.statusChanged(handle, owner, account, changed, clock.instant());
                  });
          return null;
        });
  }

  /** Saves or updates a device code sign-in in progress. */
  public void saveDeviceFlow(DeviceFlowRecord flow) {
    Require.present(flow, "The device flow");
    inTransaction(
        handle -> {
          deviceFlows.upsert(handle, flow);
          return null;
        });
  }

  public Optional<DeviceFlowRecord> findDeviceFlow(String id) {
    return inTransaction(handle -> deviceFlows.find(handle, id));
  }

  /** The ids of this owner's device flows, oldest first. */
  public List<String> deviceFlowIds() {
    return inTransaction(deviceFlows::ids);
  }

  /**
   * Claims the next poll of a device flow until {@code claimUntil}, so that one caller at a time
   * asks Entra — across threads, processes and service instances sharing this store. Fails (false)
   * when the flow is finished, its interval since the last poll has not passed, or another claim is
   * live; a claim left by a killed process lapses at its {@code claimUntil}.
   */
  public boolean claimDeviceFlowPoll(String id, Instant now, Instant claimUntil) {
    Require.present(now, "The time");
    Require.present(claimUntil, "The end of the claim");
    return inTransaction(handle -> deviceFlows.claimPoll(handle, id, now, claimUntil));
  }

  /**
   * Records the outcome of a claimed poll and releases the claim. A finished flow keeps its state
   * (only {@code authorized} overrides: the account exists).
   *
   * @return false when the flow was already finished and nothing changed
   */
  public boolean recordDeviceFlowPoll(DeviceFlowRecord polled) {
    Require.present(polled, "The device flow");
    return inTransaction(handle -> deviceFlows.recordPoll(handle, polled));
  }

  /** Releases a poll claim without an outcome (the poll failed before Entra answered). */
  public void releaseDeviceFlowClaim(String id) {
    inTransaction(
        handle -> {
          deviceFlows.releaseClaim(handle, id);
          return null;
        });
  }

  /**
   * Deletes the device flows whose code expired before {@code expiredBefore}, finished or not.
   *
   * @return how many it deleted
   */
  public int pruneDeviceFlows(Instant expiredBefore) {
    Require.present(expiredBefore, "The cut-off time");
    return inTransaction(handle -> deviceFlows.prune(handle, expiredBefore));
  }

  /**
   * @return false if there was no such flow
   */
  public boolean deleteDeviceFlow(String id) {
    return inTransaction(handle -> deviceFlows.delete(handle, id));
  }

  /** Records which Entra tenant backs an organization (Azure DevOps' X-VSS-ResourceTenant). */
  public void saveOrganizationTenant(String organization, String tenantId, Instant learnedAt) {
    Require.text(organization, "The organization");
    Require.text(tenantId, "The tenant id");
    inTransaction(
        handle -> {
          organizationTenants.put(handle, organization, tenantId, learnedAt);
          return null;
        });
  }

  /** The head of the repository listing last kept for {@code scope}, if any. */
  public Optional<StoredListing> repositoryListing(String scope) {
    return inTransaction(handle -> listings.find(handle, scope));
  }

  /**
   * Reads the listing kept for {@code scope}: {@code use} judges the head (false: not wanted,
   * nothing more is read), then {@code each} gets its parts in order, each read on its own, so no
   * transaction is held while the caller prints (a CLI piped into a pager would otherwise hold the
   * store's writer lock). A listing replaced meanwhile is still read to its end (completing keeps
   * the generation it replaces); one replaced twice, or forgotten wholesale, during the read fails
   * with a store error rather than hand over a mix.
   *
   * @return the head, if there was one and {@code use} took it
   */
  public Optional<StoredListing> readRepositoryListing(
      String scope, Predicate<StoredListing> use, Consumer<ListingPart> each) {
    Optional<StoredListing> head =
        inTransaction(handle -> listings.find(handle, scope)).filter(use);
    if (head.isPresent()) {
      for (int i = 0; i < head.get().parts(); i++) {
        int part = i;
        each.accept(
            inTransaction(handle -> listings.part(handle, head.get(), part))
                .orElseThrow(
                    () ->
                        new StoreException(
                            "The kept repository listing changed while it was being read.",
                            NextStep.of(
                                NextStep.Action.RETRY_LATER,
                                "Try again: the next read takes the new listing."),
                            null)));
      }
    }
    return head;
  }

  /** Keeps one organization of a listing being made; it counts once the listing is completed. */
  public void saveRepositoryListingPart(String scope, String generation, ListingPart part) {
    Require.text(scope, "The listing scope");
    Require.text(generation, "The listing generation");
    Require.present(part, "The part");
    inTransaction(
        handle -> {
          listings.putPart(handle, scope, generation, part);
          return null;
        });
  }

  /**
   * Makes the parts saved under {@code head}'s generation the scope's listing, replacing the one
   * kept before.
   */
  public void completeRepositoryListing(StoredListing head) {
    Require.present(head, "The listing");
    inTransaction(
        handle -> {
          listings.complete(handle, head);
          return null;
        });
  }

  /** Drops the parts of a listing that will not be completed (an organization failed). */
  public void discardRepositoryListing(String scope, String generation) {
    inTransaction(
        handle -> {
          listings.discard(handle, scope, generation);
          return null;
        });
  }

  /** Forgets every kept repository listing of this owner. */
  public int forgetRepositoryListings() {
    return inTransaction(listings::deleteAll);
  }

  /**
   * Forgets the kept listings of this owner that include {@code organization} (a repository was
   * created there, say), leaving the others.
   */
  public int forgetRepositoryListings(String organization) {
    Require.text(organization, "The organization");
    return inTransaction(
        handle -> listings.deleteWithOrganization(handle, organization.toLowerCase(Locale.ROOT)));
  }

  /** Binds (or re-binds) an organization to the account Git gets credentials of. */
  public void bindGit(GitBinding binding) {
    inTransaction(
        handle -> {
          gitBindings.put(handle, binding);
          return null;
        });
  }

  /** Removes a binding; false when there was none. */
  public boolean unbindGit(String host, String organization) {
    return inTransaction(handle -> gitBindings.delete(handle, host, organization));
  }

  /** This owner's Git bindings, oldest first. */
  public List<GitBinding> gitBindings() {
    return inTransaction(gitBindings::all);
  }

  /** Organization → tenant id, for the organizations whose tenant is known; keys ignore case. */
  public Map<String, String> organizationTenants() {
    return inTransaction(organizationTenants::all);
  }

  /**
   * Adds a source, or returns the one already there for the same host, organization, project and
   * repository (compared case-insensitively) — adding twice never makes two rows.
   */
  public Source addSource(Source source) {
    Require.present(source, "The source");
    return inTransaction(
        handle -> {
          Source kept = sources.add(handle, source);
          if (kept.id().equals(source.id())) {
            WebhookTopics.sourceAdded(handle, owner, kept, clock.instant());
          }
          return kept;
        });
  }

  /** All of this owner's sources by organization, project and repository, ignoring case. */
  public List<Source> sources() {
    return inTransaction(sources::list);
  }

  public Optional<Source> findSource(String id) {
    return inTransaction(handle -> sources.find(handle, id));
  }

  /**
   * @return false if there was no such source
   */
  public boolean removeSource(String id) {
    return inTransaction(
        handle -> {
          Optional<Source> found = sources.find(handle, id);
          sourceSyncs.delete(handle, id);
          boolean removed = sources.delete(handle, id);
          if (removed && found.isPresent()) {
            WebhookTopics.sourceRemoved(handle, owner, found.get(), clock.instant());
          }
          return removed;
        });
  }

  /** Records the service's latest refresh of a source's clone, replacing the one before. */
  public void recordSourceSync(SourceSyncRecord sync) {
    Require.present(sync, "The sync");
    inTransaction(
        handle -> {
          sourceSyncs.put(handle, sync);
          return null;
        });
  }

  /** Source id → the service's latest refresh of its clone, for the sources ever refreshed. */
  public Map<String, SourceSyncRecord> sourceSyncs() {
    return inTransaction(sourceSyncs::all);
  }

  /** Saves a new service hook subscription with its password, sealed by the Vault. */
  public void addHookSubscription(HookSubscriptionRecord subscription, byte[] sealedPassword) {
    Require.present(subscription, "The subscription");
    inTransaction(
        handle -> {
          hookSubscriptions.insert(handle, subscription, sealedPassword);
          return null;
        });
  }

  /** Records Azure DevOps' id for a subscription once it exists there. */
  public boolean setHookRemoteId(String id, String remoteId) {
    Require.text(remoteId, "The Azure DevOps subscription id");
    return inTransaction(handle -> hookSubscriptions.setRemoteId(handle, id, remoteId));
  }

  /** This owner's subscriptions, oldest first. */
  public List<HookSubscriptionRecord> hookSubscriptions() {
    return inTransaction(hookSubscriptions::list);
  }

  public Optional<HookSubscriptionRecord> findHookSubscription(String id) {
    return inTransaction(handle -> hookSubscriptions.find(handle, id));
  }

  /** The Vault ciphertext of a subscription's basic-auth password. */
  public Optional<byte[]> sealedHookPassword(String id) {
    return inTransaction(handle -> hookSubscriptions.password(handle, id));
  }

  /**
   * @return false if there was no such subscription
   */
  public boolean deleteHookSubscription(String id) {
    return inTransaction(handle -> hookSubscriptions.delete(handle, id));
  }

  /**
   * Stores an event unless its subscription has one with the same id already (a duplicate
   * delivery). Another subscription's event with the same id is stored: ids are only unique per
   * subscription.
   *
   * @return true when this call stored it, false for a duplicate
   */
  public boolean addEvent(StoredEvent event) {
    Require.present(event, "The event");
    return inTransaction(handle -> events.insert(handle, event));
  }

  /** Records the outcome of an event's re-check, decided at {@code when}. */
  public void verifyEvent(
      String subscriptionId, String eventId, boolean trusted, String verification, Instant when) {
    Require.text(verification, "The verification note");
    Require.present(when, "The time of the re-check");
    inTransaction(
        handle -> {
          events.verify(handle, subscriptionId, eventId, trusted, verification, when);
          events
              .find(handle, subscriptionId, eventId)
              .ifPresent(event -> WebhookTopics.eventRechecked(handle, owner, event, when));
          return null;
        });
  }

  /**
   * Decides, untrusted with {@code verification}, the re-checks still undecided for events received
   * before {@code receivedBefore} (their receiver stopped before it was done), so no event stays
   * undecided for ever.
   *
   * @return how many it decided
   */
  public int decideAbandonedRechecks(Instant receivedBefore, String verification, Instant now) {
    Require.present(receivedBefore, "The cut-off time");
    Require.text(verification, "The verification note");
    return inTransaction(
        handle -> events.decideAbandoned(handle, receivedBefore, verification, now));
  }

  /**
   * Deletes the events received before {@code receivedBefore}, then all but about the newest {@code
   * keep} of this owner's.
   *
   * @return how many it deleted
   */
  public int pruneEvents(Instant receivedBefore, int keep) {
    Require.present(receivedBefore, "The cut-off time");
    if (keep < 1) {
      throw new InvalidInputException(
          "At least one event must be kept.", io.adoconnect.NextStep.NONE);
    }
    return inTransaction(handle -> events.prune(handle, receivedBefore, keep));
  }

  /**
   * Events oldest first: those received at or after {@code since} (up to {@code limit}), or with
   * {@code since} null the newest {@code limit}.
   */
  public List<StoredEvent> events(Instant since, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("The limit must be at least 1.", io.adoconnect.NextStep.NONE);
    }
    return inTransaction(handle -> events.list(handle, since, limit));
  }

  /** When a repository last had a trusted push; empty if never. */
  public Optional<Instant> lastChanged(String organization, String repositoryId) {
    if (organization == null || repositoryId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        lastChangedByRepository().get(EventRepository.repositoryKey(organization, repositoryId)));
  }

  /** Every repository's last trusted push time, keyed as {@link #repositoryKey}. */
  public Map<String, Instant> lastChangedByRepository() {
    return inTransaction(events::lastTrusted);
  }

  /** The key of {@link #lastChangedByRepository()}: organization and repository id, case-folded. */
  public static String repositoryKey(String organization, String repositoryId) {
    return EventRepository.repositoryKey(organization, repositoryId);
  }

  /**
   * Whether the database answers now: one trivial query on a connection of its own. For a readiness
   * check, which must not wait long nor pass on a database that is gone.
   *
   * @throws StoreException when it does not answer
   */
  public void ping() {
    inTransaction(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
  }

  /**
   * Closes PostgreSQL's connection pool when this store opened it; a view ({@link #forOwner},
   * {@link #withClock}) closes nothing shared, and SQLite has nothing to release (a connection per
   * call).
   */
  @Override
  public void close() {
    if (opened != null) {
      opened.close();
    }
  }

  @Override
  public String toString() {
    return "Store[" + where + ", owner " + owner + "]";
  }

  private <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (AdoConnectException e) {
      throw e;
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  private StoreException translate(JdbiException e) {
    if (PostgresDataSource.poolExhausted(e)) {
      return new StoreException(
          "Every connection of ado-connect's pool to its database ("
              + where
              + ") stayed in use for "
              + PostgresDataSource.CONNECT_TIMEOUT_SECONDS
              + " s.",
          NextStep.of(
              NextStep.Action.RETRY_LATER,
              "The database answers slowly or this instance has more work than connections: try"
                  + " again, and if it persists raise "
                  + DatabaseUrl.POOL_SIZE_VARIABLE
                  + " (all instances together within PostgreSQL's max_connections)."),
          e);
    }
    if (Database.isBusy(e)) {
      return new StoreException(
          "The ado-connect store ("
              + where
              + ") stayed busy for "
              + Database.BUSY_TIMEOUT_MILLIS / 1000
              + " s: another ado-connect process is writing to it.",
          NextStep.of(
              NextStep.Action.RETRY_LATER, "Wait for the other ado-connect process to finish."),
          e);
    }
    return new StoreException(
        "ado-connect could not read or write its store (" + where + ").",
        "Check that the database is reachable and writable; the details are in the cause.",
        e);
  }
}
