package io.adoconnect.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.RecordedRequest;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery against the simulator: what it finds, and which requests it took to find it. */
class RepositoryDiscoveryTest {
  private static Simulator simulator;
  private static AzureDevOpsEndpoints endpoints;
  private static AzureDevOpsHttp http;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.builder().orgs(4).projects(6).repos(4).build());
    endpoints = AzureDevOpsEndpoints.allAt(simulator.baseUri());
    http =
        new AzureDevOpsHttp(
            RetryingTransport.standard(),
            PatCredential.of(Secret.of(simulator.config().pat()), false));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.resetCounts();
  }

  private RepositoryDiscovery discovery() {
    return new RepositoryDiscovery(endpoints, org -> http, 4);
  }

  private DiscoveryResult discover(DiscoveryScope scope, DiscoveryListener listener) {
    RepositoryDiscovery discovery = discovery();
    return discovery.discover(discovery.organizations(scope, http), listener);
  }

  /** The expected answer, computed from the simulator's own data rather than hard-coded. */
  private static List<String> expectedPaths(List<Collection> orgs) {
    List<String> paths = new ArrayList<>();
    for (Collection org : orgs) {
      for (Repository repo : org.repositories()) {
        if (repo.cloneable()) {
          paths.add(org.name() + "/" + repo.project().name() + "/" + repo.name());
        }
      }
    }
    return paths;
  }

  @Test
  void profileDiscoveryFindsEveryCloneableRepositoryWithOneListingPerOrganization() {
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    DiscoveryResult result =
        discover(
            DiscoveryScope.saved(List.of()),
            new DiscoveryListener() {
              @Override
              public void organizationDone(
                  String organization, int repositories, int done, int total) {
                progress.add(organization + ":" + done + "/" + total);
              }
            });

    assertThat(result.failures()).isEmpty();
    assertThat(result.repositories())
        .extracting(DiscoveredRepository::path)
        .containsExactlyInAnyOrderElementsOf(expectedPaths(simulator.dataset().organizations()));
    assertThat(progress).hasSize(4).anyMatch(p -> p.endsWith("4/4"));
    // profile + accounts + one org-level listing per organization; no project walk
    assertThat(simulator.requestCount()).isEqualTo(2 + 4);
    assertThat(simulator.requestCount("/_apis/profile/profiles/me")).isEqualTo(1);
    for (Collection org : simulator.dataset().organizations()) {
      assertThat(simulator.requestCount("/" + org.name() + "/_apis/git/repositories")).isEqualTo(1);
    }
  }

  @Test
  void requestsCarryTheHeadersMicrosoftsClientsSendAndNoCredentialInTheUrl() {
    discovery()
        .discover(List.of(Organization.services(endpoints, "org-001")), DiscoveryListener.NONE);

    RecordedRequest request = simulator.requests().get(0);
    assertThat(request.header("Authorization")).contains("Basic");
    assertThat(request.header("X-TFS-FedAuthRedirect")).contains("Suppress");
    assertThat(request.header("Accept")).contains("application/json");
    assertThat(request.apiVersion()).contains("7.1");
    assertThat(request.rawQuery()).doesNotContain(simulator.config().pat());
  }

  @Test
  void resultsAreSortedCaseInsensitivelyByOrganizationProjectAndName() {
    List<DiscoveredRepository> found =
        discover(DiscoveryScope.saved(List.of()), DiscoveryListener.NONE).repositories();

    Comparator<DiscoveredRepository> expected =
        Comparator.comparing((DiscoveredRepository r) -> r.organization().toLowerCase(Locale.ROOT))
            .thenComparing(r -> r.project().toLowerCase(Locale.ROOT))
            .thenComparing(r -> r.name().toLowerCase(Locale.ROOT));
    assertThat(found).isSortedAccordingTo(expected);
    assertThat(found)
        .extracting(DiscoveredRepository::project)
        .anyMatch(p -> !p.equals(p.toLowerCase(Locale.ROOT)));
  }

  @Test
  void everyEntryCarriesTheFieldsUsersNeedToClone() {
    Collection org = simulator.dataset().organization("org-002").orElseThrow();
    List<DiscoveredRepository> found =
        discovery()
            .discover(List.of(Organization.services(endpoints, "org-002")), DiscoveryListener.NONE)
            .repositories();

    Repository sample =
        org.repositories().stream()
            .filter(r -> r.cloneable() && r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    DiscoveredRepository entry =
        found.stream().filter(r -> r.id().equals(sample.id().toString())).findFirst().orElseThrow();
    assertThat(entry.organization()).isEqualTo("org-002");
    assertThat(entry.project()).isEqualTo(sample.project().name());
    assertThat(entry.name()).isEqualTo(sample.name());
    assertThat(entry.defaultBranch()).isEqualTo(sample.defaultBranch());
    assertThat(entry.cloneUrl())
        .startsWith("http://org-002@127.0.0.1:" + simulator.port() + "/org-002/");
    assertThat(entry.webUrl()).startsWith("http://127.0.0.1:" + simulator.port() + "/org-002/");
    assertThat(entry.sshUrl()).isNotBlank();
    assertThat(entry.size()).isEqualTo(sample.size());
    assertThat(found)
        .noneMatch(
            r ->
                org.repositories().stream()
                    .anyMatch(x -> x.id().toString().equals(r.id()) && !x.cloneable()));
  }

  @Test
  void anExplicitOrganizationSkipsProfileDiscovery() {
    DiscoveryResult result =
        discover(new DiscoveryScope(Optional.of("org-003"), List.of()), DiscoveryListener.NONE);

    assertThat(result.repositories())
        .allMatch(r -> r.organization().equals("org-003"))
        .isNotEmpty();
    assertThat(simulator.requestCount("/_apis/profile/profiles/me")).isZero();
    assertThat(simulator.requestCount()).isEqualTo(1);
  }

  @Test
  void savedOrganizationsAreUsedBeforeTheProfile() {
    discover(
        DiscoveryScope.saved(List.of(Organization.services(endpoints, "org-001"))),
        DiscoveryListener.NONE);

    assertThat(simulator.requestCount("/_apis/profile/profiles/me")).isZero();
    assertThat(simulator.requestCount("/org-001/_apis/git/repositories")).isEqualTo(1);
  }

  @Test
  void fallsBackToProjectByProjectWhenTheOrgLevelListingIsRefused() {
    simulator.failNext("/org-001/_apis/git/repositories", 404, 1);

    DiscoveryResult result =
        discovery()
            .discover(List.of(Organization.services(endpoints, "org-001")), DiscoveryListener.NONE);

    assertThat(result.repositories())
        .extracting(DiscoveredRepository::path)
        .containsExactlyInAnyOrderElementsOf(
            expectedPaths(List.of(simulator.dataset().organization("org-001").orElseThrow())));
    assertThat(simulator.requestCount("/org-001/_apis/projects")).isEqualTo(1);
    assertThat(simulator.requests())
        .filteredOn(r -> r.path().matches("/org-001/[^_][^/]*/_apis/git/repositories"))
        .hasSize(6);
  }

  @Test
  void aFailingOrganizationIsReportedWithoutLosingTheOthers() {
    simulator.failNext("/org-002/_apis/git/repositories", 401, 1);

    DiscoveryResult result =
        discovery()
            .discover(
                List.of(
                    Organization.services(endpoints, "org-001"),
                    Organization.services(endpoints, "org-002")),
                DiscoveryListener.NONE);

    assertThat(result.repositories())
        .isNotEmpty()
        .allMatch(r -> r.organization().equals("org-001"));
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.organization()).isEqualTo("org-002");
              assertThat(f.error()).isInstanceOf(AccessDeniedException.class);
            });
  }

  @Test
  void transientServerErrorsAreRetried() {
    simulator.failNext("/org-001/_apis/git/repositories", 503, 2);

    DiscoveryResult result =
        discovery()
            .discover(List.of(Organization.services(endpoints, "org-001")), DiscoveryListener.NONE);

    assertThat(result.failures()).isEmpty();
    assertThat(simulator.requestCount("/org-001/_apis/git/repositories")).isEqualTo(3);
  }

  @Test
  void organizationsAreHandedOverInOrderWithAtMostTheParallelismSearchedAhead() throws Exception {
    // org-001 answers last: its search waits until org-002's is done. The sink must still get
    // org-001 first, and no more than 2 (the parallelism) organizations may have been searched
    // beyond those handed over: that is what bounds memory to a few organizations.
    CountDownLatch secondDone = new CountDownLatch(1);
    AtomicInteger searched = new AtomicInteger();
    RepositoryDiscovery discovery =
        new RepositoryDiscovery(
            endpoints,
            org -> {
              if (org.name().equals("org-001")) {
                try {
                  secondDone.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return http;
            },
            2);
    DiscoveryListener listener =
        new DiscoveryListener() {
          @Override
          public void organizationDone(String organization, int repositories, int done, int t) {
            searched.incrementAndGet();
            if (organization.equals("org-002")) {
              secondDone.countDown();
            }
          }
        };
    List<String> handedOver = new ArrayList<>();
    List<Integer> aheadAtHandOver = new ArrayList<>();
    List<DiscoveredRepository> all = new ArrayList<>();
    List<Organization> reversed =
        new ArrayList<>(discovery.organizations(DiscoveryScope.saved(List.of()), http));
    reversed.sort(Comparator.comparing(Organization::name).reversed());

    List<DiscoveryResult.Failure> failures =
        discovery.discover(
            reversed,
            listener,
            (org, found) -> {
              aheadAtHandOver.add(searched.get() - handedOver.size());
              handedOver.add(org);
              assertThat(found).allMatch(r -> r.organization().equals(org));
              all.addAll(found);
            });

    assertThat(failures).isEmpty();
    assertThat(handedOver).containsExactly("org-001", "org-002", "org-003", "org-004");
    assertThat(aheadAtHandOver).allMatch(ahead -> ahead <= 2);
    assertThat(all)
        .isSortedAccordingTo(DiscoveredRepository.ORDER)
        .extracting(DiscoveredRepository::path)
        .containsExactlyInAnyOrderElementsOf(expectedPaths(simulator.dataset().organizations()));
  }
}
