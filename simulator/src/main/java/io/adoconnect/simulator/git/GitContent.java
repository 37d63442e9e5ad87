package io.adoconnect.simulator.git;

import io.adoconnect.simulator.data.Repository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The branches and files of a repository, derived from it alone: a repository with a default branch
 * has that branch plus {@code feature/search} and {@code feature/login-page}, each pointing at a
 * commit id that is the SHA-1 of the repository id and branch name; every branch has {@code
 * README.md} (naming the repository and branch) and {@code src/hello.txt}; feature branches also
 * have {@code CHANGES.md}. Repositories without a default branch (empty, never pushed) have none.
 *
 * <p>{@link #push} moves (or creates) a branch of one repository object. The moves are keyed by the
 * {@link Repository} instance, which belongs to one simulator's dataset, so simulators running side
 * by side in one JVM never see each other's pushes.
 */
public final class GitContent {
  static final List<String> FEATURE_BRANCHES = List.of("feature/search", "feature/login-page");

  /**
   * Branch name → commit id, per repository instance, for branches moved by {@link #push}; a null
   * commit id marks a branch removed by {@link #delete}.
   */
  private static final Map<Repository, Map<String, String>> PUSHED = new IdentityHashMap<>();

  private GitContent() {}

  /** One branch: {@code name} without {@code refs/heads/}. */
  public record Branch(String name, String commitId) {
    public String refName() {
      return "refs/heads/" + name;
    }
  }

  /** The branches, sorted by full ref name as Azure DevOps lists them. */
  public static List<Branch> branches(Repository repository) {
    if (repository.defaultBranch() == null || !repository.cloneable()) {
      return List.of();
    }
    Map<String, String> tips = new LinkedHashMap<>();
    tips.put(
        repository.defaultBranch().replaceFirst("^refs/heads/", ""),
        commitId(repository, repository.defaultBranch().replaceFirst("^refs/heads/", "")));
    FEATURE_BRANCHES.forEach(name -> tips.put(name, commitId(repository, name)));
    synchronized (PUSHED) {
      PUSHED
          .getOrDefault(repository, Map.of())
          .forEach(
              (name, commit) -> {
                if (commit == null) {
                  tips.remove(name);
                } else {
                  tips.put(name, commit);
                }
              });
    }
    return tips.entrySet().stream()
        .map(tip -> new Branch(tip.getKey(), tip.getValue()))
        .sorted(Comparator.comparing(Branch::refName))
        .toList();
  }

  /**
   * Moves {@code branch} (without {@code refs/heads/}) to a new commit, creating it if needed, as a
   * push would; returns the commit it pointed at before (40 zeros for a new branch) and the new
   * one.
   *
   * @throws IllegalArgumentException for a repository without content (nothing to push onto)
   */
  public static RefUpdate push(Repository repository, String branch) {
    if (repository.defaultBranch() == null || !repository.cloneable()) {
      throw new IllegalArgumentException(repository.name() + " has no content to push onto");
    }
    String name = branch.replaceFirst("^refs/heads/", "");
    synchronized (PUSHED) {
      String old = branch(repository, name).map(Branch::commitId).orElse("0".repeat(40));
      Map<String, String> moved = PUSHED.computeIfAbsent(repository, r -> new LinkedHashMap<>());
      String next = sha1(repository.id() + "|" + name + "|" + old + "|" + moved.size());
      moved.put(name, next);
      return new RefUpdate("refs/heads/" + name, old, next);
    }
  }

  /**
   * Deletes {@code branch} (with or without {@code refs/heads/}), as a push of 40 zeros would;
   * empty when there is no such branch.
   */
  public static Optional<RefUpdate> delete(Repository repository, String branch) {
    String name = branch.replaceFirst("^refs/heads/", "");
    synchronized (PUSHED) {
      Optional<Branch> existing = branch(repository, name);
      existing.ifPresent(
          b -> PUSHED.computeIfAbsent(repository, r -> new LinkedHashMap<>()).put(name, null));
      return existing.map(b -> new RefUpdate(b.refName(), b.commitId(), "0".repeat(40)));
    }
  }

  /** A ref moved by a push, as a {@code git.push} event's {@code refUpdates[]} shows it. */
  public record RefUpdate(String name, String oldObjectId, String newObjectId) {}

  /** The branch named {@code name} (with or without {@code refs/heads/}). */
  public static Optional<Branch> branch(Repository repository, String name) {
    String wanted = name.replaceFirst("^refs/heads/", "");
    return branches(repository).stream().filter(b -> b.name().equals(wanted)).findFirst();
  }

  /** The default branch, if the repository has content. */
  public static Optional<Branch> defaultBranch(Repository repository) {
    return repository.defaultBranch() == null
        ? Optional.empty()
        : branch(repository, repository.defaultBranch());
  }

  /** Whether {@code commitId} is the tip of one of the repository's branches. */
  public static boolean hasCommit(Repository repository, String commitId) {
    return branches(repository).stream().anyMatch(b -> b.commitId().equalsIgnoreCase(commitId));
  }

  /** Files on a branch: path (leading {@code /}) to content, in path order. */
  public static Map<String, byte[]> files(Repository repository, Branch branch) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (FEATURE_BRANCHES.contains(branch.name())) {
      files.put("/CHANGES.md", utf8("# Changes\n\n- Work in progress on " + branch.name() + ".\n"));
    }
    files.put(
        "/README.md",
        utf8(
            "# "
                + repository.name()
                + "\n\nThis is "
                + repository.project().name()
                + "/"
                + repository.name()
                + " on branch "
                + branch.name()
                + ".\n"));
    files.put("/src/hello.txt", utf8("Hello from " + repository.name() + "\n"));
    return files;
  }

  /** The file at {@code path} ({@code /} optional), if the branch has it. */
  public static Optional<byte[]> file(Repository repository, Branch branch, String path) {
    String normalized = path.startsWith("/") ? path : "/" + path;
    return Optional.ofNullable(files(repository, branch).get(normalized));
  }

  static String sha1(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(utf8(text)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-1", e);
    }
  }

  private static String commitId(Repository repository, String branch) {
    return sha1(repository.id() + "|" + branch);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
