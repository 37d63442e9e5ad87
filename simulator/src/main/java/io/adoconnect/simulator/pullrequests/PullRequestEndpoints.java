package io.adoconnect.simulator.pullrequests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.git.GitContent;
import io.adoconnect.simulator.git.Merges;
import io.adoconnect.simulator.git.Pushes;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.identities.People;
import io.adoconnect.simulator.projects.ProjectJson;
import io.adoconnect.simulator.repositories.RepositoryEndpoints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pull requests, under {@code {base}/[{project}/]_apis/git/}:
 *
 * <ul>
 *   <li>{@code POST repositories/{repo}/pullrequests} — 201 with the PR; source and target must be
 *       branches of the repository; a second active PR for the same branches is 409 {@code
 *       TF401179};
 *   <li>{@code GET repositories/{repo}/pullrequests?searchCriteria.status=&creatorId=&reviewerId=
 *       &targetRefName=&sourceRefName=&$top=&$skip=} (newest first), and {@code GET
 *       {project}/_apis/git/pullrequests?…} across a project;
 *   <li>{@code GET repositories/{repo}/pullrequests/{id}} and {@code GET pullrequests/{id}};
 *   <li>{@code PATCH repositories/{repo}/pullrequests/{id}} — title, description, isDraft, {@code
 *       status: completed} (with {@code lastMergeSourceCommit} and {@code completionOptions}) or
 *       {@code abandoned} / {@code active};
 *   <li>reviewers, threads and statuses: see {@link PullRequestParts}; iterations and their
 *       changes: see {@link PullRequestIterations}.
 * </ul>
 *
 * The caller is the creator. Completing merges in Git as Azure DevOps does: the target branch moves
 * to a real merge commit (the PR's {@code lastMergeCommit}; see {@link Merges}) with a {@code
 * git.push} event, and with {@code completionOptions.deleteSourceBranch} the source branch goes, in
 * a second {@code git.push}. Branches that conflict leave the PR active (409).
 */
public final class PullRequestEndpoints implements AreaHandler {
  // Wording unverified; the real default page size too.
  private static final int DEFAULT_TOP = 100;

  private final PullRequestBook book = new PullRequestBook();
  private final ServiceEvents events;
  private final Pushes pushes;
  private final People people;
  private final Clock clock;
  private final PullRequestParts parts;
  private final PullRequestIterations iterations;

  public PullRequestEndpoints(ServiceEvents events, Pushes pushes, People people, Clock clock) {
    this.events = events;
    this.pushes = pushes;
    this.people = people;
    this.clock = clock;
    this.parts = new PullRequestParts(book, people, clock, this::publishUpdated);
    this.iterations = new PullRequestIterations(book, pushes.git());
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    List<String> route = call.route();
    if (collection == null || route.size() < 2 || !route.get(0).equalsIgnoreCase("git")) {
      return Optional.empty();
    }
    if (route.get(1).equalsIgnoreCase("pullrequests") && route.size() <= 3 && call.isGet()) {
      return Optional.of(byProject(call, collection));
    }
    if (route.size() < 4
        || !route.get(1).equalsIgnoreCase("repositories")
        || !route.get(3).equalsIgnoreCase("pullrequests")) {
      return Optional.empty();
    }
    List<Repository> candidates;
    if (call.project() == null) {
      candidates = collection.repositories();
    } else {
      Optional<Project> project = collection.project(call.project());
      if (project.isEmpty()) {
        return Optional.of(ProjectJson.notFound(call.project()));
      }
      candidates = collection.repositoriesOf(project.get());
    }
    Optional<Repository> repository = Collection.repository(candidates, route.get(2));
    if (repository.isEmpty()) {
      return Optional.of(RepositoryEndpoints.repositoryNotFound(route.get(2)));
    }
    return Optional.of(inRepository(call, collection, repository.get()));
  }

  private Response inRepository(ApiCall call, Collection collection, Repository repository) {
    List<String> route = call.route();
    String method = call.request().method();
    if (route.size() == 4) {
      return switch (method) {
        case "GET" -> list(call, collection, pr -> pr.repository.id().equals(repository.id()));
        case "POST" -> create(call, collection, repository);
        default -> notAllowed();
      };
    }
    Optional<Integer> id = Requests.id(route.get(4));
    if (id.isEmpty()) {
      return Requests.pullRequestNotFound();
    }
    if (route.size() == 5) {
      return switch (method) {
        case "GET" -> get(call, collection, id.get(), Optional.of(repository));
        case "PATCH" -> update(call, collection, repository, id.get());
        default -> notAllowed();
      };
    }
    if (route.get(5).equalsIgnoreCase("iterations")) {
      return iterations.handle(call, collection, repository, id.get());
    }
    return parts.handle(call, collection, repository, id.get());
  }

  private Response byProject(ApiCall call, Collection collection) {
    Optional<Project> project = Optional.empty();
    if (call.project() != null) {
      project = collection.project(call.project());
      if (project.isEmpty()) {
        return ProjectJson.notFound(call.project());
      }
    }
    if (call.route().size() == 3) {
      return Requests.id(call.route().get(2))
          .map(id -> get(call, collection, id, Optional.empty()))
          .orElseGet(Requests::pullRequestNotFound);
    }
    if (project.isEmpty()) {
      return ErrorEnvelope.of(
          404,
          "The project must be given: {project}/_apis/git/pullrequests.",
          "Microsoft.VisualStudio.Services.WebApi.VssResourceNotFoundException,"
              + " Microsoft.VisualStudio.Services.WebApi");
    }
    String projectId = project.get().id().toString();
    Optional<String> repositoryId =
        call.request().queryParameter("searchCriteria.repositoryId").filter(v -> !v.isBlank());
    return list(
        call,
        collection,
        pr ->
            pr.repository.project().id().toString().equals(projectId)
                && repositoryId
                    .map(r -> pr.repository.id().toString().equalsIgnoreCase(r))
                    .orElse(true));
  }

  private Response list(ApiCall call, Collection collection, Predicate<PullRequestState> where) {
    String status =
        listStatus(call.request().queryParameter("searchCriteria.status").orElse("active"));
    Optional<String> creator = criterion(call, "creatorId");
    Optional<String> reviewer = criterion(call, "reviewerId");
    Optional<String> target = criterion(call, "targetRefName");
    Optional<String> source = criterion(call, "sourceRefName");
    Optional<Integer> top = Requests.number(call, "$top");
    Optional<Integer> skip = Requests.number(call, "$skip");
    if (top.filter(n -> n < 0).isPresent() || skip.filter(n -> n < 0).isPresent()) {
      return Requests.invalid("The value specified for $top or $skip is not valid.");
    }
    List<ObjectNode> page =
        book.locked(
            b ->
                b.all(collection).stream()
                    .filter(where)
                    .filter(pr -> status.equals("all") || pr.status.equalsIgnoreCase(status))
                    .filter(pr -> creator.map(c -> is(pr.createdBy, c)).orElse(true))
                    .filter(
                        pr ->
                            reviewer
                                .map(r -> pr.reviewers.keySet().stream().anyMatch(u -> is(u, r)))
                                .orElse(true))
                    .filter(pr -> target.map(t -> pr.target.refName().equals(t)).orElse(true))
                    .filter(pr -> source.map(s -> pr.source.refName().equals(s)).orElse(true))
                    .sorted(Comparator.comparingInt((PullRequestState pr) -> pr.id).reversed())
                    .skip(skip.orElse(0))
                    .limit(top.orElse(DEFAULT_TOP))
                    .peek(pr -> pr.follow(pushes.git()))
                    .map(pr -> PullRequestJson.of(pr, call.scope(), true))
                    .toList());
    return Json.ok(Json.collection(page));
  }

  private Response get(
      ApiCall call, Collection collection, int id, Optional<Repository> repository) {
    Optional<ObjectNode> found =
        book.locked(
            b ->
                b.find(collection, id)
                    .filter(
                        pr -> repository.map(r -> r.id().equals(pr.repository.id())).orElse(true))
                    .filter(
                        pr ->
                            call.project() == null
                                || collection
                                    .project(call.project())
                                    .map(p -> p.id().equals(pr.repository.project().id()))
                                    .orElse(false))
                    .map(
                        pr -> {
                          pr.follow(pushes.git());
                          return PullRequestJson.of(pr, call.scope(), false);
                        }));
    return found.map(Json::ok).orElseGet(Requests::pullRequestNotFound);
  }

  private Response create(ApiCall call, Collection collection, Repository repository) {
    Optional<JsonNode> maybeBody = Requests.body(call);
    if (maybeBody.isEmpty()) {
      return Requests.missingBody("gitPullRequestToCreate");
    }
    JsonNode body = maybeBody.get();
    String sourceName = body.path("sourceRefName").asText("");
    String targetName = body.path("targetRefName").asText("");
    Optional<GitContent.Branch> source = branch(repository, sourceName);
    Optional<GitContent.Branch> target = branch(repository, targetName);
    if (source.isEmpty() || target.isEmpty()) {
      // The TF401398 wording is Azure DevOps'; the status for a create is unverified.
      return ErrorEnvelope.of(
          400,
          "TF401398: The pull request cannot be activated because the source and/or the target"
              + " branch no longer exists, or the requested refs are not branches",
          "Microsoft.TeamFoundation.Git.Server.GitPullRequestCannotBeActivated"
              + Requests.GIT_SERVER);
    }
    if (source.get().equals(target.get())) {
      // Wording unverified.
      return Requests.invalid("The source and target branch of a pull request must differ.");
    }
    String title = body.path("title").asText("").trim();
    if (title.isEmpty()) {
      return Requests.invalid("The pull request title must be specified.");
    }
    List<SimulatedUser> reviewers = new ArrayList<>();
    for (JsonNode r : body.path("reviewers")) {
      Optional<SimulatedUser> person = people.byId(r.path("id").asText(""));
      if (person.isEmpty()) {
        return PullRequestParts.unknownIdentity(r.path("id").asText(""));
      }
      reviewers.add(person.get());
    }
    SimulatedUser caller = caller(call);
    Optional<ObjectNode> created =
        book.locked(
            b -> {
              boolean duplicate =
                  b.all(collection).stream()
                      .anyMatch(
                          pr ->
                              pr.active()
                                  && pr.repository.id().equals(repository.id())
                                  && pr.source.name().equals(source.get().name())
                                  && pr.target.name().equals(target.get().name()));
              if (duplicate) {
                return Optional.empty();
              }
              PullRequestState pr =
                  new PullRequestState(
                      b.nextId(collection),
                      collection,
                      repository,
                      source.get(),
                      target.get(),
                      caller,
                      clock.instant());
              pr.title = title;
              pr.description =
                  body.hasNonNull("description") ? body.get("description").asText() : null;
              pr.draft = body.path("isDraft").asBoolean(false);
              reviewers.forEach(u -> pr.reviewers.put(u, 0));
              b.all(collection).add(pr);
              return Optional.of(PullRequestJson.of(pr, call.scope(), false));
            });
    if (created.isEmpty()) {
      return ErrorEnvelope.of(
          409,
          "TF401179: An active pull request for the source and target branch already exists.",
          "Microsoft.TeamFoundation.Git.Server.GitPullRequestExistsException"
              + Requests.GIT_SERVER);
    }
    events.publish(
        "git.pullrequest.created", collection, repository.project().id().toString(), created.get());
    return Response.json(201, Json.bytes(created.get()));
  }

  private Response update(ApiCall call, Collection collection, Repository repository, int id) {
    Optional<JsonNode> maybeBody = Requests.body(call);
    if (maybeBody.isEmpty()) {
      return Requests.missingBody("gitPullRequestToUpdate");
    }
    JsonNode body = maybeBody.get();
    SimulatedUser caller = caller(call);
    Response[] failure = new Response[1];
    Optional<ObjectNode> updated =
        book.locked(
            b -> {
              Optional<PullRequestState> found =
                  b.find(collection, id).filter(pr -> pr.repository.id().equals(repository.id()));
              if (found.isEmpty()) {
                failure[0] = Requests.pullRequestNotFound();
                return Optional.empty();
              }
              PullRequestState pr = found.get();
              pr.follow(pushes.git());
              boolean wasCompleted = pr.status.equals("completed");
              failure[0] = PullRequestChanges.apply(pr, body, caller, clock.instant());
              if (failure[0] != null) {
                return Optional.empty();
              }
              if (!wasCompleted
                  && pr.status.equals("completed")
                  && !merge(call, collection, pr, caller)) {
                pr.status = "active";
                pr.closed = null;
                pr.closedBy = null;
                // Wording and status unverified.
                failure[0] =
                    ErrorEnvelope.of(
                        409,
                        "The pull request can't be completed: its source and target branches have"
                            + " merge conflicts. Resolve them on the source branch and try again.",
                        "Microsoft.TeamFoundation.Git.Server.GitPullRequestMergeConflictException"
                            + Requests.GIT_SERVER);
                return Optional.empty();
              }
              return Optional.of(PullRequestJson.of(pr, call.scope(), false));
            });
    if (updated.isEmpty()) {
      return failure[0];
    }
    publishUpdated(collection, repository, updated.get());
    return Json.ok(updated.get());
  }

  /**
   * Merges in Git as the PR's merge strategy says (a real merge commit, or a squash commit) and
   * records the push onto the target branch (its message as Azure DevOps writes it); when asked,
   * deletes the source branch. Called under the book's lock, so no other change sees the PR
   * completed without its merge commit. False when the branches conflict: nothing moved.
   */
  private boolean merge(
      ApiCall call, Collection collection, PullRequestState pr, SimulatedUser by) {
    String baseUrl = call.scope().baseUrl();
    GitContent git = pushes.git();
    GitContent.Branch target = git.branch(pr.repository, pr.target.name()).orElse(pr.target);
    Optional<GitContent.RefUpdate> merged =
        new Merges(git)
            .merge(
                pr.repository,
                pr.source,
                target,
                pr.mergeStrategy,
                "Merged PR " + pr.id + ": " + pr.title,
                pushes.ident(by));
    if (merged.isEmpty()) {
      return false;
    }
    pushes.pushed(collection, baseUrl, pr.repository, List.of(merged.get()), by);
    pr.mergeCommit = merged.get().newObjectId();
    if (pr.deleteSourceBranch) {
      pushes.deleteBranch(collection, baseUrl, pr.repository, pr.source.name(), by);
    }
    return true;
  }

  private void publishUpdated(Collection collection, Repository repository, ObjectNode pr) {
    events.publish("git.pullrequest.updated", collection, repository.project().id().toString(), pr);
  }

  private Optional<GitContent.Branch> branch(Repository repository, String refName) {
    // Azure DevOps wants full ref names here; "main" alone names no branch.
    return refName.startsWith("refs/heads/")
        ? pushes.git().branch(repository, refName)
        : Optional.empty();
  }

  /** A status filter by name or by PullRequestStatus number (0 notSet … 4 all), lower case. */
  private static String listStatus(String given) {
    List<String> numbered = List.of("notset", "active", "abandoned", "completed", "all");
    try {
      int n = Integer.parseInt(given.trim());
      return n >= 0 && n < numbered.size() ? numbered.get(n) : given;
    } catch (NumberFormatException e) {
      return given.toLowerCase(Locale.ROOT);
    }
  }

  private static Optional<String> criterion(ApiCall call, String name) {
    return call.request().queryParameter("searchCriteria." + name).filter(v -> !v.isBlank());
  }

  private static boolean is(SimulatedUser user, String id) {
    return user.id().toString().equalsIgnoreCase(id);
  }

  static SimulatedUser caller(ApiCall call) {
    return call.scope().user();
  }

  private static Response notAllowed() {
    // Wording unverified.
    return ErrorEnvelope.of(
        405,
        "The requested resource does not support this http method.",
        "System.Web.Http.HttpResponseException, System.Web.Http");
  }
}
