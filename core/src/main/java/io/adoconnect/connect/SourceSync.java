package io.adoconnect.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Clones each source into {@code {directory}/{organization}/{project}/{repository}}, or fetches it
 * when the clone is there, through ado-connect's credential helper, several at a time; reports per
 * source which remote refs changed. A source whose account was disconnected keeps its clone and is
 * reported as not refreshed.
 *
 * <p>With the {@code git} binary rather than JGit: the clone is the one the user's (or agent's) Git
 * works in afterwards, with their Git's configuration, protocol and proxy settings, and the
 * credential helper Git runs is exactly the one {@code git fetch} will use later.
 */
public final class SourceSync {
  /** Hears about each source as it starts and ends (progress). */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void started(SourceView source) {}

    default void finished(SyncOutcome outcome) {}
  }

  private static final Duration GIT_TIMEOUT = Duration.ofMinutes(30);
  private final GitProcess git;
  private final int parallelism;

  SourceSync(String credentialHelper, java.util.Map<String, String> environment, int parallelism) {
    this.git = new GitProcess(credentialHelper, environment, GIT_TIMEOUT);
    this.parallelism = Math.max(1, parallelism);
  }

  List<SyncOutcome> sync(List<SourceView> sources, Path directory, Listener listener) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + directory, e);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, sources.size())));
    try {
      List<Future<SyncOutcome>> running = new ArrayList<>();
      for (SourceView source : sources) {
        running.add(
            pool.submit(
                () -> {
                  listener.started(source);
                  SyncOutcome outcome = one(source, directory);
                  listener.finished(outcome);
                  return outcome;
                }));
      }
      List<SyncOutcome> outcomes = new ArrayList<>();
      for (Future<SyncOutcome> future : running) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while syncing sources", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("syncing a source failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Clones or fetches one source into {@code root/ORG/PROJECT/REPO}, on the calling thread. */
  SyncOutcome one(SourceView source, Path root) {
    Path directory =
        root.resolve(segment(source.organization()))
            .resolve(segment(source.project()))
            .resolve(segment(source.repository()));
    boolean cloned = Files.isDirectory(directory.resolve(".git"));
    if (!"connected".equals(source.status())) {
      return new SyncOutcome(
          source,
          directory,
          SyncOutcome.Kind.NOT_REFRESHED,
          List.of(),
          (cloned ? "Its clone stays as it was: it" : "It")
              + " can't be refreshed until its organization is connected again (the account"
              + " was disconnected).");
    }
    if (source.cloneUrl() == null) {
      return failed(source, directory, "It has no clone URL.");
    }
    if (!cloned) {
      try {
        Files.createDirectories(directory.getParent());
      } catch (IOException e) {
        return failed(source, directory, "Could not create " + directory.getParent() + ".");
      }
      GitProcess.Result clone =
          git.run(
              directory.getParent(),
              "clone",
              "-q",
              source.cloneUrl(),
              directory.getFileName().toString());
      if (clone.exitCode() != 0) {
        return failed(source, directory, gitError(clone));
      }
      return new SyncOutcome(
          source, directory, SyncOutcome.Kind.CLONED, diff(Map.of(), refs(directory)), null);
    }
    Map<String, String> before = refs(directory);
    // Quietly, pruning branches deleted remotely, with every tag.
    GitProcess.Result fetch = git.run(directory, "fetch", "-q", "-p", "-t", "origin");
    if (fetch.exitCode() != 0) {
      return failed(source, directory, gitError(fetch));
    }
    List<SyncOutcome.RefChange> changes = diff(before, refs(directory));
    return new SyncOutcome(
        source,
        directory,
        changes.isEmpty() ? SyncOutcome.Kind.UP_TO_DATE : SyncOutcome.Kind.FETCHED,
        changes,
        null);
  }

  /**
   * The object a clone holds for {@code ref} ({@code refs/heads/x} is read as {@code
   * refs/remotes/origin/x}; null: the default branch); empty when it holds none.
   */
  Optional<String> tip(Path clone, String ref) {
    String tracking;
    if (ref == null) {
      GitProcess.Result head = git.run(clone, "symbolic-ref", "-q", "refs/remotes/origin/HEAD");
      if (head.exitCode() != 0) {
        return Optional.empty();
      }
      tracking = head.out().strip();
    } else {
      tracking =
          ref.startsWith("refs/heads/")
              ? "refs/remotes/origin/" + ref.substring("refs/heads/".length())
              : ref;
    }
    return Optional.ofNullable(refs(clone).get(tracking));
  }

  /** The remote-tracking branches and the tags, name → object id. */
  private Map<String, String> refs(Path directory) {
    GitProcess.Result listed = git.run(directory, "show-ref");
    Map<String, String> refs = new TreeMap<>();
    for (String line : listed.out().lines().toList()) {
      int space = line.indexOf(' ');
      String name = space > 0 ? line.substring(space + 1) : "";
      boolean remote = name.startsWith("refs/remotes/origin/") && !name.endsWith("/HEAD");
      if (remote || name.startsWith("refs/tags/")) {
        refs.put(name, line.substring(0, space));
      }
    }
    return refs;
  }

  private static List<SyncOutcome.RefChange> diff(
      Map<String, String> before, Map<String, String> after) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    List<SyncOutcome.RefChange> changes = new ArrayList<>();
    for (String name : names) {
      String old = before.get(name);
      String now = after.get(name);
      if (!Objects.equals(old, now)) {
        changes.add(new SyncOutcome.RefChange(name, old, now));
      }
    }
    return changes;
  }

  private static SyncOutcome failed(SourceView source, Path directory, String problem) {
    return new SyncOutcome(source, directory, SyncOutcome.Kind.FAILED, List.of(), problem);
  }

  /** Git's own last words (the helper's "ado-connect: error/hint" lines among them). */
  private static String gitError(GitProcess.Result result) {
    List<String> lines = result.err().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.isEmpty()
        ? "git ended with exit code " + result.exitCode() + "."
        : String.join(" ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
  }

  /** A name as one directory level: no separators, never {@code .} or {@code ..}. */
  static String segment(String name) {
    String cleaned = name.replace('/', '_').replace('\\', '_').replace('\0', '_');
    return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")
        ? "_" + cleaned
        : cleaned;
  }
}
