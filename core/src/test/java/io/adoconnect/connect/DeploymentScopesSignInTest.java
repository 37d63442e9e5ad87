package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.entra.EntraSettings;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.pullrequests.NewPullRequest;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.store.Account;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment that asks for granular scopes: the sign-in keeps what the token was granted, and an
 * operation outside it is refused before anything is sent, naming the scope.
 */
class DeploymentScopesSignInTest {
  @TempDir Path tmp;
  private EntraKit kit;
  private RepositoryRef repository;

  @BeforeEach
  void start() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
    Repository repo =
        kit.sim.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(Repository::cloneable)
            .findFirst()
            .orElseThrow();
    repository = RepositoryRef.of("org-001", repo.project().name(), repo.name());
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  private AdoConnect open(String scopes) {
    ConnectSettings s = kit.settings;
    return AdoConnect.open(
        new ConnectSettings(
            s.dataDir(),
            s.endpoints(),
            EntraSettings.fromEnvironment(
                kit.sim.baseUri(), Map.of("ADO_CONNECT_ENTRA_SCOPES", scopes)),
            s.keySource(),
            s.transport(),
            s.clock(),
            s.parallelism(),
            s.retention(),
            s.sleeper(),
            s.store()));
  }

  @Test
  void anOperationOutsideTheGrantedScopesIsRefusedBeforeAnyCallNamingTheScope() {
    try (AdoConnect ado = open("vso.code vso.work_write")) {
      Account account = kit.signIn(ado);
      assertThat(account.scope()).isEqualTo("vso.code vso.work_write vso.profile");
      assertThat(
              ado.repositories(Optional.empty(), Optional.of("org-001"), DiscoveryListener.NONE)
                  .repositories())
          .isNotEmpty();
      RepositoryHandle repo = ado.repository(repository);
      ProjectHandle project = repo.project();
      assertThat(repo.git().branches().toList()).isNotEmpty();

      kit.sim.resetCounts();
      assertThatThrownBy(() -> project.builds().list(null, null, 5))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("vso.build")
          .hasMessageContaining("nothing was sent")
          .satisfies(
              e -> {
                NextStep step = ((AccessDeniedException) e).nextStep();
                assertThat(step.action()).isEqualTo(NextStep.Action.ADD_SCOPE);
                assertThat(step.parameter("scope")).isEqualTo("vso.build");
                assertThat(step.parameter("scopeName")).isEqualTo("Build (Read)");
                assertThat(step.parameter("accountId")).isEqualTo(account.id());
                assertThat(step.parameter("method")).isEqualTo("device_code");
                assertThat(step.advice()).contains("ADO_CONNECT_ENTRA_SCOPES");
              });
      assertThatThrownBy(
              () -> repo.pullRequests().create(new NewPullRequest("feature/x", "main", "X")))
          .isInstanceOf(AccessDeniedException.class)
          .satisfies(
              e ->
                  assertThat(((AccessDeniedException) e).nextStep().parameter("scope"))
                      .isEqualTo("vso.code_write"));
      assertThat(kit.sim.requestCount()).isZero();
    }
  }

  @Test
  void aRenewedTokensGrantReplacesTheOneTheSignInKept() {
    String accountId;
    try (AdoConnect ado = open("vso.code vso.build")) {
      accountId = kit.signIn(ado).id();
      assertThat(ado.repository(repository).project().builds().list(null, null, 5)).isNotNull();
    }
    // the deployment narrows its scopes; the next renewal asks for those and gets them
    try (AdoConnect ado = open("vso.code")) {
      kit.sim.expireAccessTokens();
      kit.clock.advance(java.time.Duration.ofHours(2));
      RepositoryHandle repo = ado.repository(repository);
      assertThat(repo.git().branches().toList()).isNotEmpty();
      assertThat(ado.account(accountId).scope()).isEqualTo("vso.code vso.profile");

      kit.sim.resetCounts();
      assertThatThrownBy(() -> ado.repository(repository).project().builds().list(null, null, 5))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("vso.build");
      assertThat(kit.sim.requestCount()).isZero();
    }
  }

  @Test
  void userImpersonationAllowsEveryOperation() {
    try (AdoConnect ado = open("user_impersonation")) {
      Account account = kit.signIn(ado);
      assertThat(account.scope()).isEqualTo("user_impersonation");
      ProjectHandle project = ado.repository(repository).project();

      assertThat(project.builds().list(null, null, 5)).isNotNull();
      assertThat(project.releases().definitions()).isNotNull();
      assertThat(project.workItems().query("SELECT [System.Id] FROM WorkItems", List.of(), 1))
          .isNotNull();
    }
  }
}
