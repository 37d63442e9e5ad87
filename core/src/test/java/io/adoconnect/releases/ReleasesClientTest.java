package io.adoconnect.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.NotFoundException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReleasesClient} and {@link ProjectReleases} against the simulator, on the release host:
 * the organization's {@code devops} URL points nowhere, so only calls to {@code vsrm} can succeed.
 */
class ReleasesClientTest {
  private static final int STAGE_SECONDS = 30;
  private static Simulator simulator;
  private static Organization services;
  private static Organization server;
  private static ReleasesClient releases;
  private static AzureDevOpsHttp http;
  private static AzureDevOpsEndpoints endpoints;
  private static final List<ApiRequest> sent = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    simulator =
        Simulator.start(
            SimulatorConfig.builder().orgs(1).releaseStageSeconds(STAGE_SECONDS).build());
    URI base = simulator.baseUri();
    endpoints = new AzureDevOpsEndpoints(URI.create("http://127.0.0.1:9"), base, base, base);
    services = Organization.services(endpoints, "org-001");
    server =
        Organization.server(
            URI.create(base + "/tfs"), "DefaultCollection", new ApiVersion(6, 0, null));
    HttpTransport standard = RetryingTransport.standard();
    HttpTransport recording =
        request -> {
          sent.add(request);
          return standard.send(request);
        };
    http =
        new AzureDevOpsHttp(
            recording, PatCredential.of(Secret.of(simulator.config().pat()), false));
    releases = new ReleasesClient(http, endpoints);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void clear() {
    sent.clear();
  }

  private static Repository repository(int index) {
    return simulator.dataset().organizations().get(0).repositories().get(index);
  }

  @Test
  void theReleaseHostIsVsrmOnServicesAndTheCollectionOnServer() {
    AzureDevOpsEndpoints cloud = AzureDevOpsEndpoints.PUBLIC_CLOUD;
    assertThat(Organization.services(cloud, "fabrikam").releaseBaseUrl(cloud))
        .isEqualTo(URI.create("https://vsrm.dev.azure.com/fabrikam"));
    Organization onPrem =
        Organization.server(
            URI.create("https://tfs.example.com/tfs"),
            "DefaultCollection",
            new ApiVersion(6, 0, null));
    assertThat(onPrem.releaseBaseUrl(cloud))
        .isEqualTo(URI.create("https://tfs.example.com/tfs/DefaultCollection"));
  }

  @Test
  void definitionsComeWithTheirStagesAndAreFoundByIdOrName() {
    Repository repo = repository(0);
    List<ReleaseDefinition> definitions =
        releases.definitions(services, repo.project().name()).toList();

    assertThat(definitions).extracting(ReleaseDefinition::name).contains(repo.name() + "-Release");
    assertThat(definitions.get(0).environments())
        .extracting(ReleaseEnvironment::name)
        .containsExactly("Dev", "Staging", "Production");
    ProjectReleases inProject = inProject(services, repo.project().name(), w -> {});
    ReleaseDefinition byName = inProject.definition(repo.name().toUpperCase() + "-release");
    assertThat(inProject.definition(Integer.toString(byName.id()))).isEqualTo(byName);
    assertThat(sent)
        .allMatch(r -> r.uri().toString().startsWith(simulator.baseUri() + "/org-001/"));
  }

  @Test
  void anUnknownDefinitionNamesTheProjectAndListsTheDefinitionsThatExist() {
    Repository repo = repository(0);
    String project = repo.project().name();
    assertThatThrownBy(() -> inProject(services, project, w -> {}).definition("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("No release definition in org-001/" + project + " is named 'nope'")
        .hasMessageContaining("these exist: " + repo.name() + "-Release (id ")
        .satisfies(e -> assertThat(((NotFoundException) e).hint()).doesNotContain("ado-connect"));
    assertThatThrownBy(() -> inProject(services, project, w -> {}).definition("4242"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("has the id 4242");
    assertThatThrownBy(() -> releases.create(services, project, NewRelease.of(9999, null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("9999");
  }

  @Test
  void aCreatedReleaseIsFollowedStageByStageUntilItFinishes() {
    Repository repo = repository(1);
    String project = repo.project().name();
    ReleaseDefinition definition =
        inProject(services, project, w -> {}).definition(repo.name() + "-Release");

    Release created = releases.create(services, project, NewRelease.of(definition.id(), "nightly"));
    assertThat(created.description()).isEqualTo("nightly");
    assertThat(created.environments())
        .extracting(ReleaseEnvironment::status)
        .containsExactly("inProgress", "notStarted", "notStarted");

    List<String> seen = new ArrayList<>();
    // Instead of waiting, the poller moves the simulator's release clock by each wait.
    Release done =
        inProject(services, project, simulator::advanceReleases)
            .await(
                created.id(),
                Duration.ofHours(1),
                r ->
                    seen.add(
                        r.environments().stream()
                            .map(ReleaseEnvironment::status)
                            .toList()
                            .toString()));

    assertThat(done.succeeded()).isTrue();
    assertThat(seen)
        .containsExactly(
            "[inProgress, notStarted, notStarted]",
            "[succeeded, inProgress, notStarted]",
            "[succeeded, succeeded, inProgress]",
            "[succeeded, succeeded, succeeded]");
    assertThat(releases.get(services, project, created.id()).webUrl())
        .contains("releaseId=" + created.id());
  }

  @Test
  void theServerCollectionListsReleasesNewestFirstAcrossPages() {
    Repository repo = simulator.dataset().serverCollection().repositories().get(0);
    String project = repo.project().name();
    int definition = inProject(server, project, w -> {}).definition(repo.name() + "-Release").id();
    for (int i = 0; i < 3; i++) {
      releases.create(server, project, NewRelease.of(definition, "r" + i));
    }
    sent.clear();

    List<Release> all = releases.list(server, project, Optional.of(definition), 2).toList();

    assertThat(all).extracting(Release::description).containsExactly("r2", "r1", "r0");
    assertThat(all.get(0).environments()).hasSize(3);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).uri().toString())
        .startsWith(simulator.baseUri() + "/tfs/DefaultCollection/")
        .contains("api-version=6.0");
    assertThatThrownBy(() -> releases.get(server, project, 4242))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Release 4242");
  }

  private static ProjectReleases inProject(
      Organization org, String project, io.adoconnect.http.Sleeper sleeper) {
    return new ProjectReleases(
        new ProjectScope(http, org, project),
        endpoints,
        new io.adoconnect.http.Poller(sleeper, java.time.Clock.systemUTC()));
  }
}
