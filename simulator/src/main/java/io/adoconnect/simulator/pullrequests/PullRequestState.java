package io.adoconnect.simulator.pullrequests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.git.GitContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pull request as the simulator keeps it. Mutable; every access holds the lock of the {@link
 * PullRequestBook} it lives in.
 */
final class PullRequestState {
  final int id;
  final Collection collection;
  final Repository repository;

  /** The source branch; while active its commit follows the branch's tip ({@link #follow}). */
  GitContent.Branch source;

  final GitContent.Branch target;
  final SimulatedUser createdBy;
  final Instant created;
  String title;
  String description;
  boolean draft;
  String status = "active";
  Instant closed;
  SimulatedUser closedBy;
  String mergeStrategy;
  boolean deleteSourceBranch;
  String mergeCommit;

  /**
   * The source commit of each iteration, oldest first: the one it was created at, then one more for
   * every push onto the source branch while active (Azure DevOps' "updates").
   */
  final List<String> iterations = new ArrayList<>();

  /** Reviewer id to vote. */
  final Map<SimulatedUser, Integer> reviewers = new LinkedHashMap<>();

  final List<ObjectNode> threads = new ArrayList<>();

  /** Newest first. */
  final List<ObjectNode> statuses = new ArrayList<>();

  PullRequestState(
      int id,
      Collection collection,
      Repository repository,
      GitContent.Branch source,
      GitContent.Branch target,
      SimulatedUser createdBy,
      Instant created) {
    this.id = id;
    this.collection = collection;
    this.repository = repository;
    this.source = source;
    this.target = target;
    this.createdBy = createdBy;
    this.created = created;
    this.iterations.add(source.commitId());
  }

  /**
   * While active, a pull request's source commit is its branch's tip, as in Azure DevOps: a push
   * onto the source branch updates {@code lastMergeSourceCommit}, and completing at the old commit
   * is refused.
   */
  void follow(GitContent git) {
    if (active()) {
      source = git.branch(repository, source.refName()).orElse(source);
      if (!iterations.get(iterations.size() - 1).equals(source.commitId())) {
        iterations.add(source.commitId());
      }
    }
  }

  boolean active() {
    return status.equals("active");
  }
}
