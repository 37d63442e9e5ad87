package io.adoconnect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user can do next, as data. Core says <em>what</em> (an {@link Action} and its
 * parameters, plus optional front-end-neutral {@code advice}); each front-end says <em>how</em> in
 * its own terms: the CLI as a command line, the API as {@code hint} text plus a machine-readable
 * {@code action}, the page as a button or form, MCP as a sentence. Core never writes CLI syntax.
 *
 * <pre>{@code
 * throw new ReconnectRequiredException("Microsoft no longer accepts the session.",
 *     NextStep.reconnect(account.id(), account.method().wireName()));
 * }</pre>
 */
public record NextStep(Action action, Map<String, String> parameters, String advice) {

  /** Nothing to add. */
  public static final NextStep NONE = new NextStep(Action.NONE, Map.of(), null);

  /** The kinds of next step a front-end knows how to offer. Parameters are listed per constant. */
  public enum Action {
    /** Advice only. */
    NONE,
    /**
     * Connect an account. Optional: {@code organization}, or {@code serverUrl} + {@code
     * collection}.
     */
    CONNECT,
    /**
     * Sign in with Microsoft in a browser on this machine (Conditional Access blocks the device
     * code).
     */
    CONNECT_BROWSER,
    /** Sign in again for an account: {@code accountId}, {@code method}. */
    RECONNECT,
    /** Give the token a scope: {@code scope} (e.g. vso.build_execute), {@code scopeName}. */
    ADD_SCOPE,
    /** See the connected accounts and their ids. */
    LIST_ACCOUNTS,
    /** See the repositories; optional {@code organization}. */
    LIST_REPOSITORIES,
    /** See the sources and their ids. */
    LIST_SOURCES,
    /** See the service hook subscriptions and their ids. */
    LIST_SUBSCRIPTIONS,
    /** See a repository's branches: {@code organization}, {@code project}, {@code repository}. */
    LIST_BRANCHES,
    /**
     * Name the account: {@code candidates} (comma-separated ids), {@code name} that was ambiguous.
     */
    CHOOSE_ACCOUNT,
    /** Configure where the encryption key is kept (OS keychain or a key file). */
    CONFIGURE_KEY,
    /** Try again later; optional {@code retryAfterSeconds}. */
    RETRY_LATER,
    /** Pick another port; {@code port} that was busy. */
    CHOOSE_PORT,
    /** Start a new sign-in (the code expired or was declined). */
    START_SIGN_IN,
    /** Read the item again and re-apply the change on its current version: {@code current}. */
    REFRESH_AND_RETRY,
    /**
     * See a repository's pull requests, every status: {@code organization}, {@code project}, {@code
     * repository}.
     */
    LIST_PULL_REQUESTS,
    /**
     * See a pull request's comment threads and their ids: {@code organization}, {@code project},
     * {@code repository}, {@code pullRequestId}.
     */
    LIST_THREADS,
    /**
     * Choose the account Git uses for an organization several accounts reach: {@code organization},
     * {@code candidates} (comma-separated ids).
     */
    BIND_GIT_ACCOUNT;

    /** The name the API sends, e.g. {@code add_scope}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public NextStep {
    Objects.requireNonNull(action, "action");
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    advice = advice == null || advice.isBlank() ? null : advice.strip();
  }

  /** Front-end-neutral advice and nothing to click. */
  public static NextStep advice(String advice) {
    return advice == null ? NONE : new NextStep(Action.NONE, Map.of(), advice);
  }

  public static NextStep of(Action action, String advice, String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("key/value pairs expected");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        parameters.put(keyValues[i], keyValues[i + 1]);
      }
    }
    return new NextStep(action, parameters, advice);
  }

  public static NextStep connectOrganization(String organization) {
    return of(Action.CONNECT, null, "organization", organization);
  }

  public static NextStep connectServer(String serverUrl, String collection) {
    return of(Action.CONNECT, null, "serverUrl", serverUrl, "collection", collection);
  }

  public static NextStep reconnect(String accountId, String method) {
    return of(Action.RECONNECT, null, "accountId", accountId, "method", method);
  }

  public static NextStep addScope(String scope, String scopeName) {
    return of(Action.ADD_SCOPE, null, "scope", scope, "scopeName", scopeName);
  }

  public static NextStep listAccounts() {
    return of(Action.LIST_ACCOUNTS, null);
  }

  public static NextStep listRepositories(String organization) {
    return of(Action.LIST_REPOSITORIES, null, "organization", organization);
  }

  public static NextStep listSources() {
    return of(Action.LIST_SOURCES, null);
  }

  public static NextStep listSubscriptions() {
    return of(Action.LIST_SUBSCRIPTIONS, null);
  }

  public static NextStep chooseAccount(String name, List<String> candidates) {
    return of(
        Action.CHOOSE_ACCOUNT, null, "name", name, "candidates", String.join(",", candidates));
  }

  public static NextStep bindGitAccount(String organization, List<String> candidates) {
    return of(
        Action.BIND_GIT_ACCOUNT,
        null,
        "organization",
        organization,
        "candidates",
        String.join(",", candidates));
  }

  public String parameter(String key) {
    return parameters.get(key);
  }

  /** The same step with {@code advice} (front-end-neutral prose) added. */
  public NextStep withAdvice(String text) {
    return new NextStep(action, parameters, text);
  }
}
