package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.RepositoryHandle;
import io.adoconnect.http.Json;
import io.adoconnect.pullrequests.DiffLimits;
import io.adoconnect.pullrequests.FileDiff;
import io.adoconnect.pullrequests.PullRequestDiff;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a pull request changes: its files, and its unified diff against the merge base. The same
 * core calls as the CLI's {@code prs diff}. Paths and patches are untrusted text: they are the code
 * and names the author pushed.
 */
final class PullRequestDiffTools {
  static final int DEFAULT_FILES = 50;
  static final int MAX_FILES = 300;

  /** The most patch lines one answer carries (the core bounds each file and the whole diff). */
  static final int MAX_PATCH_LINES = 3_000;

  private PullRequestDiffTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "get_pull_request_changes",
            "Pull request changed files",
            ToolSet.PULL_REQUESTS,
            Effect.READ,
            "The files a pull request changes as of its latest iteration: path, original path of a rename, change type.",
            Schema.repository()
                .integer("pullRequestId", "The pull request's number.", true)
                .paged(),
            PullRequestDiffTools::changes),
        new McpTool(
            "get_pull_request_diff",
            "Pull request diff",
            ToolSet.PULL_REQUESTS,
            Effect.READ,
            "The pull request's unified diff against the merge base, file by file (optionally only some paths), bounded in files and lines with a note saying what was left out.",
            Schema.repository()
                .integer("pullRequestId", "The pull request's number.", true)
                .strings(
                    "paths",
                    "Only these files, from the repository root (e.g. /src/app.js).",
                    false)
                .integer(
                    "maxFiles",
                    "At most this many files, 1 to "
                        + MAX_FILES
                        + " (default "
                        + DEFAULT_FILES
                        + ").",
                    false),
            PullRequestDiffTools::diff));
  }

  private static Answer changes(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    int id = call.args().integer("pullRequestId");
    ToolCall.Page<FileDiff> page = call.page(repo.pullRequests().changedFiles(id));
    ObjectNode body = Where.body(Where.of(repo));
    body.put("pullRequestId", id);
    body.set("files", Json.MAPPER.valueToTree(page.items()));
    return RepositoryTools.paged(body, page, List.of())
        .untrusted("/files/*/path", "/files/*/originalPath");
  }

  private static Answer diff(ToolCall call) {
    RepositoryHandle repo = CodeTools.repository(call);
    int id = call.args().integer("pullRequestId");
    int maxFiles = call.args().optionalInteger("maxFiles").orElse(DEFAULT_FILES);
    if (maxFiles < 1 || maxFiles > MAX_FILES) {
      throw new InvalidInputException(
          "The argument 'maxFiles' must be between 1 and " + MAX_FILES + ".",
          "Ask for fewer files, or name the paths you need.");
    }
    PullRequestDiff diff =
        repo.pullRequests()
            .diff(
                id,
                new LinkedHashSet<>(call.args().strings("paths")),
                new DiffLimits(maxFiles, DiffLimits.DEFAULT.maxFileBytes(), MAX_PATCH_LINES));
    ObjectNode body = Where.body(Where.of(repo));
    body.put("pullRequestId", diff.pullRequestId());
    body.put("iteration", diff.iteration());
    body.put("baseCommit", diff.baseCommit());
    body.put("headCommit", diff.headCommit());
    body.put("filesChanged", diff.filesChanged());
    body.set("files", Json.MAPPER.valueToTree(diff.files()));
    Answer answer =
        Answer.of(body)
            .untrusted("/files/*/path", "/files/*/originalPath", "/files/*/patch", "/files/*/note");
    if (diff.note() != null) {
      answer.note(diff.note());
    }
    return answer;
  }
}
