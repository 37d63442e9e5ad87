package io.adoconnect.builds;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.WaitTimeoutException;
import io.adoconnect.devops.IdOrName;
import io.adoconnect.devops.ProjectNotFound;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.Poller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Build definitions and builds of one resolved project, with what every front-end needs around the
 * REST calls: a definition named by id or name, the default number of builds, and following a build
 * to its end. Reached through {@code ado.project(ref).builds()}.
 *
 * <pre>{@code
 * ProjectBuilds builds = ado.project(ref).builds();
 * Build queued = builds.queue("web-app-CI", "main", Map.of(), Map.of());
 * Build done = builds.await(queued.id(), Duration.ofMinutes(30), b -> log(b.state()));
 * }</pre>
 */
public final class ProjectBuilds {
  private static final String KIND = "build definition";

  private final ProjectScope scope;
  private final BuildsClient client;
  private final Poller poller;

  public ProjectBuilds(ProjectScope scope, Poller poller) {
    this.scope = scope;
    this.client = new BuildsClient(scope.http());
    this.poller = poller;
  }

  /**
   * The build definitions with their repositories; {@code name} (may be null) filters by name,
   * case-insensitively, {@code *} as a wildcard.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/definitions?name=…&includeAllProperties=true
   */
  public List<BuildDefinition> definitions(String name) {
    scope.http().require(AccessScope.BUILD_READ);
    return ProjectNotFound.restated(
        scope.org(),
        scope.project(),
        () -> client.definitions(scope.org(), scope.project(), Optional.ofNullable(name)).toList());
  }

  /**
   * The id of the definition named by id or by name (or a {@code *} pattern that must match one).
   * An id is taken as it is, without a call.
   *
   * <p>Azure DevOps (for a name): GET {org}/{project}/_apis/build/definitions?name=…
   */
  public int definitionId(String idOrName) {
    scope.http().require(AccessScope.BUILD_READ);
    IdOrName wanted = IdOrName.parse(idOrName, KIND);
    return wanted
        .givenId()
        .orElseGet(
            () ->
                wanted
                    .single(
                        scope,
                        definitions(wanted.name()),
                        () -> definitions(null),
                        d -> IdOrName.describe(d.name(), d.id(), d.path()))
                    .id());
  }

  /**
   * Queues a build of the definition named by id or name; {@code branch} (may be null: the
   * definition's) and the classic {@code parameters} and YAML {@code templateParameters} (may be
   * null) as given.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/build/builds
   */
  public Build queue(
      String definition,
      String branch,
      Map<String, String> parameters,
      Map<String, String> templateParameters) {
    scope.http().require(AccessScope.BUILD_EXECUTE);
    int id = definitionId(definition);
    QueueBuildInput input =
        new QueueBuildInput(id, branch, orEmpty(parameters), orEmpty(templateParameters));
    return client.queue(scope.org(), scope.project(), input);
  }

  /**
   * One build.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/builds/{buildId}
   */
  public Build get(int buildId) {
    scope.http().require(AccessScope.BUILD_READ);
    return client.get(scope.org(), scope.project(), buildId);
  }

  /**
   * The latest builds, newest first: of one definition (id or name; null for all), of one branch
   * (null for all), at most {@code top} (null: {@value BuildQuery#DEFAULT_TOP}).
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/builds?definitions=&branchName=&$top=
   */
  public List<Build> list(String definition, String branch, Integer top) {
    scope.http().require(AccessScope.BUILD_READ);
    BuildQuery query =
        BuildQuery.latest().withTop(top == null ? BuildQuery.DEFAULT_TOP : top).withBranch(branch);
    if (definition != null && !definition.isBlank()) {
      query = query.withDefinition(definitionId(definition));
    }
    return client.list(scope.org(), scope.project(), query);
  }

  /**
   * The logs of a build, one per step it has reached, in the order they ran.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/builds/{buildId}/logs
   */
  public List<BuildLog> logs(int buildId) {
    scope.http().require(AccessScope.BUILD_READ);
    return client.logs(scope.org(), scope.project(), buildId);
  }

  /**
   * At most {@code maxLines} lines of log {@code logId} from line {@code startLine} (1-based); a
   * start past the end gives no lines.
   *
   * <p>Azure DevOps: GET …/builds/{buildId}/logs, then GET …/builds/{buildId}/logs/{logId}
   *
   * @throws InvalidInputException when {@code startLine} or {@code maxLines} is below 1
   * @throws NotFoundException when the build has no such log
   */
  public BuildLogLines lines(int buildId, int logId, int startLine, int maxLines) {
    scope.http().require(AccessScope.BUILD_READ);
    if (startLine < 1 || maxLines < 1) {
      throw new InvalidInputException(
          "Log lines are counted from 1, and at least one line must be asked for.",
          NextStep.advice("Give a start line and a number of lines of 1 or more."));
    }
    return read(buildId, log(buildId, logId), startLine, maxLines);
  }

  /** The last {@code maxLines} lines of log {@code logId}: where a failure usually shows. */
  public BuildLogLines tail(int buildId, int logId, int maxLines) {
    scope.http().require(AccessScope.BUILD_READ);
    BuildLog log = log(buildId, logId);
    return read(buildId, log, Math.max(1, log.lineCount() - maxLines + 1), Math.max(1, maxLines));
  }

  private BuildLogLines read(int buildId, BuildLog log, int startLine, int maxLines) {
    if (startLine > log.lineCount()) {
      return new BuildLogLines(log, startLine, List.of(), null);
    }
    int endLine = (int) Math.min(log.lineCount(), (long) startLine + maxLines - 1);
    List<String> lines =
        client.logLines(scope.org(), scope.project(), buildId, log.id(), startLine, endLine);
    return new BuildLogLines(log, startLine, lines, endLine < log.lineCount() ? endLine + 1 : null);
  }

  private BuildLog log(int buildId, int logId) {
    List<BuildLog> logs = logs(buildId);
    return logs.stream()
        .filter(l -> l.id() == logId)
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    null,
                    "Build "
                        + buildId
                        + " in "
                        + scope.path()
                        + " has no log "
                        + logId
                        + (logs.isEmpty()
                            ? "; it has no logs yet."
                            : "; its logs are 1 to " + logs.size() + "."),
                    NextStep.advice("Give one of the build's log ids.")));
  }

  /**
   * Follows a build until it completes, telling {@code progress} its first state and every change
   * (see {@link Poller} for the backoff). Past {@code timeout}: {@link WaitTimeoutException}; the
   * build goes on.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/build/builds/{buildId}, repeatedly
   */
  public Build await(int buildId, Duration timeout, Consumer<Build> progress) {
    scope.http().require(AccessScope.BUILD_READ);
    return poller.follow(
        () -> get(buildId),
        Build::state,
        Build::completed,
        progress,
        timeout,
        last ->
            new WaitTimeoutException(
                "Build "
                    + buildId
                    + " had not completed after "
                    + timeout.toSeconds()
                    + " s (it is "
                    + last.state()
                    + ").",
                "It goes on in Azure DevOps; read the build again later"
                    + (last.webUrl() == null ? "." : ", or open " + last.webUrl() + ".")));
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
