package io.adoconnect.auth.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.ConditionalAccessException;
import io.adoconnect.NextStep;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device code flow against the simulated Entra ID, one state at a time (RFC 8628 §3.5). */
class DeviceCodeFlowTest {
  private Simulator simulator;
  private DeviceCodeFlow flow;

  @BeforeEach
  void start() {
    simulator = Simulator.start(SimulatorConfig.builder().deviceCodeIntervalSeconds(0).build());
    EntraSettings settings =
        EntraSettings.fromEnvironment(
            AzureDevOpsEndpoints.allAt(simulator.baseUri()).login(), Map.of());
    flow = new DeviceCodeFlow(settings, RetryingTransport.standard(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void pendingUntilApprovedThenAuthorizedWithVerifiedClaims() {
    DeviceFlowSession session = flow.start();
    assertThat(session.userCode()).isEqualTo(simulator.lastUserCode());
    assertThat(session.verificationUri().toString()).endsWith("/devicelogin");
    assertThat(session.toString()).doesNotContain(session.deviceCode().reveal());

    assertThat(flow.poll(session).state()).isEqualTo(DeviceFlowState.PENDING);
    simulator.approve(session.userCode());
    PollResult done = flow.poll(session);

    assertThat(done.state()).isEqualTo(DeviceFlowState.AUTHORIZED);
    IdTokenClaims claims = done.tokens().claims();
    assertThat(claims.name()).isEqualTo(simulator.entra().defaultUser().displayName());
    assertThat(claims.tenantId()).isEqualTo(simulator.entra().homeTenant().id().toString());
    assertThat(done.tokens().refreshToken()).isNotNull();
    assertThat(done.tokens().scope()).contains("user_impersonation");
  }

  @Test
  void slowDownAddsFiveSecondsForTheRestOfTheFlow() {
    DeviceFlowSession session = flow.start();
    simulator.slowDownNext(session.userCode());

    PollResult slowed = flow.poll(session);

    assertThat(slowed.state()).isEqualTo(DeviceFlowState.SLOW_DOWN);
    assertThat(slowed.session().interval()).isEqualTo(session.interval().plusSeconds(5));
    assertThat(flow.poll(slowed.session()).session().interval())
        .isEqualTo(slowed.session().interval());
  }

  @Test
  void declinedAndExpiredAreFinal() {
    DeviceFlowSession declined = flow.start();
    simulator.decline(declined.userCode());
    assertThat(flow.poll(declined).state()).isEqualTo(DeviceFlowState.DENIED);

    DeviceFlowSession expired = flow.start();
    simulator.expire(expired.userCode());
    assertThat(flow.poll(expired).state()).isEqualTo(DeviceFlowState.EXPIRED);
  }

  @Test
  void aDeviceCodeTheProviderNoLongerAcceptsEndsTheFlowAsExpired() {
    DeviceFlowSession session = flow.start();
    simulator.approve(session.userCode());
    assertThat(flow.poll(session).state()).isEqualTo(DeviceFlowState.AUTHORIZED);

    // redeemed once already: invalid_grant, which ends this flow rather than a saved session
    assertThat(flow.poll(session).state()).isEqualTo(DeviceFlowState.EXPIRED);
  }

  @Test
  void awaitReportsEachStateChangeAndStopsAtTheFinalOne() {
    DeviceFlowSession session = flow.start();
    List<DeviceFlowState> seen = new ArrayList<>();
    int[] polls = {0};

    PollResult result =
        flow.await(
            session,
            seen::add,
            () -> false,
            wait -> {
              if (++polls[0] == 2) {
                simulator.approve(session.userCode());
              }
            });

    assertThat(result.state()).isEqualTo(DeviceFlowState.AUTHORIZED);
    assertThat(seen).containsExactly(DeviceFlowState.AUTHORIZED);
    assertThat(flow.await(flow.start(), seen::add, () -> true, w -> {})).isNull();
  }

  @Test
  void conditionalAccessBlockingTheDeviceFlowIsItsOwnError() {
    simulator.blockDeviceCodeFlow(simulator.entra().homeTenant().id().toString(), true);
    DeviceFlowSession session = flow.start();
    simulator.approve(session.userCode());

    assertThatThrownBy(() -> flow.poll(session))
        .isInstanceOf(ConditionalAccessException.class)
        .satisfies(
            e ->
                assertThat(((ConditionalAccessException) e).nextStep().action())
                    .isEqualTo(NextStep.Action.CONNECT_BROWSER));
  }

  @Test
  void aCodePastItsDeadlineIsExpiredWithoutAsking() {
    DeviceFlowSession session = flow.start();
    DeviceFlowSession late =
        new DeviceFlowSession(
            session.deviceCode(),
            session.userCode(),
            session.verificationUri(),
            session.message(),
            java.time.Instant.now().minusSeconds(1),
            Duration.ofSeconds(5),
            session.tenant());
    simulator.resetCounts();

    assertThat(flow.poll(late).state()).isEqualTo(DeviceFlowState.EXPIRED);
    assertThat(simulator.requestCount()).isZero();
  }
}
