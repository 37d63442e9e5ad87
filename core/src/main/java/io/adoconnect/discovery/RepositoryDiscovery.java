package io.adoconnect.discovery;

import io.adoconnect.AdoConnectException;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.UnsupportedApiVersionException;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.organizations.MemberAccount;
import io.adoconnect.organizations.OrganizationsClient;
import io.adoconnect.projects.Project;
import io.adoconnect.projects.ProjectsClient;
import io.adoconnect.repositories.RepositoriesClient;
import io.adoconnect.repositories.Repository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every cloneable Git repository a user can reach, across organizations.
 *
 * <p>Cost grows with organizations, not projects: each organization is one org-level repository
 * listing ({@code GET {org}/_apis/git/repositories}), and organizations are searched in parallel
 * under a bound. Walking projects one by one — what most tools do — is kept only as a fallback for
 * an organization whose org-level listing is refused. An organization that fails is reported in the
 * result instead of failing the others.
 *
 * <pre>{@code
 * var discovery = new RepositoryDiscovery(endpoints, org -> http, 16);
 * DiscoveryResult result = discovery.discover(discovery.organizations(DiscoveryScope.saved(orgs), http), DiscoveryListener.NONE);
 * }</pre>
 */
public final class RepositoryDiscovery {
  private static final Logger log = LoggerFactory.getLogger(RepositoryDiscovery.class);

  /**
   * Organizations searched at once. Each costs one request, so this bounds concurrent requests, not
   * load per organization; at 32, accounts with up to 32 organizations finish in one wave.
   */
  public static final int DEFAULT_PARALLELISM = 32;

  private final AzureDevOpsEndpoints endpoints;
  private final Function<Organization, AzureDevOpsHttp> access;
  private final int parallelism;

  /**
   * @param access the HTTP client to use for each organization (an Entra account may need a token
   *     per tenant)
   */
  public RepositoryDiscovery(
      AzureDevOpsEndpoints endpoints,
      Function<Organization, AzureDevOpsHttp> access,
      int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.endpoints = endpoints;
    this.access = access;
    this.parallelism = parallelism;
  }

  /**
   * The organizations a scope resolves to: the named one, else the saved ones, else the ones the
   * profile lists (asked with {@code profileAccess}, the account's client for the vssps host).
   */
  public List<Organization> organizations(DiscoveryScope scope, AzureDevOpsHttp profileAccess) {
    if (scope.organization().isPresent()) {
      String name = scope.organization().get();
      return List.of(
          scope.saved().stream()
              .filter(org -> org.name().equalsIgnoreCase(name))
              .findFirst()
              .orElseGet(() -> Organization.services(endpoints, name)));
    }
    if (!scope.saved().isEmpty()) {
      return scope.saved();
    }
    OrganizationsClient profile = new OrganizationsClient(profileAccess, endpoints);
    List<Organization> found = new ArrayList<>();
    for (MemberAccount account : profile.accounts(profile.me().id())) {
      found.add(Organization.services(endpoints, account.accountName()));
    }
    return found;
  }

  public DiscoveryResult discover(List<Organization> organizations, DiscoveryListener listener) {
    List<DiscoveredRepository> repositories = new ArrayList<>();
    List<DiscoveryResult.Failure> failures =
        discover(organizations, listener, (org, found) -> repositories.addAll(found));
    return new DiscoveryResult(repositories, failures);
  }

  /**
   * Searches the organizations and hands their repositories to {@code sink} one organization at a
   * time, in {@link DiscoveredRepository#ORDER}. Memory is bounded by organizations, not by the
   * whole listing: only the {@code parallelism} organizations after the next one to hand over are
   * searched ahead, so at most that many listings are held while a slow one is awaited.
   *
   * @return the organizations that could not be searched, by name
   */
  public List<DiscoveryResult.Failure> discover(
      List<Organization> organizations, DiscoveryListener listener, OrganizationSink sink) {
    listener.started(organizations.stream().map(Organization::name).toList());
    if (organizations.isEmpty()) {
      return List.of();
    }
    List<Organization> ordered = new ArrayList<>(organizations);
    ordered.sort(Comparator.comparing(org -> fold(org.name())));
    int total = ordered.size();
    // Counting and reporting under one lock, so the listener sees done = 1, 2, … total in order:
    // two workers finishing together must not report 20 before 19.
    Object progress = new Object();
    int[] done = {0};
    List<DiscoveryResult.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    List<Future<List<DiscoveredRepository>>> work = new ArrayList<>(total);
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallelism, total), daemonThreads());
    try {
      int submitted = 0;
      int first = 0;
      while (first < total) {
        // One group: the organizations named alike (after folding case), handed over together.
        int end = first + 1;
        while (end < total
            && fold(ordered.get(end).name()).equals(fold(ordered.get(first).name()))) {
          end++;
        }
        while (submitted < total && (submitted < end || submitted - first < parallelism)) {
          Organization org = ordered.get(submitted++);
          work.add(
              pool.submit(
                  () -> {
                    try {
                      List<DiscoveredRepository> found = search(org);
                      synchronized (progress) {
                        listener.organizationDone(org.name(), found.size(), ++done[0], total);
                      }
                      return found;
                    } catch (AdoConnectException e) {
                      failures.add(new DiscoveryResult.Failure(org.name(), e));
                      synchronized (progress) {
                        listener.organizationFailed(org.name(), e, ++done[0], total);
                      }
                      return List.of();
                    }
                  }));
        }
        List<DiscoveredRepository> group = new ArrayList<>();
        for (int i = first; i < end; i++) {
          group.addAll(work.get(i).get());
          work.set(i, null); // handed over: not held any longer
        }
        sink.accept(ordered.get(first).name(), DiscoveredRepository.sort(group));
        first = end;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdoConnectException("Discovery was interrupted.", io.adoconnect.NextStep.NONE, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<DiscoveryResult.Failure> failed = new ArrayList<>(failures);
    failed.sort((a, b) -> a.organization().compareToIgnoreCase(b.organization()));
    return failed;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private List<DiscoveredRepository> search(Organization org) {
    AzureDevOpsHttp http = access.apply(org);
    List<Repository> listed;
    try {
      listed = new RepositoriesClient(http).listAll(org);
    } catch (AzureDevOpsApiException e) {
      if (!orgLevelRefused(e)) {
        throw e;
      }
      log.debug(
          "org-level repository listing of {} failed ({}); listing project by project",
          org.name(),
          e.getMessage());
      listed = perProject(http, org);
    }
    return listed.stream()
        .filter(Repository::cloneable)
        .map(repo -> toDiscovered(org, repo))
        .toList();
  }

  /**
   * Whether only the org-level listing was refused (a policy or an old server), so listing project
   * by project may still work. Credentials, throttling and outages are not that.
   */
  private static boolean orgLevelRefused(AzureDevOpsApiException e) {
    return (e.status() == 403 || e.status() == 404 || e.status() == 400)
        && !(e instanceof UnsupportedApiVersionException);
  }

  private static List<Repository> perProject(AzureDevOpsHttp http, Organization org) {
    RepositoriesClient repos = new RepositoriesClient(http);
    List<Repository> all = new ArrayList<>();
    for (Project project : new ProjectsClient(http).list(org)) {
      all.addAll(repos.list(org, project.id()));
    }
    return all;
  }

  private static DiscoveredRepository toDiscovered(Organization org, Repository repo) {
    return new DiscoveredRepository(
        org.name(),
        repo.project() == null ? "" : repo.project().name(),
        repo.name(),
        repo.id(),
        repo.defaultBranch(),
        repo.webUrl(),
        repo.sshUrl(),
        repo.remoteUrl(),
        repo.size() == null ? 0 : repo.size(),
        org.baseUrl().toString(),
        null);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "ado-connect-discovery-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
