package io.adoconnect.simulator.git;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One {@code GET items} answer, read from the repository's Git objects:
 *
 * <ul>
 *   <li>{@code path=…}: a file as raw bytes ({@code Accept: application/octet-stream} or {@code
 *       text/plain}) or a GitItem (JSON; {@code includeContent}, {@code includeContentMetadata}); a
 *       folder as its GitItem ({@code isFolder});
 *   <li>{@code scopePath=…} or any {@code recursionLevel} other than {@code none}: {@code {count,
 *       value:[GitItem]}}, the scope first, then its children ({@code oneLevel}) or every
 *       descendant ({@code full}), in path order.
 * </ul>
 *
 * The version is {@code versionDescriptor.version} of {@code versionDescriptor.versionType} {@code
 * branch} (default), {@code commit} or {@code tag}; the default branch without one.
 */
final class ItemResponse {
  private final GitContent git;
  private final ApiCall call;
  private final Repository repository;
  private final String repositoryUrl;

  ItemResponse(GitContent git, ApiCall call, Repository repository, String repositoryUrl) {
    this.git = git;
    this.call = call;
    this.repository = repository;
    this.repositoryUrl = repositoryUrl;
  }

  Response answer() {
    Optional<String> path = query("path");
    Optional<String> scopePath = query("scopePath");
    if (path.isEmpty() && scopePath.isEmpty()) {
      // Wording unverified.
      return ErrorEnvelope.of(
          400, "The path parameter is required.", "System.ArgumentNullException, mscorlib");
    }
    String recursionText = query("recursionLevel").orElse("");
    Optional<Items.Recursion> recursion = Items.Recursion.parse(recursionText);
    if (recursion.isEmpty()) {
      // Wording unverified.
      return invalid("The value '" + recursionText + "' is not a valid recursionLevel.");
    }
    Optional<String> version = query("versionDescriptor.version");
    String versionType = query("versionDescriptor.versionType").orElse("branch");
    String descriptor = "<" + capitalize(versionType) + ": " + version.orElse("") + " >";
    Optional<String> commit = resolve(version, versionType);
    if (commit.isEmpty()) {
      // TF401175 wording and status unverified.
      return ErrorEnvelope.of(
          404,
          "TF401175:The version descriptor "
              + descriptor
              + " could not be resolved to a version in the repository "
              + repository.name(),
          "Microsoft.TeamFoundation.Git.Server.GitUnresolvableToCommitException,"
              + " Microsoft.TeamFoundation.Git.Server");
    }
    String wanted = path.orElseGet(scopePath::get);
    Optional<Items.Item> item = Items.find(git, repository, commit.get(), wanted);
    if (item.isEmpty()) {
      // TF401174 wording unverified.
      return ErrorEnvelope.of(
          404,
          "TF401174: The item '"
              + wanted
              + "' could not be found in the repository '"
              + repository.name()
              + "' at the version specified by '"
              + descriptor
              + "' (resolved to commit '"
              + commit.get()
              + "').",
          "Microsoft.TeamFoundation.Git.Server.GitItemNotFoundException,"
              + " Microsoft.TeamFoundation.Git.Server");
    }
    if (path.isEmpty() || recursion.get() != Items.Recursion.NONE) {
      List<ObjectNode> listed =
          Items.list(git, repository, item.get(), recursion.get()).stream()
              .map(i -> json(i, commit.get(), false))
              .toList();
      return Json.ok(Json.collection(listed));
    }
    String accept = call.request().header("Accept").orElse("").toLowerCase(Locale.ROOT);
    boolean raw =
        !query("$format").orElse("").equalsIgnoreCase("json")
            && (accept.contains("application/octet-stream") || accept.contains("text/plain"));
    if (raw && !item.get().folder()) {
      return new Response(
          200,
          Map.of(
              "Content-Type",
              accept.contains("text/plain")
                  ? "text/plain; charset=utf-8"
                  : "application/octet-stream"),
          git.read(repository, item.get().objectId()));
    }
    return Json.ok(json(item.get(), commit.get(), true));
  }

  private Optional<String> resolve(Optional<String> version, String versionType) {
    if (version.isEmpty()) {
      return git.defaultBranch(repository).map(GitContent.Branch::commitId);
    }
    return switch (versionType.toLowerCase(Locale.ROOT)) {
      case "commit" -> git.commit(repository, version.get()).map(ObjectId::name);
      case "tag" ->
          git.tip(git.git(repository), Constants.R_TAGS + version.get())
              .flatMap(id -> git.commit(repository, id.name()))
              .map(ObjectId::name);
      default -> git.branch(repository, version.get()).map(GitContent.Branch::commitId);
    };
  }

  private ObjectNode json(Items.Item item, String commitId, boolean single) {
    ObjectNode node = Json.object();
    node.put("objectId", item.objectId().name());
    node.put("gitObjectType", item.gitObjectType());
    node.put("commitId", commitId);
    node.put("path", item.path());
    if (item.folder()) {
      node.put("isFolder", true);
    }
    if (single && !item.folder()) {
      if (flag("includeContentMetadata")) {
        node.set("contentMetadata", metadata(item.path()));
      }
      if (flag("includeContent")) {
        node.put(
            "content", new String(git.read(repository, item.objectId()), StandardCharsets.UTF_8));
      }
    }
    node.put(
        "url", repositoryUrl + "/items" + item.path() + "?versionType=Branch&versionOptions=None");
    return node;
  }

  private static ObjectNode metadata(String path) {
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    int dot = fileName.lastIndexOf('.');
    ObjectNode metadata = Json.object();
    metadata.put("encoding", 65001);
    metadata.put("contentType", "text/plain");
    metadata.put("fileName", fileName);
    if (dot > 0) {
      metadata.put("extension", fileName.substring(dot + 1));
    }
    return metadata;
  }

  private boolean flag(String name) {
    return query(name).filter(v -> v.equalsIgnoreCase("true")).isPresent();
  }

  private Optional<String> query(String name) {
    return call.request().queryParameter(name).filter(v -> !v.isBlank());
  }

  private static Response invalid(String message) {
    return ErrorEnvelope.of(
        400,
        message,
        "Microsoft.TeamFoundation.SourceControl.WebServer.InvalidArgumentValueException,"
            + " Microsoft.TeamFoundation.SourceControl.WebServer");
  }

  private static String capitalize(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT)
            + text.substring(1).toLowerCase(Locale.ROOT);
  }
}
