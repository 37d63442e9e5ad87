package io.adoconnect.connect;

import io.adoconnect.AuthenticationException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.CredentialProvider;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.entra.AuthorizationCodeFlow;
import io.adoconnect.auth.entra.DeviceCodeFlow;
import io.adoconnect.auth.entra.DeviceFlowSession;
import io.adoconnect.auth.entra.DeviceFlowState;
import io.adoconnect.auth.entra.IdTokenClaims;
import io.adoconnect.auth.entra.LoopbackRedirect;
import io.adoconnect.auth.entra.PollResult;
import io.adoconnect.auth.entra.TokenScopes;
import io.adoconnect.auth.entra.TokenSet;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Names;
import io.adoconnect.http.Sleeper;
import io.adoconnect.organizations.MemberAccount;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.DeviceFlowRecord;
import io.adoconnect.store.Ids;
import io.adoconnect.store.Store;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connecting with Microsoft Entra ID: the device code flow (persisted, so a restarted process
 * resumes polling) and browser sign-in with a loopback redirect. Both end the same way: the id
 * token's claims and the profile's organizations become the account, the tokens go to the vault.
 */
final class EntraConnections {
  /** Entra's tenant of personal Microsoft accounts; Entra apps can't use those for Azure DevOps. */
  static final String PERSONAL_ACCOUNTS_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

  /**
   * How long a poller holds a flow: one token request and, once approved, the profile calls that
   * make the account, with their retries. A claim left by a killed process lapses after it.
   */
  static final Duration POLL_CLAIM = Duration.ofMinutes(2);

  /** How soon a waiting caller looks again when another one holds the poll claim. */
  static final Duration CLAIMED_RETRY = Duration.ofSeconds(1);

  private final ConnectSettings settings;
  private final Store store;
  private final Supplier<Vault> vault;
  private final EntraTokens tokens;
  private final DeviceCodeFlow deviceFlow;

  EntraConnections(
      ConnectSettings settings, Store store, Supplier<Vault> vault, EntraTokens tokens) {
    this.settings = settings;
    this.store = store;
    this.vault = vault;
    this.tokens = tokens;
    this.deviceFlow = new DeviceCodeFlow(settings.entra(), settings.transport(), settings.clock());
  }

  DeviceFlowView startDevice() {
    Vault sealer = vault.get(); // fail before contacting Entra when no key source is available
    DeviceFlowSession session = deviceFlow.start();
    String id = Ids.newId();
    DeviceFlowRecord record =
        new DeviceFlowRecord(
            id,
            session.tenant(),
            settings.entra().clientId(),
            session.userCode(),
            session.verificationUri().toString(),
            session.message(),
            (int) session.interval().toSeconds(),
            settings.clock().instant(),
            session.expiresAt(),
            DeviceFlowState.PENDING.wireName(),
            null,
            null,
            sealer.seal(session.deviceCode(), flowBinding(id)));
    store.saveDeviceFlow(record);
    // Device flows arrive unasked by anyone but their user: old ones go as a new one comes.
    store.pruneDeviceFlows(record.startedAt().minus(settings.retention().deviceFlows()));
    return view(record);
  }

  /** The newest flow still waiting for the user, if any — what a restarted CLI picks up again. */
  Optional<DeviceFlowView> resumable() {
    Instant now = settings.clock().instant();
    List<String> ids = store.deviceFlowIds();
    for (int i = ids.size() - 1; i >= 0; i--) {
      Optional<DeviceFlowRecord> flow = store.findDeviceFlow(ids.get(i));
      if (flow.isPresent()
          && !state(flow.get()).isFinal()
          && flow.get().expiresAt().isAfter(now)
          && flow.get().clientId().equals(settings.entra().clientId())) {
        return Optional.of(view(flow.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Polls Entra once if the interval since the last poll has passed (else answers the last state),
   * records the outcome, and creates the account when the user has approved.
   *
   * <p>One poll per flow at a time, across threads, processes and service instances: the poller
   * first claims the flow's row in the store, and a caller that finds it claimed (or finished, or
   * polled within the interval) gets the stored state instead of asking Entra too. A device code is
   * redeemed once, so a second concurrent poll after approval would be told the code is no longer
   * valid; and a finished flow is never changed again ({@code authorized} stays).
   */
  DeviceFlowView pollDevice(String flowId) {
    DeviceFlowRecord record = find(flowId);
    Instant now = settings.clock().instant();
    if (state(record).isFinal() || nextPoll(record).isAfter(now)) {
      return view(record);
    }
    if (!store.claimDeviceFlowPoll(flowId, now, now.plus(POLL_CLAIM))) {
      return view(find(flowId)); // another caller is polling, or just did: its state
    }
    PollResult result;
    String accountId = null;
    try {
      result = deviceFlow.poll(session(record));
      if (result.state() == DeviceFlowState.AUTHORIZED) {
        accountId = finish(result.tokens(), ConnectionMethod.DEVICE_CODE).id();
      }
    } catch (RuntimeException e) {
      store.releaseDeviceFlowClaim(flowId);
      throw e;
    }
    // Timed from the answer, not the question: the interval counts from when Entra saw the poll.
    DeviceFlowRecord polled =
        record.polled(
            result.state().wireName(),
            (int) result.session().interval().toSeconds(),
            settings.clock().instant(),
            accountId);
    if (!store.recordDeviceFlowPoll(polled)) {
      return view(find(flowId)); // finished meanwhile (a lapsed claim): the stored state stands
    }
    return view(polled);
  }

  /**
   * Polls at the flow's interval until it ends, reporting each state change; null when cancelled.
   */
  DeviceFlowView awaitDevice(
      String flowId,
      Consumer<DeviceFlowView> onChange,
      BooleanSupplier cancelled,
      Sleeper sleeper) {
    DeviceFlowView last = view(find(flowId));
    boolean heldElsewhere = false;
    while (!cancelled.getAsBoolean()) {
      DeviceFlowRecord record = find(flowId);
      Duration wait = Duration.between(settings.clock().instant(), nextPoll(record));
      if (heldElsewhere && wait.compareTo(CLAIMED_RETRY) < 0) {
        wait = CLAIMED_RETRY; // another poller holds the claim: don't spin on the store
      }
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
      if (cancelled.getAsBoolean()) {
        return null;
      }
      DeviceFlowView now = pollDevice(flowId);
      heldElsewhere =
          !DeviceFlowState.fromWireName(now.state()).isFinal()
              && Objects.equals(find(flowId).polledAt(), record.polledAt());
      if (!now.state().equals(last.state())) {
        onChange.accept(now);
      }
      last = now;
      if (DeviceFlowState.fromWireName(now.state()).isFinal()) {
        return now;
      }
    }
    return null;
  }

  /** RFC 8628 §3.5: wait the interval before the first poll and between polls. */
  private static Instant nextPoll(DeviceFlowRecord record) {
    return (record.polledAt() == null ? record.startedAt() : record.polledAt())
        .plusSeconds(record.intervalSeconds());
  }

  /** Browser sign-in: authorization code + PKCE, the answer caught on a loopback port. */
  Account connectBrowser(Consumer<URI> openBrowser, Duration timeout) {
    vault.get(); // fail before the browser opens when no key source is available
    AuthorizationCodeFlow flow =
        new AuthorizationCodeFlow(settings.entra(), settings.transport(), settings.clock());
    try (LoopbackRedirect redirect = LoopbackRedirect.open()) {
      AuthorizationCodeFlow.Pending pending = flow.begin(redirect.redirectUri());
      redirect.expect(pending.state());
      openBrowser.accept(pending.authorizeUri());
      Secret code = redirect.awaitCode(timeout);
      return finish(flow.redeem(pending, code, Optional.empty()), ConnectionMethod.BROWSER);
    }
  }

  /**
   * Web sign-in, first half: the authorize URL (PKCE S256, one-time state) for the service's own
   * redirect URI.
   */
  AuthorizationCodeFlow.Pending beginWeb(URI redirectUri) {
    vault.get(); // fail before the browser leaves when no key source is available
    return new AuthorizationCodeFlow(settings.entra(), settings.transport(), settings.clock())
        .begin(redirectUri);
  }

  /**
   * Web sign-in, second half: redeems the code (with the app's secret when confidential) and saves
   * the account.
   */
  Account completeWeb(
      AuthorizationCodeFlow.Pending pending, Secret code, Optional<Secret> clientSecret) {
    AuthorizationCodeFlow flow =
        new AuthorizationCodeFlow(settings.entra(), settings.transport(), settings.clock());
    return finish(flow.redeem(pending, code, clientSecret), ConnectionMethod.AUTHORIZATION_CODE);
  }

  /** Turns a fresh sign-in into a saved account with its organizations. */
  private Account finish(TokenSet signedIn, ConnectionMethod method) {
    IdTokenClaims claims = signedIn.claims();
    if (claims == null) {
      throw new AuthenticationException(
          "Microsoft Entra ID returned no id token, so ado-connect can't tell who signed in.",
          "Make sure the openid and profile permissions are requested and approved, then sign in again.");
    }
    if (PERSONAL_ACCOUNTS_TENANT.equalsIgnoreCase(claims.tenantId())) {
      throw new AuthenticationException(
          "You signed in with a personal Microsoft account; Azure DevOps doesn't accept those through Microsoft Entra apps.",
          NextStep.of(
              NextStep.Action.CONNECT,
              "Sign in with a work or school account, or connect with a Personal Access Token."));
    }
    AzureDevOpsHttp http =
        new AzureDevOpsHttp(settings.transport(), bearer(signedIn.accessToken()));
    OrganizationsClient organizations = new OrganizationsClient(http, settings.endpoints());
    List<String> names =
        organizations.accounts(organizations.me().id()).stream()
            .map(MemberAccount::accountName)
            .toList();
    String id =
        store.accounts().stream()
            .filter(
                a ->
                    a.method() != ConnectionMethod.PAT
                        && claims.tenantId().equalsIgnoreCase(a.tenantId())
                        && Objects.equals(a.email(), claims.emailAddress()))
            .map(Account::id)
            .findFirst()
            .orElseGet(Ids::newId);
    Account account =
        new Account(
            id,
            method,
            Account.SERVICES,
            claims.name(),
            claims.emailAddress(),
            claims.tenantId(),
            TokenScopes.of(signedIn).scp(),
            settings.clock().instant(),
            signedIn.expiresAt(),
            names);
    tokens.save(account, signedIn);
    return account;
  }

  private static CredentialProvider bearer(Secret accessToken) {
    return new CredentialProvider() {
      @Override
      public Secret authorization() {
        return Secret.of("Bearer " + accessToken.reveal());
      }

      @Override
      public NextStep refused() {
        return NextStep.advice(
            "Azure DevOps refused the new Microsoft sign-in; your account may have no Azure DevOps"
                + " organization, or the organization doesn't allow third-party application access"
                + " via OAuth.");
      }
    };
  }

  private DeviceFlowRecord find(String flowId) {
    return store
        .findDeviceFlow(flowId)
        .orElseThrow(
            () ->
                new LocalNotFoundException(
                    "No device code sign-in has the id " + Names.shown(flowId, "sign-in id") + ".",
                    NextStep.of(NextStep.Action.START_SIGN_IN, "Start a new sign-in.")));
  }

  private DeviceFlowSession session(DeviceFlowRecord record) {
    return new DeviceFlowSession(
        vault.get().unseal(record.sealedDeviceCode(), flowBinding(record.id())),
        record.userCode(),
        URI.create(record.verificationUri()),
        record.message(),
        record.expiresAt(),
        Duration.ofSeconds(record.intervalSeconds()),
        record.tenant());
  }

  private DeviceFlowView view(DeviceFlowRecord record) {
    Account account =
        record.accountId() == null ? null : store.findAccount(record.accountId()).orElse(null);
    return new DeviceFlowView(
        record.id(),
        record.userCode(),
        record.verificationUri(),
        record.message(),
        record.expiresAt(),
        record.intervalSeconds(),
        record.state(),
        account);
  }

  private static DeviceFlowState state(DeviceFlowRecord record) {
    return DeviceFlowState.fromWireName(record.state());
  }

  /** The vault's associated data for a device code: bound to its flow, not to any account. */
  static String flowBinding(String flowId) {
    return "device-flow:" + flowId;
  }
}
