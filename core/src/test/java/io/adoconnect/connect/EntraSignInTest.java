package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adoconnect.NextStep;
import io.adoconnect.OrganizationNotSupportedException;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.entra.EntraUser;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.ConnectionMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device code sign-in through {@link AdoConnect}, against the simulated Entra ID and Azure DevOps.
 */
class EntraSignInTest {
  @TempDir Path tmp;
  private EntraKit kit;

  @BeforeEach
  void start() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  @Test
  void deviceSignInSavesTheAccountAndListsRepositoriesAcrossTenants() {
    try (AdoConnect ado = kit.open()) {
      Instant before = kit.clock.instant().truncatedTo(ChronoUnit.MILLIS);
      DeviceFlowView started = ado.startDevice();
      assertThat(started.state()).isEqualTo("pending");
      assertThat(started.userCode()).isEqualTo(kit.sim.lastUserCode());
      assertThat(started.account()).isNull();

      DeviceFlowView pending = ado.pollDevice(started.flowId());
      assertThat(pending.state()).isEqualTo("pending");
      assertThat(ado.accounts()).isEmpty();

      kit.sim.approve(started.userCode());
      // an interval of 0 counts as none: RFC 8628's 5 s apply between polls
      assertThat(ado.pollDevice(started.flowId()).state()).isEqualTo("pending");
      kit.clock.advance(Duration.ofSeconds(5));
      DeviceFlowView done = ado.pollDevice(started.flowId());

      assertThat(done.state()).isEqualTo("authorized");
      EntraUser user = kit.sim.entra().defaultUser();
      Account account = done.account();
      assertThat(account).isNotNull();
      assertThat(ado.accounts()).containsExactly(account);
      assertThat(account.method()).isEqualTo(ConnectionMethod.DEVICE_CODE);
      assertThat(account.host()).isEqualTo(Account.SERVICES);
      assertThat(account.displayName()).isEqualTo(user.displayName());
      // the e-mail-like sign-in name: preferred_username wins over the email claim
      // (IdTokenClaims.emailAddress)
      assertThat(account.email()).isEqualTo(user.userPrincipalName());
      assertThat(account.tenantId()).isEqualTo(kit.homeTenant());
      assertThat(account.scope()).contains("user_impersonation");
      assertThat(account.connectedAt()).isBetween(before, kit.clock.instant());
      assertThat(account.expiresAt())
          .isCloseTo(account.connectedAt().plusSeconds(3600), within(5, ChronoUnit.SECONDS));
      assertThat(account.organizations()).containsExactly("org-001", "org-002", "org-003");
      assertThat(account.status()).isEqualTo(AccountStatus.CONNECTED);
      // a final state answers from the store, without asking Entra again
      long polls = kit.tokenRequests();
      assertThat(ado.pollDevice(started.flowId()).state()).isEqualTo("authorized");
      assertThat(kit.tokenRequests()).isEqualTo(polls);

      kit.sim.resetCounts();
      RepositoryListing listing =
          ado.repositories(Optional.empty(), Optional.empty(), DiscoveryListener.NONE);

      assertThat(listing.repositories())
          .extracting(DiscoveredRepository::organization)
          .contains("org-001", "org-002")
          .doesNotContain("org-003");
      assertThat(listing.repositories())
          .hasSize(expectedRepositories("org-001") + expectedRepositories("org-002"));
      // org-002 is in the second tenant, where the user is a guest: a token minted there
      assertThat(kit.sim.requestCount(EntraKit.tokenPath(kit.secondTenant()))).isEqualTo(1);
      assertThat(kit.sim.requestCount(EntraKit.tokenPath(kit.homeTenant()))).isZero();
      assertThat(listing.failures())
          .singleElement()
          .satisfies(
              failure -> {
                assertThat(failure.organization()).isEqualTo("org-003");
                assertThat(failure.error()).isInstanceOf(OrganizationNotSupportedException.class);
                assertThat(failure.error().getMessage())
                    .contains("org-003")
                    .contains("personal Microsoft accounts");
                assertThat(failure.error().hint()).contains("Personal Access Token");
                assertThat(failure.error().nextStep())
                    .satisfies(
                        step -> {
                          assertThat(step.action()).isEqualTo(NextStep.Action.CONNECT);
                          assertThat(step.parameter("organization")).isEqualTo("org-003");
                        });
              });
      assertThat(ado.account(account.id()).status()).isEqualTo(AccountStatus.CONNECTED);
    }
  }

  @Test
  void testingTheAccountChecksEachReachableOrganizationAndSaysWhyOneIsSkipped() {
    try (AdoConnect ado = kit.open()) {
      Account account = kit.signIn(ado);

      List<ConnectionCheck> checks = ado.test(account.id());

      assertThat(checks)
          .extracting(ConnectionCheck::organization)
          .containsExactly("org-001", "org-002", "org-003");
      assertThat(checks.subList(0, 2))
          .allSatisfy(
              c -> {
                assertThat(c.skipped()).isNull();
                assertThat(c.repositories()).isPositive();
              });
      assertThat(checks.get(2).skipped())
          .contains("personal Microsoft accounts")
          .contains("Personal Access Token")
          .doesNotContain("--org");
    }
  }

  @Test
  void aFlowStartedBeforeARestartIsFinishedByTheNextProcess() {
    DeviceFlowView started;
    try (AdoConnect first = kit.open()) {
      started = first.startDevice();
      assertThat(first.pollDevice(started.flowId()).state()).isEqualTo("pending");
    }
    kit.sim.approve(started.userCode());

    kit.clock.advance(Duration.ofSeconds(5));
    try (AdoConnect second = kit.open()) {
      assertThat(second.resumableDevice())
          .hasValueSatisfying(view -> assertThat(view.flowId()).isEqualTo(started.flowId()));
      DeviceFlowView done = second.pollDevice(started.flowId());

      assertThat(done.state()).isEqualTo("authorized");
      assertThat(done.account()).isNotNull();
      assertThat(second.accounts()).containsExactly(done.account());
      assertThat(second.resumableDevice()).isEmpty();
    }
  }

  private int expectedRepositories(String organization) {
    return (int)
        kit.sim.dataset().organization(organization).orElseThrow().repositories().stream()
            .filter(io.adoconnect.simulator.data.Repository::cloneable)
            .count();
  }
}
