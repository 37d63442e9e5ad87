package io.adoconnect.git;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.devops.RepositoryScope;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.Paged;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Git in one resolved repository: branches, file content, folder listings and commit statuses.
 * Reached through {@code ado.repository(ref).git()}.
 */
public final class RepositoryGit {
  /**
   * The most items a folder listing keeps: the Items list has no paging, and a full listing of a
   * large repository runs to hundreds of thousands.
   */
  public static final int MAX_ITEMS = 10_000;

  private final RepositoryScope scope;
  private final GitClient client;

  public RepositoryGit(RepositoryScope scope) {
    this.scope = scope;
    this.client = new GitClient(scope.http());
  }

  /** The branches, every page. */
  public Paged<Ref> branches() {
    scope.http().require(AccessScope.CODE_READ);
    return client.branches(scope.org(), scope.project(), scope.repository());
  }

  /** The raw bytes of {@code filePath}, on {@code branch} or the default branch. */
  public byte[] fileContent(String filePath, Optional<String> branch) {
    scope.http().require(AccessScope.CODE_READ);
    return client.fileContent(scope.org(), scope.project(), scope.repository(), filePath, branch);
  }

  /**
   * What lies in the folder {@code path} (from the repository root; blank for the root) on {@code
   * branch} or the default branch: its children ({@link ItemDepth#ONE_LEVEL}) or everything beneath
   * it ({@link ItemDepth#FULL}), in path order, at most {@value #MAX_ITEMS} with a note when more
   * were there. A file's listing is the file alone.
   */
  public FolderListing list(String path, Optional<String> branch, ItemDepth depth) {
    return list(path, branch, depth, MAX_ITEMS);
  }

  FolderListing list(String path, Optional<String> branch, ItemDepth depth, int maxItems) {
    scope.http().require(AccessScope.CODE_READ);
    String folder = path == null || path.isBlank() ? "/" : path.strip();
    List<GitItem> all =
        client.items(
            scope.org(),
            scope.project(),
            scope.repository(),
            folder,
            branch,
            depth == null ? ItemDepth.ONE_LEVEL : depth);
    String self = normalized(folder);
    List<GitItem> below =
        all.stream()
            .filter(item -> !(item.isFolder() && normalized(item.path()).equals(self)))
            .toList();
    String note = null;
    if (below.size() > maxItems) {
      note =
          "Showing the first "
              + maxItems
              + " of "
              + below.size()
              + " items; list a folder further down for the rest.";
      below = below.subList(0, maxItems);
    }
    return new FolderListing(
        folder, branch.orElse(null), depth == null ? ItemDepth.ONE_LEVEL : depth, below, note);
  }

  /** {@code a/b}, {@code /a/b/} and {@code /a/b} are the same folder; the root is {@code /}. */
  private static String normalized(String path) {
    String p = path == null ? "" : path.strip().replace('\\', '/');
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.startsWith("/") ? p : "/" + p;
  }

  /** Posts a status on {@code commitId} (a full 40-character id). */
  public CommitStatus postStatus(String commitId, StatusInput status) {
    scope.http().require(AccessScope.CODE_STATUS);
    return client.createStatus(
        scope.org(), scope.project(), scope.repository(), commitId(commitId), status);
  }

  /** The statuses on {@code commitId}, newest first. */
  public List<CommitStatus> statuses(String commitId) {
    scope.http().require(AccessScope.CODE_READ);
    return client.statuses(scope.org(), scope.project(), scope.repository(), commitId(commitId));
  }

  private String commitId(String commitId) {
    if (commitId == null || !commitId.matches("[0-9a-fA-F]{40}")) {
      throw new InvalidInputException(
          "That is not a full commit id.",
          NextStep.of(
              NextStep.Action.LIST_BRANCHES,
              "Give the full 40-character commit id; the branches show the commits they point at.",
              "organization",
              scope.org().name(),
              "project",
              scope.project(),
              "repository",
              scope.repository()));
    }
    return commitId.toLowerCase(Locale.ROOT);
  }
}
