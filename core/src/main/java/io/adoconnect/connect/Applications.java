package io.adoconnect.connect;

import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.Secret;
import io.adoconnect.devops.HttpUrls;
import io.adoconnect.http.Names;
import io.adoconnect.net.AddressPolicy;
import io.adoconnect.store.ApiKeyRecord;
import io.adoconnect.store.ApplicationRecord;
import io.adoconnect.store.ApplicationStore;
import io.adoconnect.store.AuditEntry;
import io.adoconnect.store.Ids;
import io.adoconnect.store.Owner;
import io.adoconnect.store.Store;
import io.adoconnect.store.StoreLocation;
import io.adoconnect.store.WebhookMessage;
import io.adoconnect.vault.KeySource;
import io.adoconnect.vault.Keyring;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The applications a team deployment serves and their API keys: what the operator manages on the
 * deployment's host, and what the service checks on every call.
 *
 * <pre>{@code
 * try (Applications apps = Applications.open(dataDir, policy, Clock.systemUTC())) {
 *   Applications.NewKey created = apps.create("orchestrator", Optional.empty());
 *   hand(created.key());                                  // shown once, stored as a hash
 *   apps.authenticate(presented).ifPresent(app -> ...);   // per request
 * }
 * }</pre>
 *
 * A key works while neither it nor its application is revoked. Several keys per application let it
 * rotate: create the new one, deploy it, revoke the old one.
 */
public final class Applications implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
  private static final Pattern ID = Pattern.compile("[a-z2-7]{12}");

  private final Store store;
  private final ApplicationStore rows;
  private final Supplier<Vault> vault;
  private final AddressPolicy webhookPolicy;
  private final Clock clock;

  Applications(Store store, Supplier<Vault> vault, AddressPolicy webhookPolicy, Clock clock) {
    this.store = store;
    this.rows = store.applications();
    this.vault = vault;
    this.webhookPolicy = webhookPolicy;
    this.clock = clock;
  }

  /**
   * The applications of the deployment whose data directory is {@code dataDir}, webhook secrets
   * sealed with the key from {@code keySource} (opened only when one is made). Webhook URLs must
   * pass {@code webhookPolicy} (no loopback, private or metadata address unless the deployment
   * allow-lists it).
   */
  public static Applications open(
      Path dataDir, Supplier<KeySource> keySource, AddressPolicy webhookPolicy, Clock clock) {
    return open(StoreLocation.sqlite(dataDir), keySource, webhookPolicy, clock);
  }

  /** The deployment's applications in the store at {@code location} (SQLite or PostgreSQL). */
  public static Applications open(
      StoreLocation location,
      Supplier<KeySource> keySource,
      AddressPolicy webhookPolicy,
      Clock clock) {
    // a command makes at most one webhook secret: the key is opened only then, and once; the
    // secret is the deployment's own (Owner.LOCAL's data key)
    Store store = Store.open(location, Owner.LOCAL);
    Supplier<Vault> vault =
        () -> Keyring.open(keySource.get(), store.dataKeys()).vault(store.owner());
    return new Applications(store, vault, webhookPolicy, clock);
  }

  /**
   * A new key, shown this once; {@code application} is the application it belongs to, and {@code
   * webhookSecret} the signing secret of its webhook when one was set up with it (shown once too).
   */
  public record NewKey(
      ApplicationRecord application, String keyId, Secret key, Secret webhookSecret) {
    public NewKey(ApplicationRecord application, String keyId, Secret key) {
      this(application, keyId, key, null);
    }
  }

  /** A webhook just set up: where it delivers and its signing secret, shown this once. */
  public record NewWebhook(ApplicationRecord application, Secret secret) {}

  /** An application with its keys (never the keys themselves). */
  public record ApplicationView(ApplicationRecord application, List<ApiKeyRecord> keys) {}

  /**
   * Creates an application with its first key.
   *
   * @param webhookUrl where its events go; checked against the server-address policy now
   */
  public NewKey create(String name, Optional<String> webhookUrl) {
    String checkedName = name == null ? "" : name.strip();
    if (!NAME.matcher(checkedName).matches()) {
      throw new InvalidInputException(
          Names.shown(checkedName, "application name") + " is not a usable application name.",
          NextStep.advice(
              "Use 1 to 100 letters, digits, spaces, dots, dashes or underscores, starting with a"
                  + " letter or digit."));
    }
    Optional<String> url = webhookUrl.map(this::checkedWebhook);
    ApplicationRecord app =
        new ApplicationRecord(Ids.newId(), checkedName, null, clock.instant(), null);
    String keyId = Ids.newId();
    Secret key = ApiKey.generate(keyId);
    ApiKeyRecord record = new ApiKeyRecord(keyId, app.id(), clock.instant(), null);
    if (!rows.create(app, record, ApiKey.hash(key))) {
      throw new InvalidInputException(
          "An application named '" + checkedName + "' exists already.",
          NextStep.advice("Choose another name, or list the applications to find its id."));
    }
    if (url.isEmpty()) {
      return new NewKey(app, keyId, key);
    }
    NewWebhook webhook = installWebhook(app, url.get());
    return new NewKey(webhook.application(), keyId, key, webhook.secret());
  }

  /**
   * Sets (or replaces) a live application's webhook URL with a new signing secret, shown once; the
   * old secret stops signing at once.
   */
  public NewWebhook setWebhook(String applicationId, String webhookUrl) {
    ApplicationRecord app = live(applicationId);
    return installWebhook(app, checkedWebhook(webhookUrl));
  }

  /** Removes an application's webhook: no message is queued for it from now on. */
  public ApplicationRecord removeWebhook(String applicationId) {
    ApplicationRecord app = application(applicationId);
    rows.setWebhook(app.id(), null, null);
    return application(app.id());
  }

  /** An application's webhook messages, newest first, with how their delivery went. */
  public List<WebhookMessage> deliveries(String applicationId, int limit) {
    ApplicationRecord app = application(applicationId);
    return store.webhookMessages().list(app.id(), Math.max(1, Math.min(limit, 1000)));
  }

  /** What the application did for its end users, newest first: its audit log. */
  public List<AuditEntry> audit(String applicationId, int limit) {
    ApplicationRecord app = application(applicationId);
    return store.auditLog().list(app.id(), Math.max(1, Math.min(limit, 1000)));
  }

  /** Records one state-changing call the owner's application made for its end user. */
  public void audit(Owner owner, String via, String action, String target, int status) {
    store.auditLog().record(owner, via, action, target, status, clock.instant());
  }

  private NewWebhook installWebhook(ApplicationRecord app, String url) {
    Secret secret = WebhookSigning.newSecret();
    rows.setWebhook(app.id(), url, vault.get().seal(secret, WebhookSigning.sealedFor(app.id())));
    return new NewWebhook(application(app.id()), secret);
  }

  /** Every application with its keys, oldest first, revoked ones included. */
  public List<ApplicationView> list() {
    return rows.list().stream().map(a -> new ApplicationView(a, rows.keys(a.id()))).toList();
  }

  /** One application with its keys. */
  public ApplicationView get(String applicationId) {
    ApplicationRecord app = application(applicationId);
    return new ApplicationView(app, rows.keys(app.id()));
  }

  /** Adds a key to a live application (for rotation). */
  public NewKey createKey(String applicationId) {
    ApplicationRecord app = live(applicationId);
    String keyId = Ids.newId();
    Secret key = ApiKey.generate(keyId);
    rows.addKey(new ApiKeyRecord(keyId, app.id(), clock.instant(), null), ApiKey.hash(key));
    return new NewKey(app, keyId, key);
  }

  /** Revokes one key; revoking it again changes nothing. */
  public ApiKeyRecord revokeKey(String applicationId, String keyId) {
    ApplicationRecord app = application(applicationId);
    if (keyId == null || !ID.matcher(keyId).matches() || !rows.revokeKey(app.id(), keyId, now())) {
      throw new LocalNotFoundException(
          "The application "
              + app.id()
              + " has no key with the id "
              + Names.shown(keyId, "key id")
              + ".",
          NextStep.advice("List the application's keys to see their ids."));
    }
    return rows.findKey(keyId).orElseThrow().key();
  }

  /** Revokes an application and all its keys; revoking it again changes nothing. */
  public ApplicationRecord revoke(String applicationId) {
    ApplicationRecord app = application(applicationId);
    rows.revoke(app.id(), now());
    return application(app.id());
  }

  /**
   * The live application a presented key belongs to; empty for a malformed, unknown or revoked key
   * or a revoked application — the caller answers all of them the same way.
   */
  public Optional<ApplicationRecord> authenticate(Secret presented) {
    Optional<String> keyId = ApiKey.keyId(presented);
    if (keyId.isEmpty()) {
      return Optional.empty();
    }
    String hash = ApiKey.hash(presented);
    return rows.findKey(keyId.get())
        .filter(stored -> ApiKey.sameHash(stored.hash(), hash))
        .filter(stored -> !stored.key().revoked())
        .flatMap(stored -> rows.find(stored.key().applicationId()))
        .filter(app -> !app.revoked());
  }

  /**
   * Whether the application exists and is not revoked (a connect link's session asks on each call).
   */
  public boolean isLive(String applicationId) {
    return applicationId != null
        && ID.matcher(applicationId).matches()
        && rows.find(applicationId).filter(app -> !app.revoked()).isPresent();
  }

  @Override
  public void close() {
    store.close();
  }

  private ApplicationRecord live(String applicationId) {
    ApplicationRecord app = application(applicationId);
    if (app.revoked()) {
      throw new InvalidInputException(
          "The application " + app.id() + " (" + app.name() + ") is revoked.",
          NextStep.advice("Create a new application instead."));
    }
    return app;
  }

  private ApplicationRecord application(String applicationId) {
    Optional<ApplicationRecord> found =
        applicationId != null && ID.matcher(applicationId).matches()
            ? rows.find(applicationId)
            : Optional.empty();
    return found.orElseThrow(
        () ->
            new LocalNotFoundException(
                "No application has the id " + Names.shown(applicationId, "application id") + ".",
                NextStep.advice("List the applications to see their ids.")));
  }

  private String checkedWebhook(String value) {
    URI uri = HttpUrls.parse(value, "The webhook URL");
    webhookPolicy.check(uri, false);
    return uri.toString();
  }

  private java.time.Instant now() {
    return clock.instant();
  }
}
