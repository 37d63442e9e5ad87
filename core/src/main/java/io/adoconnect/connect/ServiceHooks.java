package io.adoconnect.connect;

import io.adoconnect.AdoConnectException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.devops.HttpUrls;
import io.adoconnect.hooks.HookEvent;
import io.adoconnect.hooks.HookEventTypes;
import io.adoconnect.hooks.HookSubscription;
import io.adoconnect.hooks.HooksClient;
import io.adoconnect.hooks.SubscriptionInput;
import io.adoconnect.http.Names;
import io.adoconnect.projects.Project;
import io.adoconnect.projects.ProjectsClient;
import io.adoconnect.repositories.RepositoriesClient;
import io.adoconnect.repositories.Repository;
import io.adoconnect.store.HookSubscriptionRecord;
import io.adoconnect.store.Ids;
import io.adoconnect.store.Retention;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Store;
import io.adoconnect.store.StoredEvent;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service hooks end to end: subscribing a project or repository (one Azure DevOps subscription per
 * event type, each with its own generated basic-auth password, sealed in the store), receiving
 * deliveries (credential checked in constant time, stored once per subscription and event id before
 * answering), re-checking them against Azure DevOps, and listing what arrived.
 */
final class ServiceHooks {
  /** The basic-auth user name every subscription carries; the password is what counts. */
  static final String USERNAME = "ado-connect";

  static final int MAX_EVENTS = 1000;

  /**
   * A re-check still undecided this long after its delivery arrived was abandoned (its receiver
   * stopped): well beyond a re-check's few Azure DevOps calls with their retries.
   */
  static final Duration RECHECK_ABANDONED_AFTER = Duration.ofMinutes(10);

  static final String ABANDONED =
      "Not re-checked: the receiver stopped before the re-check was done, so the event is not"
          + " trusted.";

  /** The range a start time may take: the store keeps epoch milliseconds. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
  private static final Logger log = LoggerFactory.getLogger(ServiceHooks.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Supplier<Vault> vault;
  private final Function<OrganizationRef, OrganizationHandle> organizations;
  private final Clock clock;
  private final Retention retention;

  ServiceHooks(
      Store store,
      Supplier<Vault> vault,
      Function<OrganizationRef, OrganizationHandle> organizations,
      Clock clock,
      Retention retention) {
    this.retention = retention;
    this.store = store;
    this.vault = vault;
    this.organizations = organizations;
    this.clock = clock;
  }

  /**
   * Subscribes a project, or one repository in it ({@code repository} non-null), to {@code
   * eventTypes} (all supported ones when empty), delivering to {@code
   * {receiverBaseUrl}/api/hooks/{id}}.
   */
  List<HookSubscriptionRecord> subscribe(
      ProjectRef wanted, String repository, List<String> eventTypes, String receiverBaseUrl) {
    List<String> types =
        new ArrayList<>(
            (eventTypes == null || eventTypes.isEmpty() ? HookEventTypes.ALL : eventTypes)
                .stream()
                    .map(HookEventTypes::check)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
    if (receiverBaseUrl == null || receiverBaseUrl.isBlank()) {
      throw new InvalidInputException(
          "No receiver URL: Azure DevOps needs an address of ado-connect's service to deliver to.",
          "Run ado-connect's service where Azure DevOps can reach it, and give its public URL"
              + " as the receiver.");
    }
    URI receiver = HttpUrls.parse(receiverBaseUrl, "The receiver URL");
    Vault sealer = vault.get(); // fail before any network call when no key source is configured
    OrganizationHandle target = organizations.apply(wanted.organizationRef());
    types.forEach(type -> target.http().require(HookEventTypes.scope(type)));
    String projectName;
    String projectId;
    Repository repo = null;
    try {
      if (repository != null) {
        repo =
            new RepositoriesClient(target.http())
                .get(target.organization(), wanted.project(), repository);
        projectName = repo.project().name();
        projectId = repo.project().id();
      } else {
        Project project =
            new ProjectsClient(target.http()).get(target.organization(), wanted.project());
        projectName = project.name();
        projectId = project.id();
      }
    } catch (NotFoundException e) {
      String path = repository == null ? wanted.path() : wanted.path() + "/" + repository;
      throw new NotFoundException(
          e.typeKey(),
          Names.shown(path, "path") + " was not found, or this account can't see it.",
          NextStep.listRepositories(target.organization().name()));
    }
    HooksClient hooks = new HooksClient(target.http());
    List<HookSubscriptionRecord> created = new ArrayList<>();
    for (String type : types) {
      String id = Ids.newId();
      Secret password = newPassword();
      URI url = URI.create(receiver + "/api/hooks/" + id);
      boolean repositoryWide = repo != null && HookEventTypes.filtersOnRepository(type);
      HookSubscriptionRecord record =
          new HookSubscriptionRecord(
              id,
              null,
              target.account().id(),
              target.organization().name(),
              projectName,
              projectId,
              repositoryWide ? repo.name() : null,
              repositoryWide ? repo.id() : null,
              type,
              url.toString(),
              clock.instant());
      // Saved first, so a delivery arriving right after Azure DevOps creates it finds it.
      store.addHookSubscription(
          record, sealer.seal(password, SecretKind.HOOK_PASSWORD.sealedFor(id)));
      HookSubscription remote;
      try {
        remote =
            hooks.create(
                target.organization(),
                new SubscriptionInput(
                    type, projectId, repositoryWide ? repo.id() : null, url, USERNAME, password));
      } catch (RuntimeException e) {
        store.deleteHookSubscription(id);
        throw e;
      }
      store.setHookRemoteId(id, remote.id());
      created.add(record.withRemoteId(remote.id()));
    }
    return created;
  }

  List<HookSubscriptionRecord> subscriptions() {
    return store.hookSubscriptions();
  }

  /**
   * Deletes the subscription in Azure DevOps, then here. Already gone upstream (404) still removes
   * it here.
   */
  HookSubscriptionRecord unsubscribe(String id) {
    HookSubscriptionRecord found =
        store
            .findHookSubscription(id)
            .orElseThrow(
                () ->
                    new LocalNotFoundException(
                        "No service hook subscription has the id "
                            + Names.shown(id, "subscription id")
                            + ".",
                        NextStep.listSubscriptions()));
    if (found.remoteId() != null) {
      OrganizationHandle target = organization(found.organization(), found.accountId());
      try {
        new HooksClient(target.http()).delete(target.organization(), found.remoteId());
      } catch (NotFoundException alreadyGone) {
        // deleted in Azure DevOps already: only the local record is left to remove
      }
    }
    store.deleteHookSubscription(id);
    return found;
  }

  /** Checks, stores (once) and re-checks one delivery. */
  Receipt receive(String subscriptionId, String authorization, byte[] body) {
    Optional<HookSubscriptionRecord> found =
        subscriptionId == null ? Optional.empty() : store.findHookSubscription(subscriptionId);
    if (found.isEmpty()) {
      return Receipt.of(Receipt.Outcome.UNKNOWN_SUBSCRIPTION);
    }
    HookSubscriptionRecord subscription = found.get();
    if (!credentialMatches(subscription, authorization)) {
      return Receipt.of(Receipt.Outcome.BAD_CREDENTIAL);
    }
    HookEvent event;
    try {
      event = HookEvent.parse(body);
    } catch (InvalidInputException e) {
      return Receipt.of(Receipt.Outcome.MALFORMED);
    }
    Instant now = clock.instant();
    StoredEvent stored =
        StoredEvent.received(
            event.id(),
            subscription.id(),
            event.eventType(),
            subscription.organization(),
            event.projectName() != null ? event.projectName() : subscription.project(),
            event.repositoryName() != null ? event.repositoryName() : subscription.repository(),
            event.repositoryId() != null ? event.repositoryId() : subscription.repositoryId(),
            now,
            event.payload().toString());
    if (!store.addEvent(stored)) {
      return new Receipt(Receipt.Outcome.DUPLICATE, EventView.of(stored));
    }
    StoredEvent verified = verify(subscription, event, stored);
    store.verifyEvent(
        subscription.id(),
        verified.eventId(),
        verified.trusted(),
        verified.verification(),
        verified.recheckedAt());
    if (verified.trusted() && HookEventTypes.changesRepositories(event.eventType())) {
      // A repository was created, deleted or renamed: the kept listings with its organization are
      // wrong now, so the next listing asks Azure DevOps. Only a re-checked event counts: a
      // forged one must not be able to make every listing ask again.
      store.forgetRepositoryListings(subscription.organization());
    }
    prune(now);
    return new Receipt(Receipt.Outcome.STORED, EventView.of(verified));
  }

  /**
   * Keeps the events table bounded ({@link Retention}) and decides re-checks a stopped receiver
   * left undecided; after each stored delivery, as indexed deletes and one update.
   */
  private void prune(Instant now) {
    try {
      store.pruneEvents(now.minus(retention.events()), retention.eventsPerOwner());
      store.decideAbandonedRechecks(now.minus(RECHECK_ABANDONED_AFTER), ABANDONED, now);
    } catch (AdoConnectException e) {
      // the delivery is stored and decided; pruning runs again after the next one
      log.warn("could not prune the stored events: {}", e.getMessage());
    }
  }

  List<EventView> events(Instant since, int limit) {
    if (limit < 1 || limit > MAX_EVENTS) {
      throw new InvalidInputException(
          "The limit must be between 1 and " + MAX_EVENTS + ".", "Ask for fewer events at a time.");
    }
    if (since != null && (since.isBefore(EARLIEST) || since.isAfter(LATEST))) {
      throw new InvalidInputException(
          "The start time must lie between the years 0001 and 9999.",
          "Give an instant such as 2024-05-01T12:00:00Z, or leave it out for the newest events.");
    }
    Instant now = clock.instant();
    store.decideAbandonedRechecks(now.minus(RECHECK_ABANDONED_AFTER), ABANDONED, now);
    return store.events(since, limit).stream().map(EventView::of).toList();
  }

  private boolean credentialMatches(HookSubscriptionRecord subscription, String authorization) {
    byte[] given = basicCredential(authorization);
    Optional<byte[]> sealed = store.sealedHookPassword(subscription.id());
    if (sealed.isEmpty()) {
      return false;
    }
    Secret password =
        vault.get().unseal(sealed.get(), SecretKind.HOOK_PASSWORD.sealedFor(subscription.id()));
    byte[] expected = (USERNAME + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8);
    // Constant time: how much of a guess matched must not show in the answer's timing.
    return MessageDigest.isEqual(expected, given);
  }

  /** The decoded {@code user:password} of a Basic header; empty bytes when there is none. */
  private static byte[] basicCredential(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(authorization.substring(6).strip());
    } catch (IllegalArgumentException notBase64) {
      return new byte[0];
    }
  }

  /**
   * Trusted only if the event fits its subscription and Azure DevOps, read with the subscribing
   * account's token, shows what it says (see {@link EventRecheck}).
   */
  private StoredEvent verify(
      HookSubscriptionRecord subscription, HookEvent event, StoredEvent stored) {
    Optional<String> mismatch = mismatch(subscription, event);
    if (mismatch.isPresent()) {
      return stored.withVerification(false, mismatch.get(), clock.instant());
    }
    try {
      OrganizationHandle target =
          organization(subscription.organization(), subscription.accountId());
      EventRecheck.Verdict verdict =
          new EventRecheck(target, subscription.projectId()).check(event);
      return stored.withVerification(verdict.trusted(), verdict.reason(), clock.instant());
    } catch (AdoConnectException e) {
      return stored.withVerification(
          false, "Could not re-check with Azure DevOps: " + e.getMessage(), clock.instant());
    } catch (RuntimeException e) {
      // A re-check that can't run is still decided, with why: never left undecided for ever.
      log.warn("the re-check of event {} failed", stored.eventId(), e);
      return stored.withVerification(
          false,
          "Not re-checked: the re-check failed unexpectedly ("
              + e.getClass().getSimpleName()
              + "), so the event is not trusted.",
          clock.instant());
    }
  }

  private static Optional<String> mismatch(HookSubscriptionRecord subscription, HookEvent event) {
    if (!event.eventType().equals(subscription.eventType())) {
      return Optional.of(
          "A "
              + event.eventType()
              + " event arrived on a "
              + subscription.eventType()
              + " subscription.");
    }
    if (event.projectId() != null
        && !event.projectId().equalsIgnoreCase(subscription.projectId())) {
      return Optional.of("The event is from another project than the subscription's.");
    }
    if (subscription.repositoryId() != null
        && event.repositoryId() != null
        && !event.repositoryId().equalsIgnoreCase(subscription.repositoryId())) {
      return Optional.of("The event is from another repository than the subscription's.");
    }
    return Optional.empty();
  }

  private static Secret newPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  private OrganizationHandle organization(String organization, String accountId) {
    return organizations.apply(new OrganizationRef(organization, accountId));
  }
}
