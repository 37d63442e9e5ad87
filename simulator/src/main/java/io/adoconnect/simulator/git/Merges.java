package io.adoconnect.simulator.git;

import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ThreeWayMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Completes a pull request in Git, as Azure DevOps does on the server: a three-way merge in memory
 * (JGit's recursive merger, no work tree), then the target branch moves to the result. {@code
 * noFastForward} (the default) writes a merge commit with both tips as parents; {@code squash}
 * writes one commit with the target as its only parent; {@code rebase} fast-forwards the target
 * when the source already contains it; {@code rebaseMerge}, and {@code rebase} when a fast-forward
 * is not possible, write a merge commit (the simulator does not replay commits one by one).
 */
public final class Merges {
  private final GitContent content;

  public Merges(GitContent content) {
    this.content = content;
  }

  /**
   * Merges {@code source} into {@code target}; empty when the two conflict (nothing changes then).
   *
   * @param strategy {@code noFastForward}, {@code squash}, {@code rebase} or {@code rebaseMerge}
   */
  public Optional<GitContent.RefUpdate> merge(
      Repository repository,
      GitContent.Branch source,
      GitContent.Branch target,
      String strategy,
      String message,
      PersonIdent by) {
    org.eclipse.jgit.lib.Repository git = content.git(repository);
    synchronized (git) {
      try (RevWalk walk = new RevWalk(git);
          ObjectInserter inserter = git.newObjectInserter()) {
        RevCommit from = walk.parseCommit(ObjectId.fromString(source.commitId()));
        RevCommit onto = walk.parseCommit(ObjectId.fromString(target.commitId()));
        ObjectId result;
        if ("rebase".equals(strategy) && walk.isMergedInto(onto, from)) {
          result = from;
        } else {
          ThreeWayMerger merger =
              (ThreeWayMerger) MergeStrategy.RECURSIVE.newMerger(inserter, git.getConfig());
          if (!merger.merge(onto, from)) {
            return Optional.empty();
          }
          result =
              "squash".equals(strategy)
                  ? Trees.commit(inserter, merger.getResultTreeId(), message, by, onto)
                  : Trees.commit(inserter, merger.getResultTreeId(), message, by, onto, from);
          inserter.flush();
        }
        content.move(git, target.refName(), target.commitId(), result);
        return Optional.of(
            new GitContent.RefUpdate(target.refName(), target.commitId(), result.name()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
