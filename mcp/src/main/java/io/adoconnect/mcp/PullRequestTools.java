package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.connect.RepositoryHandle;
import io.adoconnect.http.Json;
import io.adoconnect.pullrequests.MergeStrategy;
import io.adoconnect.pullrequests.NewPullRequest;
import io.adoconnect.pullrequests.OpenedPullRequest;
import io.adoconnect.pullrequests.PostedComment;
import io.adoconnect.pullrequests.PullRequest;
import io.adoconnect.pullrequests.PullRequestCriteria;
import io.adoconnect.pullrequests.PullRequestUpdate;
import io.adoconnect.pullrequests.Thread;
import java.util.List;
import java.util.Optional;

/**
 * Pull requests: list, read with threads, statuses, create, update, comment, reply, complete. The
 * same core calls as the CLI's {@code prs} commands. Titles, descriptions, branch names, display
 * names and comments are untrusted text.
 */
final class PullRequestTools {
  /** The fields of one pull request that its authors and reviewers wrote. */
  private static final List<String> WRITTEN =
      List.of(
          "title",
          "description",
          "sourceRefName",
          "targetRefName",
          "createdBy/displayName",
          "reviewers/*/displayName");

  private PullRequestTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "list_pull_requests",
            "List pull requests",
            ToolSet.PULL_REQUESTS,
            Effect.READ,
            "A repository's pull requests, newest first (default: active ones).",
            Schema.repository()
                .choice(
                    "status",
                    "Which pull requests (default active).",
                    PullRequestCriteria.STATUSES,
                    false)
                .string("creator", "Only those created by this email or id.", false)
                .string("reviewer", "Only those with this reviewer (email or id).", false)
                .string("targetBranch", "Only those into this branch.", false)
                .paged(),
            PullRequestTools::list),
        new McpTool(
            "get_pull_request",
            "Read a pull request",
            ToolSet.PULL_REQUESTS,
            Effect.READ,
            "One pull request with its full description and its comment threads (Azure DevOps' own system threads left out unless asked).",
            Schema.repository()
                .integer("pullRequestId", "The pull request's number.", true)
                .bool(
                    "includeSystemThreads",
                    "Include Azure DevOps' own threads (votes, pushes).",
                    false),
            PullRequestTools::get),
        new McpTool(
            "get_pull_request_statuses",
            "Pull request statuses",
            ToolSet.PULL_REQUESTS,
            Effect.READ,
            "The statuses posted on a pull request (checks, policies of other tools).",
            Schema.repository().integer("pullRequestId", "The pull request's number.", true),
            PullRequestTools::statuses),
        new McpTool(
            "create_pull_request",
            "Create a pull request",
            ToolSet.PULL_REQUESTS,
            Effect.ADD,
            "Opens a pull request from sourceBranch into targetBranch; when one is already open for the same branches it is returned (alreadyOpen true).",
            Schema.repository()
                .string("sourceBranch", "Branch with the changes.", true)
                .string("targetBranch", "Branch to merge into.", true)
                .string("title", "Title.", true)
                .string("description", "Description (Markdown).", false)
                .strings("reviewers", "Reviewers by email or id.", false)
                .bool("draft", "Open as a draft.", false),
            PullRequestTools::create),
        new McpTool(
            "update_pull_request",
            "Update a pull request",
            ToolSet.PULL_REQUESTS,
            Effect.OVERWRITE,
            "Replaces a pull request's title and/or description, and adds reviewers.",
            Schema.repository()
                .integer("pullRequestId", "The pull request's number.", true)
                .string("title", "New title.", false)
                .string("description", "New description (replaces the old one).", false)
                .strings("addReviewers", "Reviewers to add, by email or id.", false),
            PullRequestTools::update),
        new McpTool(
            "comment_pull_request",
            "Comment on a pull request",
            ToolSet.PULL_REQUESTS,
            Effect.ADD,
            "Starts a new comment thread on a pull request.",
            Schema.repository()
                .integer("pullRequestId", "The pull request's number.", true)
                .string("text", "The comment (Markdown).", true),
            call -> comment(call, Optional.empty())),
        new McpTool(
            "reply_pull_request",
            "Reply in a pull request thread",
            ToolSet.PULL_REQUESTS,
            Effect.ADD,
            "Replies in an existing comment thread of a pull request (thread ids from get_pull_request).",
            Schema.repository()
                .integer("pullRequestId", "The pull request's number.", true)
                .integer("threadId", "The thread to reply in.", true)
                .string("text", "The reply (Markdown).", true),
            call -> comment(call, Optional.of(call.args().integer("threadId")))),
        new McpTool(
            "complete_pull_request",
            "Complete (merge) a pull request",
            ToolSet.PULL_REQUESTS,
            Effect.OVERWRITE,
            "Merges the pull request at its current source commit; refused if the source branch moved meanwhile.",
            Schema.repository()
                .integer("pullRequestId", "The pull request's number.", true)
                .choice(
                    "mergeStrategy",
                    "How to merge (default noFastForward).",
                    List.of("noFastForward", "squash", "rebase", "rebaseMerge"),
                    false)
                .bool("deleteSourceBranch", "Delete the source branch after merging.", false),
            PullRequestTools::complete));
  }

  private static Answer list(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    PullRequestCriteria criteria =
        new PullRequestCriteria(
            call.args().optionalString("status").orElse(null),
            call.args().optionalString("creator").orElse(null),
            call.args().optionalString("reviewer").orElse(null),
            call.args().optionalString("targetBranch").orElse(null));
    ToolCall.Page<PullRequest> page = call.page(repo.pullRequests().list(criteria));
    ObjectNode body = Where.body(Where.of(repo));
    body.set("pullRequests", Json.MAPPER.valueToTree(page.items()));
    return RepositoryTools.paged(body, page, List.of()).untrusted(paths("/pullRequests/*/"));
  }

  private static Answer get(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    int id = call.args().integer("pullRequestId");
    boolean system = call.args().bool("includeSystemThreads", false);
    PullRequest pr = repo.pullRequests().get(id);
    List<Thread> threads =
        repo.pullRequests().threads(id).stream()
            .filter(t -> !t.isDeleted() && (system || !t.isSystem()))
            .toList();
    ObjectNode body = Where.body(Where.of(repo));
    body.set("pullRequest", Json.MAPPER.valueToTree(pr));
    body.set("threads", Json.MAPPER.valueToTree(threads));
    return Answer.of(body)
        .untrusted(paths("/pullRequest/"))
        .untrusted("/threads/*/comments/*/content", "/threads/*/comments/*/author/displayName");
  }

  private static Answer statuses(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    int id = call.args().integer("pullRequestId");
    ObjectNode body = Where.body(Where.of(repo));
    body.put("pullRequestId", id);
    body.set("statuses", Json.MAPPER.valueToTree(repo.pullRequests().statuses(id)));
    return Answer.of(body).untrusted("/statuses/*/description", "/statuses/*/context/name");
  }

  private static Answer create(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    NewPullRequest input =
        new NewPullRequest(
            call.args().string("sourceBranch"),
            call.args().string("targetBranch"),
            call.args().string("title"),
            call.args().optionalString("description").orElse(null),
            call.args().strings("reviewers"),
            call.args().bool("draft", false));
    OpenedPullRequest opened = repo.pullRequests().create(input);
    ObjectNode body = Where.body(Where.of(repo));
    body.put("alreadyOpen", opened.alreadyOpen());
    body.set("pullRequest", Json.MAPPER.valueToTree(opened.pullRequest()));
    return Answer.of(body).untrusted(paths("/pullRequest/"));
  }

  private static Answer update(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    int id = call.args().integer("pullRequestId");
    PullRequestUpdate change =
        new PullRequestUpdate(
            call.args().optionalString("title").orElse(null),
            call.args().optionalString("description").orElse(null),
            call.args().strings("addReviewers"),
            null,
            null,
            false);
    ObjectNode body = Where.body(Where.of(repo));
    body.set("pullRequest", Json.MAPPER.valueToTree(repo.pullRequests().update(id, change)));
    return Answer.of(body).untrusted(paths("/pullRequest/"));
  }

  private static Answer comment(ToolCall call, Optional<Integer> thread) {
    RepositoryHandle repo = CodeTools.repository(call);
    int id = call.args().integer("pullRequestId");
    PostedComment posted = repo.pullRequests().comment(id, call.args().string("text"), thread);
    ObjectNode body = Where.body(Where.of(repo));
    body.put("pullRequestId", posted.pullRequestId());
    body.put("threadId", posted.threadId());
    body.put("startedThread", posted.startedThread());
    body.set("comment", Json.MAPPER.valueToTree(posted.comment()));
    return Answer.of(body).untrusted("/comment/content", "/comment/author/displayName");
  }

  private static Answer complete(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    int id = call.args().integer("pullRequestId");
    MergeStrategy strategy =
        call.args().optionalString("mergeStrategy").map(MergeStrategy::parse).orElse(null);
    PullRequest pr =
        repo.pullRequests().complete(id, strategy, call.args().bool("deleteSourceBranch", false));
    ObjectNode body = Where.body(Where.of(repo));
    body.set("pullRequest", Json.MAPPER.valueToTree(pr));
    return Answer.of(body).untrusted(paths("/pullRequest/"));
  }

  private static String[] paths(String prefix) {
    return WRITTEN.stream().map(p -> prefix + p).toArray(String[]::new);
  }
}
