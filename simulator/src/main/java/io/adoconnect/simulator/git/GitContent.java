package io.adoconnect.simulator.git;

import io.adoconnect.simulator.data.Repository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
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
 */
public final class GitContent {
  static final List<String> FEATURE_BRANCHES = List.of("feature/search", "feature/login-page");

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
    List<String> names = new ArrayList<>();
    names.add(repository.defaultBranch().replaceFirst("^refs/heads/", ""));
    names.addAll(FEATURE_BRANCHES);
    return names.stream()
        .map(name -> new Branch(name, commitId(repository, name)))
        .sorted(Comparator.comparing(Branch::refName))
        .toList();
  }

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
