package io.adoconnect.git;

import java.util.List;

/**
 * What lies in a folder at a branch, in path order, without the folder itself (a file's listing is
 * the file alone).
 *
 * @param path the folder as asked, from the repository root ({@code /} for the root)
 * @param branch the branch read; null for the repository's default branch
 * @param depth children only, or everything beneath
 * @param items at most {@link RepositoryGit#MAX_ITEMS}
 * @param note what was left out to stay within that bound; null when nothing was
 */
public record FolderListing(
    String path, String branch, ItemDepth depth, List<GitItem> items, String note) {
  public FolderListing {
    items = List.copyOf(items);
  }

  /** Whether items were left out (see {@link #note()}). */
  public boolean truncated() {
    return note != null;
  }
}
