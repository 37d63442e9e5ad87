package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.AuthenticationException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.AccountStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which account a URL Git asks about belongs to, and what a refused credential leads to. */
class GitCredentialsTest {
  @TempDir Path tmp;
  private Simulator sim;
  private AdoConnect ado;
  private String host;

  @BeforeEach
  void start() {
    sim = Simulator.start(SimulatorConfig.builder().orgs(2).build());
    ado =
        AdoConnect.open(
            EntraKit.settings(
                sim.baseUri(),
                tmp.resolve("data"),
                tmp.resolve("key"),
                RetryingTransport.standard(),
                new MutableClock()));
    host = sim.baseUri().getRawAuthority();
  }

  @AfterEach
  void stop() {
    ado.close();
    sim.close();
  }

  private GitCredentialQuery query(String path, String username) {
    return new GitCredentialQuery("http", host, path, username);
  }

  @Test
  void theOrganizationInThePathOrTheUserNamePicksThePat() {
    String pat = sim.config().pat();
    String id =
        ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(pat)).account().id();
    GitCredentials git = ado.gitCredentials();

    GitCredential byPath = git.get(query("org-001/Some Project/_git/repo", null)).orElseThrow();
    assertThat(byPath.password().reveal()).isEqualTo(pat);
    assertThat(byPath.accountId()).isEqualTo(id);
    // https://org-001@host with no path (Git without useHttpPath): the user name says it.
    assertThat(git.get(query(null, "org-001")).orElseThrow().username()).isEqualTo("org-001");
    // Not an Azure DevOps URL: not ours, Git asks its other helpers.
    assertThat(git.get(new GitCredentialQuery("https", "github.com", "a/b", null))).isEmpty();
    assertThatThrownBy(() -> git.get(query("org-002/p/_git/r", null)))
        .isInstanceOf(LocalNotFoundException.class)
        .satisfies(
            e ->
                assertThat(((LocalNotFoundException) e).nextStep().action())
                    .isEqualTo(NextStep.Action.CONNECT));
    assertThatThrownBy(() -> git.get(query(null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did not say which organization");
  }

  @Test
  void theServerCollectionIsMatchedBeforeServicesOnTheSameHost() {
    String pat = sim.config().pat();
    String server = sim.baseUri() + "/tfs";
    String id =
        ado.connectPat(PatTarget.server(server, "DefaultCollection"), Secret.of(pat))
            .account()
            .id();
    GitCredential credential =
        ado.gitCredentials().get(query("tfs/defaultcollection/P/_git/r", null)).orElseThrow();
    assertThat(credential.accountId()).isEqualTo(id);
    assertThat(ado.gitCredentials().hosts()).contains(sim.baseUri(), java.net.URI.create(server));
  }

  @Test
  void sourcesOnlyAnswersForTheSourcesInEveryUrlFormAndRefusesTheRest() {
    String pat = sim.config().pat();
    ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(pat));
    ado.connectPat(PatTarget.server(sim.baseUri() + "/tfs", "DefaultCollection"), Secret.of(pat));
    List<io.adoconnect.simulator.data.Repository> services =
        sim.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(io.adoconnect.simulator.data.Repository::cloneable)
            .limit(2)
            .toList();
    var onServer =
        sim.dataset().serverCollection().repositories().stream()
            .filter(io.adoconnect.simulator.data.Repository::cloneable)
            .findFirst()
            .orElseThrow();
    var source = services.get(0);
    var other = services.get(1);
    ado.addSource(new RepositoryRef("org-001", source.project().name(), source.name(), null));
    ado.addSource(
        new RepositoryRef("DefaultCollection", onServer.project().name(), onServer.name(), null));
    GitCredentials git = ado.gitCredentials().sourcesOnly(true);
    String project = source.project().name();

    for (GitCredentialQuery allowed :
        List.of(
            query("org-001/" + project + "/_git/" + source.name(), null),
            query(
                "ORG-001/" + project.toUpperCase(java.util.Locale.ROOT) + "/_git/" + source.name(),
                null),
            query("org-001/" + project + "/_git/" + source.name() + "/info/refs", "org-001"),
            query(
                "tfs/DefaultCollection/" + onServer.project().name() + "/_git/" + onServer.name(),
                null))) {
      assertThat(git.get(allowed)).as(allowed.url()).isPresent();
    }
    for (GitCredentialQuery refused :
        List.of(
            query("org-001/" + other.project().name() + "/_git/" + other.name(), null),
            query("org-001/" + project + "/_git/" + source.name() + "-not", null),
            query("org-001/" + project, null),
            query(
                "tfs/DefaultCollection/"
                    + onServer.project().name()
                    + "/_git/"
                    + onServer.name()
                    + "x",
                null))) {
      assertThatThrownBy(() -> git.get(refused))
          .as(refused.url())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("is not a source")
          .satisfies(
              e ->
                  assertThat(((InvalidInputException) e).nextStep().action())
                      .isEqualTo(NextStep.Action.LIST_SOURCES));
    }
    // Not asked for: every repository the account reaches.
    assertThat(
            ado.gitCredentials()
                .get(query("org-001/" + other.project().name() + "/_git/" + other.name(), null)))
        .isPresent();
  }

  @Test
  void aRefusedPatIsReportedAndTheNextGetStopsWithTheSameHint() {
    String pat = "revocable-pat-0123456789abcdefghijklmnopqrstuvwxyz0";
    sim.addPat(pat);
    String id =
        ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(pat)).account().id();
    GitCredentials git = ado.gitCredentials();
    GitCredentialQuery url = query("org-001/p/_git/r", null);
    // Erasing a password the helper never handed out changes nothing.
    assertThat(git.erase(url, Secret.of("someone-else's")))
        .isEqualTo(GitCredentials.Erased.NOT_OURS);
    // Refused for this repository only: the PAT still works for the organization.
    assertThat(git.erase(url, Secret.of(pat))).isEqualTo(GitCredentials.Erased.STILL_VALID);

    sim.revokePat(pat);
    assertThatThrownBy(() -> git.erase(url, Secret.of(pat)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("refused the Personal Access Token of account " + id);
    assertThat(ado.account(id).status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
    assertThatThrownBy(() -> git.get(url))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(
            e ->
                assertThat(((AuthenticationException) e).nextStep().action())
                    .isEqualTo(NextStep.Action.RECONNECT));
  }

  @Test
  void twoAccountsOnOneOrganizationNeedABinding() {
    String pat = sim.config().pat();
    String second = "second-pat-0123456789abcdefghijklmnopqrstuvwxyz0123";
    sim.addPat(second);
    String first =
        ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(pat)).account().id();
    String other =
        ado.connectPat(PatTarget.services(List.of("org-001", "org-002")), Secret.of(second))
            .account()
            .id();
    GitCredentials git = ado.gitCredentials();
    GitCredentialQuery url = query("org-001/p/_git/r", null);
    assertThatThrownBy(() -> git.get(url))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).nextStep().action())
                    .isEqualTo(NextStep.Action.BIND_GIT_ACCOUNT));
    git.bind("ORG-001", other);
    assertThat(git.get(url).orElseThrow().password().reveal()).isEqualTo(second);
    assertThat(git.get(query("org-002/p/_git/r", null)).orElseThrow().accountId()).isEqualTo(other);
    assertThatThrownBy(() -> git.bind("org-002", first)).isInstanceOf(InvalidInputException.class);
    assertThat(git.unbind("org-001")).isEqualTo(1);
    assertThatThrownBy(() -> git.get(url)).isInstanceOf(InvalidInputException.class);
  }
}
