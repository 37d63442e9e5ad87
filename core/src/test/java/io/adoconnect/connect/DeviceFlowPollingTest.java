package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device code flows polled by many callers at once (threads here, over two store connections as two
 * processes or service instances would), and the flows the store keeps.
 */
class DeviceFlowPollingTest {
  private static final int POLLERS = 10;
  private static final int TRIALS = 6;

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
  void tenConcurrentPollsAfterApprovalAskEntraOnceAndEndAuthorized() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(POLLERS);
    try (AdoConnect one = kit.open();
        AdoConnect other = kit.open()) {
      for (int trial = 1; trial <= TRIALS; trial++) {
        DeviceFlowView started = one.startDevice();
        kit.sim.approve(started.userCode());
        kit.clock.advance(Duration.ofSeconds(5)); // RFC 8628's default interval
        long before = kit.tokenRequests();

        CountDownLatch go = new CountDownLatch(1);
        List<Future<DeviceFlowView>> polls = new ArrayList<>();
        for (int i = 0; i < POLLERS; i++) {
          AdoConnect ado = i % 2 == 0 ? one : other;
          polls.add(
              pool.submit(
                  () -> {
                    go.await();
                    return ado.pollDevice(started.flowId());
                  }));
        }
        go.countDown();
        List<String> states = new ArrayList<>();
        for (Future<DeviceFlowView> poll : polls) {
          states.add(poll.get(60, TimeUnit.SECONDS).state());
        }

        assertThat(kit.tokenRequests() - before).as("trial %d: token requests", trial).isOne();
        assertThat(states).as("trial %d", trial).contains("authorized").doesNotContain("expired");
        assertThat(states).allMatch(s -> s.equals("authorized") || s.equals("pending"));
        DeviceFlowView after = other.pollDevice(started.flowId());
        assertThat(after.state()).as("trial %d: stored state", trial).isEqualTo("authorized");
        assertThat(after.account()).isNotNull();
        // a later poll of a finished flow asks nobody
        assertThat(kit.tokenRequests() - before).isOne();
      }
      assertThat(one.accounts()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFlowIsDeletedADayAfterItsCodeExpiredWhenTheNextOneStarts() {
    try (AdoConnect ado = kit.open()) {
      DeviceFlowView old = ado.startDevice();
      kit.clock.advance(Duration.ofSeconds(kit.sim.config().deviceCodeLifetimeSeconds()));
      DeviceFlowView recent = ado.startDevice();
      kit.clock.advance(Duration.ofDays(1).plusMinutes(1));

      DeviceFlowView next = ado.startDevice();

      try (Store store = Store.open(kit.dataDir)) {
        assertThat(store.deviceFlowIds()).containsExactly(recent.flowId(), next.flowId());
        assertThat(store.findDeviceFlow(old.flowId())).isEmpty();
      }
    }
  }
}
