package io.adoconnect.connect;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.AuthenticationException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.CredentialProvider;
import io.adoconnect.auth.Secret;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.ConnectionMethod;
import io.adoconnect.store.GitBinding;
import io.adoconnect.store.Store;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Git's credential helper, as a use case: which connected account a URL Git is about to call
 * belongs to, and the password to send (the account's PAT, or an Entra access token renewed when it
 * is about to expire). Nothing here writes a token anywhere; the front-end speaks the
 * git-credential protocol and hands the password to Git on its standard output only.
 *
 * <p>The organization in the URL picks the account, as Git Credential Manager does with {@code
 * credential.useHttpPath}: {@code https://dev.azure.com/{org}/…} (or the organization in the URL's
 * user name, {@code https://{org}@dev.azure.com}, when Git sends no path), {@code
 * https://{org}.visualstudio.com/…}, and {@code {server URL}/{collection}/…} for a connected Azure
 * DevOps Server. When several accounts reach one organization, a binding (GCM's {@code azure-repos
 * bind}) says which.
 */
public final class GitCredentials {
  /** What {@link #erase} did with a password Git says was refused. */
  public enum Erased {
    /** An Entra access token: renewed now, so the next {@code get} hands out the new one. */
    RENEWED,
    /**
     * The PAT still works against the organization: Azure DevOps refused it for this repository
     * only (a missing scope or no access to it).
     */
    STILL_VALID,
    /** Not a password this helper handed out (or already replaced): nothing to do. */
    NOT_OURS
  }

  private final ConnectSettings settings;
  private final Store store;
  private final AccountAccess access;
  private final boolean sourcesOnly;

  GitCredentials(ConnectSettings settings, Store store, AccountAccess access) {
    this(settings, store, access, false);
  }

  private GitCredentials(
      ConnectSettings settings, Store store, AccountAccess access, boolean sourcesOnly) {
    this.settings = settings;
    this.store = store;
    this.access = access;
    this.sourcesOnly = sourcesOnly;
  }

  /**
   * The same helper that, with {@code value} true, gives Git credentials only for repositories that
   * are sources: what a deployment asks for when the agents it runs may reach the sources they were
   * given and nothing else the account can see.
   */
  public GitCredentials sourcesOnly(boolean value) {
    return new GitCredentials(settings, store, access, value);
  }

  /** Where an organization lives and the connected accounts that reach it. */
  private record Target(String host, String organization, List<Account> accounts) {}

  /**
   * The credential for the URL Git asks about; empty when the URL is not an Azure DevOps host this
   * helper serves (Git then asks its other helpers).
   *
   * @throws io.adoconnect.AdoConnectException with the next step when the URL is ours but no
   *     credential can be given (no account reaches the organization, several do without a binding,
   *     the account must sign in again): Git must stop there rather than prompt
   */
  public Optional<GitCredential> get(GitCredentialQuery query) {
    Optional<Target> target = target(query);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    if (sourcesOnly) {
      requireSource(target.get(), query);
    }
    Account account = choose(target.get(), query);
    if (account.method() == ConnectionMethod.PAT
        && account.status() == AccountStatus.RECONNECT_NEEDED) {
      throw refusedPat(account, target.get().organization());
    }
    Secret password = passwordOf(credential(account, target.get()).authorization());
    String username =
        query.username() != null && !query.username().isBlank()
            ? query.username()
            : account.email() != null ? account.email() : "ado-connect";
    return Optional.of(new GitCredential(username, password, account.id()));
  }

  /**
   * Git says Azure DevOps refused {@code password} for the URL. An Entra token is renewed now (the
   * next {@code get} hands out the new one); a PAT is checked against its organization and, when
   * Azure DevOps refuses it there too, its account is marked as needing a new token.
   *
   * @throws AuthenticationException when the PAT is refused (expired or revoked) or the Entra
   *     session can't be renewed, saying what to do
   */
  public Erased erase(GitCredentialQuery query, Secret password) {
    Optional<Target> target = target(query);
    if (target.isEmpty() || password == null) {
      return Erased.NOT_OURS;
    }
    Account account;
    try {
      account = choose(target.get(), query);
    } catch (InvalidInputException | LocalNotFoundException noAccount) {
      return Erased.NOT_OURS;
    }
    CredentialProvider credential = credential(account, target.get());
    if (account.method() == ConnectionMethod.PAT
        && account.status() == AccountStatus.RECONNECT_NEEDED) {
      throw refusedPat(account, target.get().organization());
    }
    if (!passwordOf(credential.authorization()).equals(password)) {
      return Erased.NOT_OURS;
    }
    if (account.method() != ConnectionMethod.PAT) {
      credential.renewAfterRefusal();
      return Erased.RENEWED;
    }
    try {
      new OrganizationsClient(
              new AzureDevOpsHttp(settings.transport(), credential), settings.endpoints())
          .connectionData(organizationUrl(target.get()));
      return Erased.STILL_VALID;
    } catch (AccessDeniedException | AuthenticationException refused) {
      store.setAccountStatus(account.id(), AccountStatus.RECONNECT_NEEDED);
      throw refusedPat(account, target.get().organization());
    }
  }

  /**
   * Git uses {@code accountId} for {@code organization} from now on, when several connected
   * accounts reach it.
   */
  public GitBinding bind(String organization, String accountId) {
    Account account =
        store
            .findAccount(accountId)
            .orElseThrow(
                () ->
                    new LocalNotFoundException(
                        "No connected account has the id '" + accountId + "'.",
                        NextStep.listAccounts()));
    boolean reaches =
        account.organizations().stream().anyMatch(o -> o.equalsIgnoreCase(organization));
    if (!reaches) {
      throw new InvalidInputException(
          "The account "
              + account.id()
              + " does not reach '"
              + organization
              + "'; it reaches "
              + String.join(", ", account.organizations())
              + ".",
          NextStep.listAccounts());
    }
    GitBinding binding =
        new GitBinding(account.host(), organization, account.id(), settings.clock().instant());
    store.bindGit(binding);
    return binding;
  }

  /** Removes the bindings of {@code organization} (on every host); how many there were. */
  public int unbind(String organization) {
    int removed = 0;
    for (GitBinding binding : store.gitBindings()) {
      if (binding.organization().equalsIgnoreCase(organization)
          && store.unbindGit(binding.host(), binding.organization())) {
        removed++;
      }
    }
    return removed;
  }

  /** The bindings, oldest first. */
  public List<GitBinding> bindings() {
    return store.gitBindings();
  }

  /**
   * The URLs Git should ask this helper about: the Azure DevOps Services host, and each connected
   * Server's URL.
   */
  public List<URI> hosts() {
    Set<URI> hosts = new LinkedHashSet<>();
    hosts.add(withoutTrailingSlash(settings.endpoints().devops()));
    store.accounts().stream()
        .filter(a -> !a.isServices())
        .map(a -> withoutTrailingSlash(URI.create(a.host())))
        .forEach(hosts::add);
    return List.copyOf(hosts);
  }

  private CredentialProvider credential(Account account, Target target) {
    Organization org =
        account.isServices()
            ? Organization.services(settings.endpoints(), target.organization())
            : null;
    return access.credential(account, org);
  }

  private URI organizationUrl(Target target) {
    return target.host().equals(Account.SERVICES)
        ? Organization.services(settings.endpoints(), target.organization()).baseUrl()
        : URI.create(stripSlash(target.host()) + "/" + target.organization());
  }

  private Optional<Target> target(GitCredentialQuery query) {
    if (!query.protocol().equals("https") && !query.protocol().equals("http")) {
      return Optional.empty();
    }
    String url = query.url().toLowerCase(Locale.ROOT);
    // A Server collection first: in a test setup it may share its host with Services.
    List<Target> servers = new ArrayList<>();
    for (Account account : store.accounts()) {
      if (account.isServices()) {
        continue;
      }
      for (String collection : account.organizations()) {
        String prefix = (stripSlash(account.host()) + "/" + collection).toLowerCase(Locale.ROOT);
        if (url.equals(prefix) || url.startsWith(prefix + "/")) {
          servers.add(new Target(account.host(), collection, List.of(account)));
        }
      }
    }
    if (!servers.isEmpty()) {
      Target longest =
          servers.stream()
              .max(Comparator.comparingInt(t -> t.host().length() + t.organization().length()))
              .orElseThrow();
      List<Account> reaching =
          servers.stream()
              .filter(t -> t.host().equalsIgnoreCase(longest.host()))
              .filter(t -> t.organization().equalsIgnoreCase(longest.organization()))
              .flatMap(t -> t.accounts().stream())
              .toList();
      return Optional.of(new Target(longest.host(), longest.organization(), reaching));
    }
    Optional<String> organization = servicesOrganization(query);
    return organization.map(
        org ->
            new Target(
                Account.SERVICES,
                org,
                store.accounts().stream()
                    .filter(Account::isServices)
                    .filter(a -> a.organizations().stream().anyMatch(o -> o.equalsIgnoreCase(org)))
                    .toList()));
  }

  /** The Services organization a URL names; empty when the host is not Azure DevOps Services. */
  private Optional<String> servicesOrganization(GitCredentialQuery query) {
    URI devops = settings.endpoints().devops();
    String host = query.host();
    if (host.endsWith(".visualstudio.com")) {
      return Optional.of(host.substring(0, host.indexOf('.')));
    }
    boolean services =
        query.protocol().equalsIgnoreCase(devops.getScheme())
            && host.equalsIgnoreCase(devops.getRawAuthority());
    if (!services) {
      return Optional.empty();
    }
    String base = devops.getPath() == null ? "" : stripSlash(devops.getPath());
    Optional<String> fromPath = Optional.empty();
    if (query.path() != null) {
      String path = query.path();
      String prefix = base.startsWith("/") ? base.substring(1) : base;
      if (!prefix.isEmpty()
          && path.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT) + "/")) {
        path = path.substring(prefix.length() + 1);
      }
      fromPath = new GitCredentialQuery(query.protocol(), host, path, null).firstSegment();
    }
    Optional<String> organization =
        fromPath.or(
            () ->
                Optional.ofNullable(query.username())
                    .filter(u -> !u.isBlank() && !u.contains("@")));
    if (organization.isEmpty()) {
      throw new InvalidInputException(
          "Git did not say which organization " + query.url() + " belongs to.",
          NextStep.advice(
              "Set Git's credential.useHttpPath for this host, so Git sends the repository's"
                  + " path; setting up the credential helper does that."));
    }
    return organization;
  }

  /**
   * Refuses, before any token is read, a URL that is not one of the sources' repositories (on the
   * same host and organization, by project and name, ignoring case as Azure DevOps does).
   */
  private void requireSource(Target target, GitCredentialQuery query) {
    Optional<String[]> wanted = projectAndRepository(target, query);
    boolean isSource =
        wanted.isPresent()
            && store.sources().stream()
                .anyMatch(
                    s ->
                        s.host().equalsIgnoreCase(target.host())
                            && s.organization().equalsIgnoreCase(target.organization())
                            && s.project().equalsIgnoreCase(wanted.get()[0])
                            && s.repository().equalsIgnoreCase(wanted.get()[1]));
    if (!isSource) {
      throw new InvalidInputException(
          (wanted.isPresent()
                  ? "The repository "
                      + target.organization()
                      + "/"
                      + wanted.get()[0]
                      + "/"
                      + wanted.get()[1]
                  : query.url() + ", which names no repository,")
              + " is not a source, and this deployment gives Git credentials for its sources"
              + " only.",
          NextStep.listSources()
              .withAdvice(
                  "Add the repository as a source (or ask whoever runs this deployment to), then"
                      + " run the Git command again."));
    }
  }

  /**
   * The project and repository of a Git URL: {@code …/{project}/_git/{repository}}, or {@code
   * …/_git/{repository}} right after the organization (a repository named as its project).
   */
  private Optional<String[]> projectAndRepository(Target target, GitCredentialQuery query) {
    if (query.path() == null) {
      return Optional.empty();
    }
    String rest;
    if (!target.host().equals(Account.SERVICES)) {
      String prefix = stripSlash(target.host()) + "/" + target.organization() + "/";
      String url = query.url();
      rest = url.length() > prefix.length() ? url.substring(prefix.length()) : "";
    } else {
      rest = query.path();
      String base = settings.endpoints().devops().getPath();
      String prefix = base == null ? "" : stripSlash(base).replaceFirst("^/", "");
      if (!query.host().endsWith(".visualstudio.com")) {
        if (!prefix.isEmpty()
            && rest.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT) + "/")) {
          rest = rest.substring(prefix.length() + 1);
        }
        int slash = rest.indexOf('/');
        if (slash > 0 && rest.substring(0, slash).equalsIgnoreCase(target.organization())) {
          rest = rest.substring(slash + 1);
        }
      }
    }
    String whole = "/" + rest;
    int git = 0;
    while (git < whole.length() && !whole.regionMatches(true, git, "/_git/", 0, 6)) {
      git++;
    }
    if (git >= whole.length()) {
      return Optional.empty();
    }
    String after = whole.substring(git + "/_git/".length());
    String repository = after.indexOf('/') < 0 ? after : after.substring(0, after.indexOf('/'));
    if (repository.isEmpty()) {
      return Optional.empty();
    }
    String before = whole.substring(0, git);
    String project = before.isEmpty() ? repository : before.substring(before.lastIndexOf('/') + 1);
    return Optional.of(new String[] {project, repository});
  }

  /** The account Git gets credentials of: the bound one, else the only one. */
  private Account choose(Target target, GitCredentialQuery query) {
    List<Account> accounts = target.accounts();
    if (accounts.isEmpty()) {
      throw new LocalNotFoundException(
          "No connected account reaches '"
              + target.organization()
              + "', which Git asked credentials for ("
              + query.url()
              + ").",
          target.host().equals(Account.SERVICES)
              ? NextStep.connectOrganization(target.organization())
              : NextStep.connectServer(target.host(), target.organization()));
    }
    Optional<Account> bound =
        store.gitBindings().stream()
            .filter(b -> b.host().equalsIgnoreCase(target.host()))
            .filter(b -> b.organization().equalsIgnoreCase(target.organization()))
            .flatMap(b -> accounts.stream().filter(a -> a.id().equals(b.accountId())))
            .findFirst();
    if (bound.isPresent()) {
      return bound.get();
    }
    if (accounts.size() == 1) {
      return accounts.get(0);
    }
    List<String> ids = accounts.stream().map(Account::id).toList();
    throw new InvalidInputException(
        accounts.size()
            + " connected accounts reach '"
            + target.organization()
            + "' ("
            + String.join(", ", ids)
            + "); Git needs to know which one to use.",
        NextStep.bindGitAccount(target.organization(), ids));
  }

  private static AuthenticationException refusedPat(Account account, String organization) {
    return new AuthenticationException(
        "Azure DevOps refused the Personal Access Token of account "
            + account.id()
            + " for '"
            + organization
            + "': it expired or was revoked.",
        NextStep.reconnect(account.id(), ConnectionMethod.PAT.wireName())
            .withAdvice("Create a new token with Code (Read) and connect the organization again."));
  }

  /** The password in an {@code Authorization} header value: a Bearer token or Basic's password. */
  private static Secret passwordOf(Secret authorization) {
    String header = authorization.reveal();
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Secret.of(header.substring(7).trim());
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String pair =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      return Secret.of(pair.substring(pair.indexOf(':') + 1));
    }
    throw new IllegalStateException("unexpected authorization scheme");
  }

  private static URI withoutTrailingSlash(URI uri) {
    return URI.create(stripSlash(uri.toString()));
  }

  private static String stripSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
