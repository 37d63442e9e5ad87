package io.adoconnect.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.hooks.HookEventTypes;
import io.adoconnect.store.Owner;
import io.adoconnect.store.SourceSyncRecord;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's clones of its owners' sources, fetched in the background when a trusted push event
 * arrives for one — so a source is something ado-connect keeps fresh, not only a row.
 *
 * <p>Each owner has a directory of their own: the local owner (the single-user service) clones into
 * {@code root/ORG/PROJECT/REPO}, the same layout as {@code sources sync}; in a team deployment each
 * (application, end user) into {@code root/APPLICATION/END_USER/ORG/PROJECT/REPO}, so no end user's
 * clone lies in another's tree. A fetch is {@link SourceSync}'s, the one home of cloning and
 * fetching, with the credential helper {@code credentialHelper} gives for the owner.
 *
 * <p>Single-flight per source: while a source is being fetched, more pushes to it ask for one more
 * fetch after this one (which then sees all of them), never a second git process on the same clone.
 * {@link #pushed} only queues work and returns at once, so a hook delivery never waits for Git.
 *
 * <pre>{@code
 * SourceClones clones = new SourceClones(dataDir.resolve("sources"), owner -> helperLine, env, 4);
 * Receipt receipt = ado.receive(subscription, authorization, body);
 * clones.pushed(ado, receipt.event());
 * }</pre>
 */
public final class SourceClones implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SourceClones.class);

  private final Path root;
  private final Function<Owner, String> credentialHelper;
  private final Map<String, String> environment;
  private final Clock clock;
  private final ExecutorService pool;

  /** Source key → the fetch running for it; guarded by {@code this}. */
  private final Map<String, Flight> flights = new HashMap<>();

  /** A fetch under way, and whether another was asked for meanwhile (with its branch). */
  private static final class Flight {
    boolean again;
    String ref;

    Flight(String ref) {
      this.ref = ref;
    }
  }

  /**
   * @param root where the clones live ({@code ADO_CONNECT_SOURCES_DIR}, by default under the data
   *     directory)
   * @param credentialHelper the credential helper Git runs for an owner's clones (see {@link
   *     SourceSync})
   * @param environment set for Git and the helper on top of this process's own
   * @param parallelism how many sources are fetched at once, across owners
   */
  public SourceClones(
      Path root,
      Function<Owner, String> credentialHelper,
      Map<String, String> environment,
      int parallelism) {
    this(root, credentialHelper, environment, parallelism, Clock.systemUTC());
  }

  SourceClones(
      Path root,
      Function<Owner, String> credentialHelper,
      Map<String, String> environment,
      int parallelism,
      Clock clock) {
    this.root = root.toAbsolutePath();
    this.credentialHelper = credentialHelper;
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, parallelism),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "ado-connect-source-fetch-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Where {@code owner}'s clones live. */
  public Path directoryOf(Owner owner) {
    return owner.equals(Owner.LOCAL)
        ? root
        : root.resolve(SourceSync.segment(owner.application()))
            .resolve(SourceSync.segment(owner.endUser()));
  }

  /**
   * Queues a fetch of each of the owner's sources a delivered event is about, when it is a trusted
   * {@code git.push} (re-checked with Azure DevOps); anything else fetches nothing. Returns at
   * once.
   *
   * @param ado the use cases of the owner who received the event
   * @return how many sources it queued (or joined a running fetch of)
   */
  public int pushed(AdoConnect ado, EventView event) {
    if (event == null
        || !event.trusted()
        || !HookEventTypes.GIT_PUSH.equals(event.eventType())
        || event.organization() == null) {
      return 0;
    }
    JsonNode resource = event.payload().path("resource");
    String repositoryId = resource.path("repository").path("id").asText("");
    if (repositoryId.isEmpty()) {
      return 0;
    }
    String ref = resource.path("refUpdates").path(0).path("name").asText(null);
    int queued = 0;
    for (SourceView source : ado.sources()) {
      if (source.organization().equalsIgnoreCase(event.organization())
          && repositoryId.equalsIgnoreCase(source.repositoryId())) {
        refresh(ado, source.id(), ref);
        queued++;
      }
    }
    return queued;
  }

  /**
   * Queues a fetch of one of the owner's sources (a clone when there is none yet), about {@code
   * ref} ({@code refs/heads/…}; null: the default branch); joins the fetch already running for it.
   */
  public void refresh(AdoConnect ado, String sourceId, String ref) {
    String key = ado.owner() + "\n" + sourceId;
    synchronized (this) {
      Flight running = flights.get(key);
      if (running != null) {
        running.again = true;
        running.ref = ref;
        return;
      }
      flights.put(key, new Flight(ref));
    }
    try {
      pool.execute(() -> fly(ado, sourceId, key));
    } catch (RejectedExecutionException closed) {
      land(key);
    }
  }

  /**
   * Waits until no fetch is queued or running (for a test, or before shutting down).
   *
   * @return false when some were still running after {@code timeout}
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (!flights.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** Stops taking work; fetches under way are interrupted. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private void fly(AdoConnect ado, String sourceId, String key) {
    try {
      String ref;
      synchronized (this) {
        ref = flights.get(key).ref;
      }
      while (true) {
        fetch(ado, sourceId, ref);
        synchronized (this) {
          Flight flight = flights.get(key);
          if (!flight.again) {
            break;
          }
          flight.again = false;
          ref = flight.ref;
        }
      }
    } catch (RuntimeException e) {
      log.warn("refreshing source {} failed unexpectedly", sourceId, e);
    } finally {
      land(key);
    }
  }

  private synchronized void land(String key) {
    flights.remove(key);
    notifyAll();
  }

  private void fetch(AdoConnect ado, String sourceId, String ref) {
    Optional<SourceView> found =
        ado.sources().stream().filter(s -> s.id().equals(sourceId)).findFirst();
    if (found.isEmpty()) {
      return; // removed since the push arrived
    }
    Owner owner = Owner.ofKey(ado.owner());
    Path directory = directoryOf(owner);
    SourceSync sync = new SourceSync(credentialHelper.apply(owner), environment, 1);
    SyncOutcome outcome;
    try {
      privateDirectory(directory);
      outcome = sync.one(found.get(), directory);
    } catch (IOException e) {
      outcome =
          new SyncOutcome(
              found.get(),
              directory,
              SyncOutcome.Kind.FAILED,
              java.util.List.of(),
              "Could not create " + directory + " (" + e.getMessage() + ").");
    }
    if (outcome.kind() == SyncOutcome.Kind.NOT_REFRESHED) {
      return; // the account went: the clone and its last sync stay as they were
    }
    if (Thread.currentThread().isInterrupted()) {
      return; // the service is stopping: git was stopped, which says nothing about the source
    }
    String commit =
        outcome.kind() == SyncOutcome.Kind.FAILED
            ? null
            : sync.tip(outcome.directory(), ref).orElse(null);
    ado.recordSourceSync(
        new SourceSyncRecord(
            sourceId,
            clock.instant(),
            outcome.kind().name().toLowerCase(Locale.ROOT),
            ref,
            commit,
            outcome.problem()));
    log.debug("source {}: {} ({} at {})", sourceId, outcome.kind(), ref, commit);
  }

  /** Creates an owner's directory readable by this user only (where the file system says so). */
  private static void privateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(directory);
    }
  }
}
