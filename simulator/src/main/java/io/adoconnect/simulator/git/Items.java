package io.adoconnect.simulator.git;

import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Files and folders at a commit, read from the Git objects: what the Items API returns. Paths are
 * as Azure DevOps writes them, with a leading {@code /}; the root folder is {@code /}.
 */
public final class Items {
  private Items() {}

  /** How deep a folder listing goes ({@code recursionLevel}). */
  public enum Recursion {
    NONE,
    ONE_LEVEL,
    FULL;

    /** Parses Azure DevOps' names (case-insensitive); empty for an unknown one. */
    public static Optional<Recursion> parse(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "", "none" -> Optional.of(NONE);
        case "onelevel", "onelevelplusnestedemptyfolders" -> Optional.of(ONE_LEVEL);
        case "full" -> Optional.of(FULL);
        default -> Optional.empty();
      };
    }
  }

  /** One file ({@code blob}) or folder ({@code tree}). */
  public record Item(String path, ObjectId objectId, boolean folder) {
    public String gitObjectType() {
      return folder ? "tree" : "blob";
    }
  }

  /** {@code /a/b}, {@code a/b} and {@code /a/b/} name the same item; {@code /} is the root. */
  public static String normalize(String path) {
    String trimmed = path.strip().replace('\\', '/');
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }

  /** The item at {@code path} in commit {@code commitId}, if there is one. */
  public static Optional<Item> find(
      GitContent git, Repository repository, String commitId, String path) {
    String normalized = normalize(path);
    try (ObjectReader reader = git.git(repository).newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
      if (normalized.equals("/")) {
        return Optional.of(new Item("/", commit.getTree(), true));
      }
      try (TreeWalk tree = TreeWalk.forPath(reader, normalized.substring(1), commit.getTree())) {
        return tree == null
            ? Optional.empty()
            : Optional.of(
                new Item(
                    normalized, tree.getObjectId(0), FileMode.TREE.equals(tree.getFileMode(0))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content of the file at {@code path}; empty for a folder or nothing there. */
  public static Optional<byte[]> file(
      GitContent git, Repository repository, String commitId, String path) {
    return find(git, repository, commitId, path)
        .filter(item -> !item.folder())
        .map(item -> git.read(repository, item.objectId()));
  }

  /**
   * {@code scope} and what lies below it, in path order: nothing more for {@link Recursion#NONE} or
   * a file, its children for {@link Recursion#ONE_LEVEL}, every descendant for {@link
   * Recursion#FULL}.
   */
  public static List<Item> list(
      GitContent git, Repository repository, Item scope, Recursion recursion) {
    List<Item> items = new ArrayList<>();
    items.add(scope);
    if (!scope.folder() || recursion == Recursion.NONE) {
      return items;
    }
    String prefix = scope.path().equals("/") ? "/" : scope.path() + "/";
    try (TreeWalk walk = new TreeWalk(git.git(repository))) {
      walk.addTree(scope.objectId());
      walk.setRecursive(false);
      while (walk.next()) {
        boolean folder = walk.isSubtree();
        items.add(new Item(prefix + walk.getPathString(), walk.getObjectId(0), folder));
        if (folder && recursion == Recursion.FULL) {
          walk.enterSubtree();
        }
      }
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
