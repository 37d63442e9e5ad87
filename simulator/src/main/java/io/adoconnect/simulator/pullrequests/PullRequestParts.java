package io.adoconnect.simulator.pullrequests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Deployment;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.identities.People;
import io.adoconnect.simulator.versioning.ApiVersion;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parts of one pull request, under {@code .../pullrequests/{id}/}:
 *
 * <ul>
 *   <li>{@code PUT reviewers/{reviewerId}} {@code {vote?, isRequired?}} — the reviewer must be one
 *       of the simulated people;
 *   <li>{@code GET|POST threads}, {@code GET threads/{threadId}}, {@code POST
 *       threads/{threadId}/comments} (a reply names {@code parentCommentId});
 *   <li>{@code GET|POST statuses} — Server 2020 serves them only as {@code 6.0-preview.1}.
 * </ul>
 */
final class PullRequestParts {
  /** The PR's JSON after a change, to raise {@code git.pullrequest.updated} with. */
  @FunctionalInterface
  interface Updated {
    void publish(Collection collection, Repository repository, ObjectNode pullRequest);
  }

  private static final List<String> COMMENT_TYPES =
      List.of("unknown", "text", "codeChange", "system");
  private static final List<String> THREAD_STATUSES =
      List.of("unknown", "active", "fixed", "wontFix", "closed", "byDesign", "pending");
  private static final List<String> STATES =
      List.of("notSet", "pending", "succeeded", "failed", "error", "notApplicable");

  private final PullRequestBook book;
  private final People people;
  private final Clock clock;
  private final Updated updated;

  PullRequestParts(PullRequestBook book, People people, Clock clock, Updated updated) {
    this.book = book;
    this.people = people;
    this.clock = clock;
    this.updated = updated;
  }

  Response handle(ApiCall call, Collection collection, Repository repository, int id) {
    List<String> route = call.route();
    String part = route.get(5).toLowerCase(java.util.Locale.ROOT);
    String method = call.request().method();
    return switch (part) {
      case "reviewers" ->
          route.size() == 7 && method.equals("PUT")
              ? addReviewer(call, collection, repository, id, route.get(6))
              : notFound(call);
      case "threads" -> threads(call, collection, repository, id);
      case "statuses" ->
          route.size() == 6 && (call.isGet() || method.equals("POST"))
              ? statuses(call, collection, repository, id)
              : notFound(call);
      default -> notFound(call);
    };
  }

  private Response addReviewer(
      ApiCall call, Collection collection, Repository repository, int id, String reviewerId) {
    Optional<SimulatedUser> person = people.byId(reviewerId);
    if (person.isEmpty()) {
      return unknownIdentity(reviewerId);
    }
    int vote = Requests.body(call).map(b -> b.path("vote").asInt(0)).orElse(0);
    Optional<ObjectNode[]> done =
        withPullRequest(
            collection,
            repository,
            id,
            pr -> {
              pr.reviewers.merge(person.get(), vote, (old, given) -> given);
              String prUrl =
                  PullRequestJson.repositoryUrl(call.scope(), repository) + "/pullRequests/" + id;
              return new ObjectNode[] {
                PullRequestJson.reviewer(person.get(), vote, prUrl, call.scope()),
                PullRequestJson.of(pr, call.scope(), false)
              };
            });
    if (done.isEmpty()) {
      return Requests.pullRequestNotFound();
    }
    updated.publish(collection, repository, done.get()[1]);
    return Json.ok(done.get()[0]);
  }

  private Response threads(ApiCall call, Collection collection, Repository repository, int id) {
    List<String> route = call.route();
    if (route.size() == 6) {
      if (call.isGet()) {
        return withPullRequest(
                collection, repository, id, pr -> Json.collection(List.copyOf(pr.threads)))
            .map(Json::ok)
            .orElseGet(Requests::pullRequestNotFound);
      }
      return call.request().method().equals("POST")
          ? createThread(call, collection, repository, id)
          : notFound(call);
    }
    Optional<Integer> threadId = Requests.id(route.get(6));
    if (threadId.isEmpty()) {
      return threadNotFound(route.get(6));
    }
    if (route.size() == 7 && call.isGet()) {
      return withPullRequest(collection, repository, id, pr -> thread(pr, threadId.get()))
          .map(t -> t.map(Json::ok).orElseGet(() -> threadNotFound(route.get(6))))
          .orElseGet(Requests::pullRequestNotFound);
    }
    if (route.size() == 8
        && route.get(7).equalsIgnoreCase("comments")
        && call.request().method().equals("POST")) {
      return reply(call, collection, repository, id, threadId.get());
    }
    return notFound(call);
  }

  private Response createThread(
      ApiCall call, Collection collection, Repository repository, int id) {
    Optional<JsonNode> body = Requests.body(call);
    if (body.isEmpty()) {
      return Requests.missingBody("commentThread");
    }
    JsonNode comments = body.get().path("comments");
    if (!comments.isArray() || comments.isEmpty()) {
      // Wording unverified.
      return Requests.invalid("A thread must contain at least one comment.");
    }
    String status =
        body.get().hasNonNull("status")
            ? Requests.enumName(body.get().get("status"), THREAD_STATUSES).orElse("active")
            : "active";
    SimulatedUser author = PullRequestEndpoints.caller(call);
    String now = Json.timestamp(clock.instant());
    return withPullRequest(
            collection,
            repository,
            id,
            pr -> {
              int threadId = book.nextThreadId();
              String self =
                  PullRequestJson.repositoryUrl(call.scope(), repository)
                      + "/pullRequests/"
                      + id
                      + "/threads/"
                      + threadId;
              ObjectNode thread = Json.object();
              thread.putNull("pullRequestThreadContext");
              thread.put("id", threadId);
              thread.put("publishedDate", now);
              thread.put("lastUpdatedDate", now);
              var list = thread.putArray("comments");
              int commentId = 1;
              for (JsonNode c : comments) {
                list.add(comment(call, c, commentId++, author, now, self));
              }
              thread.put("status", status);
              thread.set(
                  "threadContext",
                  body.get().path("threadContext").isObject()
                      ? body.get().get("threadContext")
                      : null);
              thread.putObject("properties");
              thread.put("isDeleted", false);
              ObjectNode links = thread.putObject("_links");
              links.putObject("self").put("href", self);
              links
                  .putObject("repository")
                  .put("href", PullRequestJson.repositoryUrl(call.scope(), repository));
              pr.threads.add(thread);
              return thread.deepCopy();
            })
        // Azure DevOps' example answers 200 here (unverified for every version).
        .map(Json::ok)
        .orElseGet(Requests::pullRequestNotFound);
  }

  private Response reply(
      ApiCall call, Collection collection, Repository repository, int id, int threadId) {
    Optional<JsonNode> body = Requests.body(call);
    if (body.isEmpty()) {
      return Requests.missingBody("comment");
    }
    SimulatedUser author = PullRequestEndpoints.caller(call);
    String now = Json.timestamp(clock.instant());
    Optional<Optional<ObjectNode>> result =
        withPullRequest(
            collection,
            repository,
            id,
            pr ->
                thread(pr, threadId)
                    .map(
                        ignored -> {
                          ObjectNode thread =
                              pr.threads.stream()
                                  .filter(t -> t.path("id").asInt() == threadId)
                                  .findFirst()
                                  .orElseThrow();
                          var comments =
                              (com.fasterxml.jackson.databind.node.ArrayNode)
                                  thread.get("comments");
                          ObjectNode comment =
                              comment(
                                  call,
                                  body.get(),
                                  comments.size() + 1,
                                  author,
                                  now,
                                  thread.path("_links").path("self").path("href").asText());
                          comments.add(comment);
                          thread.put("lastUpdatedDate", now);
                          return comment.deepCopy();
                        }));
    if (result.isEmpty()) {
      return Requests.pullRequestNotFound();
    }
    return result.get().map(Json::ok).orElseGet(() -> threadNotFound(Integer.toString(threadId)));
  }

  private static ObjectNode comment(
      ApiCall call, JsonNode given, int id, SimulatedUser author, String now, String threadUrl) {
    ObjectNode comment = Json.object();
    comment.put("id", id);
    comment.put("parentCommentId", given.path("parentCommentId").asInt(0));
    comment.set("author", PullRequestJson.identity(author, call.scope()));
    comment.put("content", given.path("content").asText(""));
    comment.put("publishedDate", now);
    comment.put("lastUpdatedDate", now);
    comment.put("lastContentUpdatedDate", now);
    comment.put(
        "commentType",
        given.hasNonNull("commentType")
            ? Requests.enumName(given.get("commentType"), COMMENT_TYPES).orElse("text")
            : "text");
    comment.putArray("usersLiked");
    comment.putObject("_links").putObject("self").put("href", threadUrl + "/comments/" + id);
    return comment;
  }

  private Response statuses(ApiCall call, Collection collection, Repository repository, int id) {
    Optional<Response> version = previewOnServer(call);
    if (version.isPresent()) {
      return version.get();
    }
    if (call.isGet()) {
      return withPullRequest(
              collection, repository, id, pr -> Json.collection(List.copyOf(pr.statuses)))
          .map(Json::ok)
          .orElseGet(Requests::pullRequestNotFound);
    }
    Optional<JsonNode> maybeBody = Requests.body(call);
    if (maybeBody.isEmpty()) {
      return Requests.missingBody("status");
    }
    JsonNode body = maybeBody.get();
    Optional<String> state =
        body.hasNonNull("state") ? Requests.enumName(body.get("state"), STATES) : Optional.empty();
    if (state.isEmpty() || body.path("context").path("name").asText("").isBlank()) {
      // Wording unverified.
      return Requests.invalid(
          state.isEmpty()
              ? "The status state '" + body.path("state").asText("") + "' is not valid."
              : "The status context name must be specified.");
    }
    SimulatedUser caller = PullRequestEndpoints.caller(call);
    String now = Json.timestamp(clock.instant());
    return withPullRequest(
            collection,
            repository,
            id,
            pr -> {
              ObjectNode status = Json.object();
              int statusId = pr.statuses.size() + 1;
              status.put("id", statusId);
              status.put("state", state.get());
              if (body.hasNonNull("description")) {
                status.put("description", body.get("description").asText());
              }
              ObjectNode context = status.putObject("context");
              context.put("name", body.path("context").path("name").asText());
              if (body.path("context").hasNonNull("genre")) {
                context.put("genre", body.path("context").get("genre").asText());
              }
              status.put("creationDate", now);
              status.put("updatedDate", now);
              status.set("createdBy", PullRequestJson.identity(caller, call.scope()));
              if (body.hasNonNull("targetUrl")) {
                status.put("targetUrl", body.get("targetUrl").asText());
              }
              if (body.hasNonNull("iterationId")) {
                status.put("iterationId", body.get("iterationId").asInt());
              }
              status.put(
                  "url",
                  PullRequestJson.repositoryUrl(call.scope(), repository)
                      + "/pullRequests/"
                      + id
                      + "/statuses/"
                      + statusId);
              pr.statuses.add(0, status);
              return status.deepCopy();
            })
        // Status code unverified (commit statuses answer 201; the PR statuses example is 200).
        .map(Json::ok)
        .orElseGet(Requests::pullRequestNotFound);
  }

  /** Server 2020 has PR statuses only in preview: a plain {@code 6.0} is refused. */
  private static Optional<Response> previewOnServer(ApiCall call) {
    if (call.scope().deployment() != Deployment.SERVER) {
      return Optional.empty();
    }
    Optional<ApiVersion> version = call.request().apiVersion().flatMap(ApiVersion::parse);
    if (version.isEmpty() || version.get().preview()) {
      return Optional.empty();
    }
    String web = "Microsoft.VisualStudio.Services.WebApi";
    // Wording as VersionPolicy's (unverified).
    return Optional.of(
        ErrorEnvelope.of(
            400,
            "The requested version \""
                + version.get().number()
                + "\" of the resource is under preview. The -preview flag must be supplied in the"
                + " api-version for such requests. For example: \""
                + version.get().number()
                + "-preview\"",
            web + ".VssInvalidPreviewVersionException, " + web));
  }

  private <T> Optional<T> withPullRequest(
      Collection collection, Repository repository, int id, Function<PullRequestState, T> work) {
    return book.locked(
        b ->
            b.find(collection, id)
                .filter(pr -> pr.repository.id().equals(repository.id()))
                .map(work));
  }

  private static Optional<ObjectNode> thread(PullRequestState pr, int threadId) {
    return pr.threads.stream()
        .filter(t -> t.path("id").asInt() == threadId)
        .findFirst()
        .map(ObjectNode::deepCopy);
  }

  static Response unknownIdentity(String id) {
    // Wording and status unverified.
    return Requests.invalid(
        "The identity '"
            + id
            + "' could not be found. Reviewers must be identities of this"
            + " organization.");
  }

  private static Response threadNotFound(String threadId) {
    // Wording unverified.
    return ErrorEnvelope.of(
        404,
        "The requested comment thread " + threadId + " does not exist.",
        "Microsoft.TeamFoundation.Git.Server.GitPullRequestCommentThreadNotFoundException"
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
