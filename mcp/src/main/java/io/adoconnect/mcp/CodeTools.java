package io.adoconnect.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.RepositoryHandle;
import io.adoconnect.git.FolderListing;
import io.adoconnect.git.GitItem;
import io.adoconnect.git.ItemDepth;
import io.adoconnect.git.Ref;
import io.adoconnect.http.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A repository's code: branches, a folder's listing and a file's content at a branch, a commit's
 * statuses. The same core calls as the CLI's {@code branches}, {@code files} and {@code status}.
 */
final class CodeTools {
  /** The most of a file one answer carries; the rest is read with {@code offset}. */
  static final int MAX_FILE_CHARS = 60_000;

  private CodeTools() {}

  static List<McpTool> all() {
    return List.of(
        new McpTool(
            "list_branches",
            "List branches",
            ToolSet.CODE,
            Effect.READ,
            "A repository's branches and the commit each points at.",
            Schema.repository().paged(),
            CodeTools::branches),
        new McpTool(
            "get_file",
            "Read a file",
            ToolSet.CODE,
            Effect.READ,
            "A text file's content on a branch (default: the repository's default branch). Long files come in parts: call again with offset = nextOffset.",
            Schema.repository()
                .string("path", "File path in the repository, e.g. /src/app.js.", true)
                .string("branch", "Branch name; default: the repository's default branch.", false)
                .integer("offset", "Character offset to start at (from nextOffset).", false),
            CodeTools::file),
        new McpTool(
            "list_files",
            "List a folder",
            ToolSet.CODE,
            Effect.READ,
            "The files and folders in a repository folder on a branch (default: the repository's default branch): its children, or everything beneath it with recursive. Paths are from the repository root; read a file with get_file.",
            Schema.repository()
                .string(
                    "path", "Folder path in the repository, e.g. /src; default: the root.", false)
                .string("branch", "Branch name; default: the repository's default branch.", false)
                .bool(
                    "recursive",
                    "true: everything beneath the folder; false (default): its children only.",
                    false)
                .paged(),
            CodeTools::files),
        new McpTool(
            "get_commit_statuses",
            "Commit statuses",
            ToolSet.CODE,
            Effect.READ,
            "The statuses posted on a commit (CI results, checks), newest first.",
            Schema.repository().string("commitId", "Full 40-character commit id.", true),
            CodeTools::statuses));
  }

  static RepositoryHandle repository(ToolCall call) {
    RepositoryHandle repo = call.ado().repository(call.args().repository());
    call.reach().check(repo);
    return repo;
  }

  private static Answer branches(ToolCall call) {
    RepositoryHandle repo = repository(call);
    List<Ref> refs = repo.git().branches().toList();
    ToolCall.Page<Ref> page = call.page(refs);
    ObjectNode body = Where.body(Where.of(repo));
    body.set("branches", Json.MAPPER.valueToTree(page.items()));
    return RepositoryTools.paged(body, page, List.of())
        .untrusted("/branches/*/name", "/branches/*/branch");
  }

  private static Answer files(ToolCall call) {
    RepositoryHandle repo = repository(call);
    Optional<String> branch = call.args().optionalString("branch");
    boolean recursive = call.args().bool("recursive", false);
    FolderListing listing =
        repo.git()
            .list(
                call.args().optionalString("path").orElse("/"),
                branch,
                recursive ? ItemDepth.FULL : ItemDepth.ONE_LEVEL);
    ToolCall.Page<GitItem> page = call.page(listing.items());
    ObjectNode body = Where.body(Where.of(repo));
    body.put("path", listing.path());
    body.put("branch", listing.branch());
    body.put("recursive", recursive);
    ArrayNode items = body.putArray("items");
    for (GitItem item : page.items()) {
      items
          .addObject()
          .put("path", item.path())
          .put("type", item.isFolder() ? "folder" : "file")
          .put("objectId", item.objectId())
          .put("commitId", item.commitId());
    }
    Answer answer = RepositoryTools.paged(body, page, List.of());
    if (listing.note() != null) {
      answer.note(listing.note());
    }
    // File names are chosen by whoever pushed; a name can carry an instruction.
    return answer.untrusted("/items/*/path");
  }

  private static Answer file(ToolCall call) {
    RepositoryHandle repo = repository(call);
    String path = call.args().string("path");
    Optional<String> branch = call.args().optionalString("branch");
    int offset = call.args().optionalInteger("offset").orElse(0);
    byte[] bytes = repo.git().fileContent(path, branch);
    ObjectNode body = Where.body(Where.of(repo));
    body.put("path", path);
    body.put("branch", branch.orElse(null));
    body.put("bytes", bytes.length);
    Answer answer = Answer.of(body);
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      body.put("binary", true);
      return answer.note("The file is binary (not UTF-8 text); its content is not shown.");
    }
    String content = text.get();
    if (offset < 0 || offset > content.length()) {
      throw new InvalidInputException(
          "The offset " + offset + " is outside the file (" + content.length() + " characters).",
          "Start at 0, or at the nextOffset an earlier answer gave.");
    }
    int end = Math.min(content.length(), offset + MAX_FILE_CHARS);
    body.put("binary", false);
    body.put("offset", offset);
    body.put("length", content.length());
    body.put("content", content.substring(offset, end));
    if (end < content.length()) {
      body.put("nextOffset", end);
      answer.note(
          "Showing characters "
              + offset
              + " to "
              + end
              + " of "
              + content.length()
              + "; call again with offset = nextOffset for the rest.");
    }
    return answer.untrusted("/content");
  }

  private static Answer statuses(ToolCall call) {
    RepositoryHandle repo = repository(call);
    String commit = call.args().string("commitId");
    ObjectNode body = Where.body(Where.of(repo));
    body.put("commitId", commit);
    body.set("statuses", Json.MAPPER.valueToTree(repo.git().statuses(commit)));
    return Answer.of(body).untrusted("/statuses/*/description", "/statuses/*/context/name");
  }

  private static Optional<String> utf8(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
