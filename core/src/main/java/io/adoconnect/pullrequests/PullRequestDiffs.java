package io.adoconnect.pullrequests;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import io.adoconnect.UnexpectedResponseException;
import io.adoconnect.devops.RepositoryScope;
import io.adoconnect.pullrequests.PullRequestChangesClient.Change;
import io.adoconnect.pullrequests.PullRequestChangesClient.Iteration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes a pull request's unified diff from Azure DevOps' documented APIs, which have none of
 * their own: the latest iteration's base and source commits, the files that iteration changes, and
 * each file's content at both commits.
 */
final class PullRequestDiffs {
  private static final int CONTEXT = 3;

  /**
   * Files read at once at most, whatever the settings allow: each is two item requests, and a large
   * pull request must not set off Azure DevOps' rate limit.
   */
  private static final int MAX_READS_AT_ONCE = 8;

  /** Git's rule: a NUL byte in the first 8,000 bytes makes a file binary. */
  private static final int BINARY_PROBE = 8000;

  private final RepositoryScope scope;
  private final PullRequestChangesClient changes;
  private final int parallelism;

  /** {@code parallelism}: how many files' contents are read at once. */
  PullRequestDiffs(RepositoryScope scope, int parallelism) {
    this.scope = scope;
    this.changes = new PullRequestChangesClient(scope.http());
    this.parallelism = Math.max(1, Math.min(MAX_READS_AT_ONCE, parallelism));
  }

  /** One file's content at the base and at the head commit (empty where it does not exist). */
  private record Contents(byte[] before, byte[] after) {}

  /** The changed files without contents: one iteration read and the change pages. */
  List<FileDiff> files(int id) {
    Iteration last = latest(id);
    return sorted(changes.changes(scope.org(), scope.project(), scope.repository(), id, last.id()))
        .stream()
        .map(
            c ->
                new FileDiff(
                    c.item().path(), c.originalPath(), c.changeType(), false, 0, 0, null, null))
        .toList();
  }

  PullRequestDiff diff(int id, Set<String> paths, DiffLimits limits) {
    Iteration last = latest(id);
    String base = last.base();
    String head = last.sourceRefCommit().commitId();
    List<Change> all =
        sorted(changes.changes(scope.org(), scope.project(), scope.repository(), id, last.id()));
    List<Change> wanted =
        paths.isEmpty()
            ? all
            : all.stream().filter(c -> paths.contains(normalized(c.item().path()))).toList();
    List<Change> shown = wanted.subList(0, Math.min(wanted.size(), limits.maxFiles()));
    List<Contents> contents = contents(shown, base, head);
    List<FileDiff> files = new ArrayList<>();
    int lines = 0;
    for (int i = 0; i < shown.size(); i++) {
      // In the files' order, so the line budget ends the patches where a sequential read would.
      FileDiff file = file(shown.get(i), contents.get(i), limits, lines >= limits.maxPatchLines());
      if (file.patch() != null) {
        lines += (int) file.patch().lines().count();
      }
      files.add(file);
    }
    String note = null;
    if (wanted.size() > limits.maxFiles()) {
      note =
          "Showing "
              + limits.maxFiles()
              + " of "
              + wanted.size()
              + " changed files; ask for the others by path.";
    } else if (files.stream().anyMatch(f -> f.note() != null && f.note().startsWith("Over"))) {
      note = "The patches stop at " + limits.maxPatchLines() + " lines; ask for the rest by path.";
    }
    return new PullRequestDiff(id, last.id(), base, head, all.size(), files, note);
  }

  private Iteration latest(int id) {
    List<Iteration> iterations =
        changes.iterations(scope.org(), scope.project(), scope.repository(), id);
    return iterations.stream()
        .max(Comparator.comparingInt(Iteration::id))
        .orElseThrow(
            () ->
                new UnexpectedResponseException(
                    200,
                    "Azure DevOps listed no iterations for pull request " + id + ".",
                    "Try again in a moment; a pull request has its first iteration once created."));
  }

  /**
   * Each change's contents, in the changes' order: read {@link #parallelism} files at a time, as
   * each file is two requests and a diff of many files is mostly waiting on them.
   */
  private List<Contents> contents(List<Change> shown, String base, String head) {
    if (parallelism == 1 || shown.size() < 2) {
      return shown.stream().map(c -> contents(c, base, head)).toList();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallelism, shown.size()),
            runnable -> {
              java.lang.Thread thread = new java.lang.Thread(runnable, "ado-connect-diff-read");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Contents>> reads = new ArrayList<>();
      for (Change change : shown) {
        reads.add(pool.submit(() -> contents(change, base, head)));
      }
      List<Contents> all = new ArrayList<>();
      for (Future<Contents> read : reads) {
        all.add(read.get());
      }
      return all;
    } catch (InterruptedException e) {
      java.lang.Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the pull request's files", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("reading a pull request's file failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Contents contents(Change change, String base, String head) {
    String path = change.item().path();
    String type = change.changeType() == null ? "edit" : change.changeType();
    String from = change.originalPath() != null ? change.originalPath() : path;
    return new Contents(
        type.contains("add") ? new byte[0] : read(from, base),
        type.contains("delete") ? new byte[0] : read(path, head));
  }

  private FileDiff file(Change change, Contents contents, DiffLimits limits, boolean full) {
    String path = change.item().path();
    String type = change.changeType() == null ? "edit" : change.changeType();
    String from = change.originalPath() != null ? change.originalPath() : path;
    byte[] before = contents.before();
    byte[] after = contents.after();
    if (before.length > limits.maxFileBytes() || after.length > limits.maxFileBytes()) {
      return new FileDiff(
          path,
          change.originalPath(),
          type,
          false,
          0,
          0,
          null,
          "Not shown: larger than " + limits.maxFileBytes() + " bytes.");
    }
    if (binary(before) || binary(after)) {
      return new FileDiff(path, change.originalPath(), type, true, 0, 0, null, "Binary file.");
    }
    List<String> old = lines(before);
    List<String> now = lines(after);
    Patch<String> patch = DiffUtils.diff(old, now);
    int added = 0;
    int removed = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      added += delta.getTarget().size();
      removed += delta.getSource().size();
    }
    if (full) {
      return new FileDiff(
          path,
          change.originalPath(),
          type,
          false,
          added,
          removed,
          null,
          "Over the diff's line limit: ask for this file by path.");
    }
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            type.contains("add") ? "/dev/null" : "a" + from,
            type.contains("delete") ? "/dev/null" : "b" + path,
            old,
            patch,
            CONTEXT);
    String text = unified.isEmpty() ? "" : String.join("\n", gitHunkHeaders(unified)) + "\n";
    return new FileDiff(path, change.originalPath(), type, false, added, removed, text, null);
  }

  /**
   * An empty side's range is {@code 0,0} in Git's hunk headers ({@code @@ -0,0 +1,3 @@}), where the
   * library writes {@code -1,0}; with context lines no other hunk has an empty side.
   */
  private static List<String> gitHunkHeaders(List<String> unified) {
    return unified.stream()
        .map(
            line ->
                line.startsWith("@@ ")
                    ? line.replaceFirst("^@@ -1,0 ", "@@ -0,0 ")
                        .replaceFirst(" \\+1,0 @@", " +0,0 @@")
                    : line)
        .toList();
  }

  private byte[] read(String path, String commit) {
    Optional<byte[]> content =
        changes.fileAtCommit(scope.org(), scope.project(), scope.repository(), path, commit);
    return content.orElse(new byte[0]);
  }

  private static boolean binary(byte[] content) {
    for (int i = 0; i < Math.min(content.length, BINARY_PROBE); i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static List<String> lines(byte[] content) {
    if (content.length == 0) {
      return List.of();
    }
    // A final newline ends the last line rather than starting an empty one, as in Git.
    return new String(content, StandardCharsets.UTF_8).lines().toList();
  }

  private static List<Change> sorted(List<Change> all) {
    return all.stream()
        .filter(c -> c.item() != null && c.item().path() != null)
        .filter(c -> c.item().isFile())
        .sorted(Comparator.comparing(c -> c.item().path()))
        .toList();
  }

  static String normalized(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }
}
