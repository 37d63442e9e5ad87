package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.http.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Queued builds, in memory. A build waits for an agent for the first fifth of the configured
 * duration ({@code notStarted}), then runs ({@code inProgress}) and completes ({@code succeeded},
 * or {@code failed} when armed by {@link #failNext}); completing publishes {@code build.complete}
 * exactly once, whether a timer, a request or a test hook noticed it first. Thread-safe.
 */
public final class BuildQueue implements AutoCloseable {
  private static final int FIRST_ID = 101;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final ServiceEvents events;
  private final Duration duration;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final List<QueuedBuild> builds = new ArrayList<>();
  private int failNext;

  public BuildQueue(ServiceEvents events, Duration duration, Clock clock) {
    this.events = events;
    this.duration = duration;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "simulator-builds");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Queues a build of {@code definition}; it starts and completes as time passes. */
  public QueuedBuild queue(
      Scope scope,
      Collection collection,
      BuildDefinition definition,
      String sourceBranch,
      String sourceVersion,
      String parameters,
      ObjectNode templateParameters,
      ObjectNode variables,
      SimulatedUser requestedBy) {
    Instant now = clock.instant();
    QueuedBuild build;
    synchronized (this) {
      int id =
          FIRST_ID
              + (int)
                  builds.stream()
                      .filter(b -> b.collection().name().equals(collection.name()))
                      .count();
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      long sameDay =
          builds.stream()
              .filter(b -> b.collection().name().equals(collection.name()))
              .filter(b -> b.definition().id() == definition.id())
              .filter(b -> LocalDate.ofInstant(b.queueTime(), ZoneOffset.UTC).equals(today))
              .count();
      boolean fails = failNext > 0;
      if (fails) {
        failNext--;
      }
      build =
          new QueuedBuild(
              id,
              scope,
              collection,
              definition,
              DAY.format(now) + "." + (sameDay + 1),
              sourceBranch,
              sourceVersion,
              parameters,
              templateParameters,
              variables,
              requestedBy,
              now,
              now.plus(duration.dividedBy(5)),
              now.plus(duration),
              fails,
              "notStarted",
              null);
      builds.add(build);
    }
    timer.schedule(this::settle, duration.toMillis() + 1, TimeUnit.MILLISECONDS);
    return build;
  }

  /** The builds of {@code project}, oldest first, as they are now. */
  public List<QueuedBuild> builds(Collection collection, Project project) {
    settle();
    synchronized (this) {
      return builds.stream()
          .filter(b -> b.collection().name().equals(collection.name()))
          .filter(b -> b.definition().project().id().equals(project.id()))
          .sorted(Comparator.comparingInt(QueuedBuild::id))
          .toList();
    }
  }

  /** Build {@code id} of {@code project}, as it is now. */
  public Optional<QueuedBuild> find(Collection collection, Project project, int id) {
    return builds(collection, project).stream().filter(b -> b.id() == id).findFirst();
  }

  /** The next {@code times} builds queued (anywhere) complete as {@code failed}. */
  public synchronized void failNext(int times) {
    failNext += times;
  }

  /** Every build waiting for an agent starts now. */
  public void startAll() {
    Instant now = clock.instant();
    synchronized (this) {
      builds.replaceAll(b -> b.status().equals("notStarted") ? b.started(now) : b);
    }
  }

  /** Every build not yet completed completes now (publishing {@code build.complete}). */
  public void completeAll() {
    Instant now = clock.instant();
    List<QueuedBuild> done = new ArrayList<>();
    synchronized (this) {
      builds.replaceAll(
          b -> {
            if (b.completed()) {
              return b;
            }
            QueuedBuild finished = b.finished(now);
            done.add(finished);
            return finished;
          });
    }
    publish(done);
  }

  /** Moves every build to the state its planned times say it has reached. */
  private void settle() {
    Instant now = clock.instant();
    List<QueuedBuild> done = new ArrayList<>();
    synchronized (this) {
      builds.replaceAll(
          b -> {
            if (!b.completed() && !now.isBefore(b.plannedFinish())) {
              QueuedBuild finished = b.finished(b.plannedFinish());
              done.add(finished);
              return finished;
            }
            if (b.status().equals("notStarted") && !now.isBefore(b.plannedStart())) {
              return b.started(b.plannedStart());
            }
            return b;
          });
    }
    publish(done);
  }

  // Outside the lock: a subscriber may call back into the simulator.
  private void publish(List<QueuedBuild> completed) {
    for (QueuedBuild build : completed) {
      events.publish(
          "build.complete",
          build.collection(),
          build.definition().project().id().toString(),
          BuildJson.build(build));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
