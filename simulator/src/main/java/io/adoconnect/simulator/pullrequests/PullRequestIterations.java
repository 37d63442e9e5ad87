package io.adoconnect.simulator.pullrequests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.git.GitContent;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A pull request's iterations, under {@code .../pullrequests/{id}/}:
 *
 * <ul>
 *   <li>{@code GET iterations} — one per source commit the PR has had (created, then each push),
 *       with {@code sourceRefCommit}, {@code targetRefCommit} (the target branch's tip now) and
 *       {@code commonRefCommit} (their merge base);
 *   <li>{@code GET iterations/{n}/changes?$top=&$skip=&$compareTo=} — the files that iteration
 *       changes against the merge base ({@code $compareTo=0}, the default) or against iteration
 *       {@code $compareTo}, computed from the Git objects with rename detection; {@code nextSkip}
 *       and {@code nextTop} say where the next page starts (both 0 at the end).
 * </ul>
 *
 * Simplified: an iteration's target and base are computed now, not remembered from when it was
 * pushed, and its dates are the pull request's creation time.
 */
final class PullRequestIterations {
  private static final int DEFAULT_TOP = 100;
  private static final int MAX_TOP = 2000;

  private final PullRequestBook book;
  private final GitContent git;

  PullRequestIterations(PullRequestBook book, GitContent git) {
    this.book = book;
    this.git = git;
  }

  Response handle(ApiCall call, Collection collection, Repository repository, int id) {
    List<String> route = call.route();
    if (!call.isGet() || route.size() > 8 || (route.size() == 8 && !isChanges(route.get(7)))) {
      return notFound(call);
    }
    Optional<List<String>> commits =
        book.locked(
            b ->
                b.find(collection, id)
                    .filter(pr -> pr.repository.id().equals(repository.id()))
                    .map(
                        pr -> {
                          pr.follow(git);
                          return List.copyOf(pr.iterations);
                        }));
    Optional<String> target =
        book.locked(b -> b.find(collection, id).map(pr -> pr.target.refName()));
    if (commits.isEmpty() || target.isEmpty()) {
      return Requests.pullRequestNotFound();
    }
    String targetTip =
        git.branch(repository, target.get()).map(GitContent.Branch::commitId).orElse(null);
    String prUrl = PullRequestJson.repositoryUrl(call.scope(), repository) + "/pullRequests/" + id;
    if (route.size() == 6) {
      ArrayNode value = Json.object().arrayNode();
      for (int i = 0; i < commits.get().size(); i++) {
        value.add(iteration(repository, i + 1, commits.get().get(i), targetTip, prUrl));
      }
      ObjectNode body = Json.object();
      body.put("count", value.size());
      body.set("value", value);
      return Json.ok(body);
    }
    Optional<Integer> n = Requests.id(route.get(6));
    if (n.isEmpty() || n.get() > commits.get().size()) {
      return iterationNotFound(route.get(6));
    }
    String head = commits.get().get(n.get() - 1);
    if (route.size() == 7) {
      return Json.ok(iteration(repository, n.get(), head, targetTip, prUrl));
    }
    int compareTo = number(call, "$compareTo", 0);
    if (compareTo < 0 || compareTo >= n.get()) {
      return Requests.invalid("The iteration to compare to must be 0 or an earlier iteration.");
    }
    String base =
        compareTo == 0 ? mergeBase(repository, head, targetTip) : commits.get().get(compareTo - 1);
    int top = Math.min(MAX_TOP, Math.max(1, number(call, "$top", DEFAULT_TOP)));
    int skip = Math.max(0, number(call, "$skip", 0));
    return Json.ok(changes(repository, base, head, top, skip));
  }

  private static boolean isChanges(String part) {
    return part.toLowerCase(Locale.ROOT).equals("changes");
  }

  private ObjectNode iteration(
      Repository repository, int n, String source, String targetTip, String prUrl) {
    ObjectNode node = Json.object();
    node.put("id", n);
    node.put("description", n == 1 ? "Created" : "Updated");
    node.putObject("sourceRefCommit").put("commitId", source);
    if (targetTip != null) {
      node.putObject("targetRefCommit").put("commitId", targetTip);
      node.putObject("commonRefCommit").put("commitId", mergeBase(repository, source, targetTip));
    }
    node.put("hasMoreCommits", false);
    node.put("reason", n == 1 ? "create" : "push");
    ObjectNode links = node.putObject("_links");
    links.putObject("self").put("href", prUrl + "/iterations/" + n);
    return node;
  }

  /** The merge base of the two commits, or the source itself when the target is gone. */
  private String mergeBase(Repository repository, String source, String target) {
    if (target == null) {
      return source;
    }
    try (RevWalk walk = new RevWalk(git.git(repository))) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(ObjectId.fromString(source)));
      walk.markStart(walk.parseCommit(ObjectId.fromString(target)));
      RevCommit base = walk.next();
      return base == null ? source : base.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode changes(Repository repository, String base, String head, int top, int skip) {
    List<DiffEntry> entries = diff(repository, base, head);
    ArrayNode changeEntries = Json.object().arrayNode();
    int end = Math.min(entries.size(), skip + top);
    for (int i = skip; i < end; i++) {
      changeEntries.add(change(entries.get(i), i + 1));
    }
    ObjectNode body = Json.object();
    body.set("changeEntries", changeEntries);
    body.put("nextSkip", end < entries.size() ? end : 0);
    body.put("nextTop", end < entries.size() ? top : 0);
    return body;
  }

  private List<DiffEntry> diff(Repository repository, String base, String head) {
    org.eclipse.jgit.lib.Repository repo = git.git(repository);
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.setRecursive(true);
      tree.setFilter(TreeFilter.ANY_DIFF);
      tree.addTree(walk.parseCommit(ObjectId.fromString(base)).getTree());
      tree.addTree(walk.parseCommit(ObjectId.fromString(head)).getTree());
      RenameDetector renames = new RenameDetector(repo);
      renames.addAll(DiffEntry.scan(tree));
      List<DiffEntry> entries = new ArrayList<>(renames.compute());
      entries.sort((a, b) -> path(a).compareTo(path(b)));
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String path(DiffEntry entry) {
    return entry.getChangeType() == DiffEntry.ChangeType.DELETE
        ? entry.getOldPath()
        : entry.getNewPath();
  }

  private static ObjectNode change(DiffEntry entry, int changeId) {
    ObjectNode node = Json.object();
    node.put("changeTrackingId", changeId);
    node.put("changeId", changeId);
    ObjectNode item = node.putObject("item");
    String type =
        switch (entry.getChangeType()) {
          case ADD, COPY -> "add";
          case MODIFY -> "edit";
          case DELETE -> "delete";
          case RENAME -> entry.getOldId().equals(entry.getNewId()) ? "rename" : "edit, rename";
        };
    if (entry.getChangeType() != DiffEntry.ChangeType.DELETE) {
      item.put("objectId", entry.getNewId().name());
    }
    if (entry.getChangeType() != DiffEntry.ChangeType.ADD) {
      item.put("originalObjectId", entry.getOldId().name());
    }
    item.put("path", "/" + path(entry));
    item.put("gitObjectType", "blob");
    node.put("changeType", type);
    if (entry.getChangeType() == DiffEntry.ChangeType.RENAME) {
      node.put("originalPath", "/" + entry.getOldPath());
    }
    return node;
  }

  private static int number(ApiCall call, String name, int fallback) {
    return call.request()
        .queryParameter(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.trim());
              } catch (NumberFormatException e) {
                return fallback;
              }
            })
        .orElse(fallback);
  }

  private static Response iterationNotFound(String n) {
    // Wording and type unverified.
    return ErrorEnvelope.of(
        404,
        "The pull request iteration " + n + " does not exist.",
        "Microsoft.TeamFoundation.Git.Server.GitPullRequestIterationNotFoundException"
            + Requests.GIT_SERVER);
  }

  private static Response notFound(ApiCall call) {
    return ErrorEnvelope.of(
        404,
        "The resource " + call.request().decodedPath() + " was not found.",
        "Microsoft.VisualStudio.Services.WebApi.VssResourceNotFoundException,"
            + " Microsoft.VisualStudio.Services.WebApi");
  }
}
