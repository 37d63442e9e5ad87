package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.WaitTimeoutException;
import io.adoconnect.auth.Secret;
import io.adoconnect.builds.Build;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.pipelines.PipelineRun;
import io.adoconnect.pipelines.RunPipelineInput;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.build.BuildDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiting through a project handle runs on the {@link ConnectSettings}' clock and sleeper, so a
 * front-end's wait is tested without sleeping: the progress listener sees each state once, and the
 * timeout is measured on the injected clock.
 */
class ProjectHandleWaitTest {
  @TempDir Path tmp;
  private Simulator sim;
  private AdoConnect ado;
  private final SteppedClock clock = new SteppedClock();
  private final List<Duration> waits = new ArrayList<>();
  private Runnable onWait = () -> {};
  private BuildDefinition definition;
  private ProjectRef project;

  @BeforeEach
  void start() {
    sim = Simulator.start(SimulatorConfig.builder().orgs(1).buildDurationMillis(600_000).build());
    ConnectSettings settings =
        EntraKit.settings(
                sim.baseUri(),
                tmp.resolve("data"),
                tmp.resolve("key"),
                RetryingTransport.standard(),
                clock)
            .withSleeper(
                d -> {
                  waits.add(d);
                  clock.advance(d);
                  onWait.run();
                });
    ado = AdoConnect.open(settings);
    ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(sim.config().pat()));
    definition = sim.buildDefinitions(sim.dataset().organization("org-001").orElseThrow()).get(0);
    project = ProjectRef.of("org-001", definition.project().name());
  }

  @AfterEach
  void stop() {
    ado.close();
    sim.close();
  }

  @Test
  void aBuildThatDoesNotFinishTimesOutOnTheInjectedClockReportingItsStateOnce() {
    Build queued = ado.project(project).builds().queue(definition.name(), null, Map.of(), Map.of());
    List<String> progress = new ArrayList<>();

    assertThatThrownBy(
            () ->
                ado.project(project)
                    .builds()
                    .await(queued.id(), Duration.ofSeconds(30), b -> progress.add(b.state())))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("Build " + queued.id() + " had not completed after 30 s");

    assertThat(progress).containsExactly("notStarted");
    assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(waits.get(1)).as("backs off while nothing changes").isGreaterThan(waits.get(0));
    sim.completeBuilds();
  }

  @Test
  void aPipelineRunIsFollowedToItsEndThroughTheSameWaits() {
    onWait = sim::completeBuilds;
    PipelineRun started =
        ado.project(project).pipelines().run(definition.name(), RunPipelineInput.defaults());
    List<String> progress = new ArrayList<>();

    PipelineRun done =
        ado.project(project)
            .pipelines()
            .awaitRun(started, Duration.ofMinutes(5), r -> progress.add(r.progress()));

    assertThat(done.result()).isEqualTo("succeeded");
    assertThat(progress).containsExactly("inProgress", "completed/succeeded");
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  /** Now plus what the sleeper advanced: time moves only when a wait "sleeps". */
  private static final class SteppedClock extends java.time.Clock {
    private final java.time.Instant start = java.time.Instant.now();
    private volatile Duration elapsed = Duration.ZERO;

    synchronized void advance(Duration by) {
      elapsed = elapsed.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.time.Instant instant() {
      return start.plus(elapsed);
    }
  }
}
