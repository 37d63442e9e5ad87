package io.adoconnect.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background work the service repeats while it runs (webhook deliveries, session renewals): one
 * daemon thread per job, started with the server and stopped with it. The job catches its own
 * failures; one that escapes would end the repetition.
 */
public final class Periodic {
  private final String name;
  private final Duration interval;
  private final Runnable job;
  private ScheduledExecutorService scheduler;

  public Periodic(String name, Duration interval, Runnable job) {
    this.name = name;
    this.interval = interval;
    this.job = job;
  }

  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(job, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops taking new work and interrupts the round under way. */
  public synchronized void stop() {
    stop(Duration.ZERO);
  }

  /**
   * Stops taking new work, interrupts the round under way and waits up to {@code wait} for it to
   * end: after that this instance claims nothing more, so its leases can be released.
   *
   * @return whether the round ended in time
   */
  public synchronized boolean stop(Duration wait) {
    if (scheduler == null) {
      return true;
    }
    ScheduledExecutorService stopping = scheduler;
    scheduler = null;
    stopping.shutdownNow();
    try {
      return stopping.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
