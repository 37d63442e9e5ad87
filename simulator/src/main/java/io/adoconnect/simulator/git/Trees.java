package io.adoconnect.simulator.git;

import java.io.IOException;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Writes trees and commits with JGit's in-core index ({@link DirCache#newInCore()}), the way a
 * server without a work tree does: no checkout, only objects.
 */
final class Trees {
  private Trees() {}

  /** A tree holding exactly {@code files} (path without leading {@code /} → content). */
  static ObjectId of(ObjectInserter inserter, Map<String, byte[]> files) throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      builder.add(entry(inserter, file.getKey(), file.getValue()));
    }
    builder.finish();
    return index.writeTree(inserter);
  }

  /** {@code base} with {@code changes} applied (a {@code null} content deletes the path). */
  static ObjectId edit(ObjectInserter inserter, ObjectId base, Map<String, byte[]> changes)
      throws IOException {
    DirCache index;
    // The inserter's reader also sees objects it has not flushed yet.
    try (ObjectReader reader = inserter.newReader()) {
      index = DirCache.read(reader, base);
    }
    DirCacheEditor editor = index.editor();
    for (Map.Entry<String, byte[]> change : changes.entrySet()) {
      String path = change.getKey();
      if (change.getValue() == null) {
        editor.add(new DirCacheEditor.DeletePath(path));
      } else {
        DirCacheEntry replacement = entry(inserter, path, change.getValue());
        editor.add(
            new DirCacheEditor.PathEdit(path) {
              @Override
              public void apply(DirCacheEntry ent) {
                ent.setFileMode(replacement.getFileMode());
                ent.setObjectId(replacement.getObjectId());
              }
            });
      }
    }
    editor.finish();
    return index.writeTree(inserter);
  }

  /** Writes a commit of {@code tree} with {@code parents} (none: a root commit). */
  static ObjectId commit(
      ObjectInserter inserter,
      ObjectId tree,
      String message,
      PersonIdent author,
      ObjectId... parents)
      throws IOException {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    commit.setParentIds(parents);
    commit.setAuthor(author);
    commit.setCommitter(author);
    commit.setMessage(message.endsWith("\n") ? message : message + "\n");
    return inserter.insert(commit);
  }

  private static DirCacheEntry entry(ObjectInserter inserter, String path, byte[] content)
      throws IOException {
    DirCacheEntry entry = new DirCacheEntry(path);
    entry.setFileMode(FileMode.REGULAR_FILE);
    entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, content));
    return entry;
  }
}
