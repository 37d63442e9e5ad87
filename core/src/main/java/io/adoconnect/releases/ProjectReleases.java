package io.adoconnect.releases;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.WaitTimeoutException;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.IdOrName;
import io.adoconnect.devops.ProjectNotFound;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.Poller;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Classic release definitions and releases of one resolved project (on the release host), with a
 * definition named by id or name, the list's default and maximum length, and a release followed
 * until every stage has finished. Reached through {@code ado.project(ref).releases()}.
 *
 * <pre>{@code
 * ProjectReleases releases = ado.project(ref).releases();
 * Release created = releases.create("web-app-Release", "hotfix 1.2.1");
 * Release done = releases.await(created.id(), Duration.ofHours(2), r -> log(r.progress()));
 * }</pre>
 */
public final class ProjectReleases {
  /** Releases listed when no number is given. */
  public static final int DEFAULT_TOP = 50;

  /** The most releases one list returns. */
  public static final int MAX_TOP = 1000;

  private static final int PAGE = 100;
  private static final String KIND = "release definition";

  private final ProjectScope scope;
  private final ReleasesClient client;
  private final Poller poller;

  public ProjectReleases(ProjectScope scope, AzureDevOpsEndpoints endpoints, Poller poller) {
    this.scope = scope;
    this.client = new ReleasesClient(scope.http(), endpoints);
    this.poller = poller;
  }

  /**
   * The release definitions with their stages, ids ascending.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/definitions?$expand=environments
   */
  public List<ReleaseDefinition> definitions() {
    scope.http().require(AccessScope.RELEASE_READ);
    return ProjectNotFound.restated(
        scope.org(),
        scope.project(),
        () -> client.definitions(scope.org(), scope.project()).toList());
  }

  /**
   * The definition named by id or by exact name (case-insensitive, must match one).
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/definitions?searchText=…
   * &isExactNameMatch=true (by name) or the whole list (by id)
   */
  public ReleaseDefinition definition(String idOrName) {
    scope.http().require(AccessScope.RELEASE_READ);
    IdOrName wanted = IdOrName.parse(idOrName, KIND);
    if (wanted.givenId().isPresent()) {
      return definitions().stream()
          .filter(d -> d.id() == wanted.id())
          .findFirst()
          .orElseThrow(
              () ->
                  new NotFoundException(
                      null,
                      "No release definition in "
                          + scope.path()
                          + " has the id "
                          + wanted.id()
                          + ".",
                      NextStep.advice(
                          "The project's release definitions list the ids that exist.")));
    }
    List<ReleaseDefinition> matches =
        ProjectNotFound.restated(
            scope.org(),
            scope.project(),
            () ->
                client.definitionsNamed(scope.org(), scope.project(), wanted.name()).stream()
                    .filter(d -> d.name().equalsIgnoreCase(wanted.name()))
                    .toList());
    return wanted.single(
        scope, matches, this::definitions, d -> IdOrName.describe(d.name(), d.id(), d.path()));
  }

  /**
   * Creates a release of the definition named by id or name; its first stage starts as the
   * definition's triggers say. {@code description} may be null.
   *
   * <p>Azure DevOps: POST {vsrm}/{project}/_apis/release/releases
   */
  public Release create(String definition, String description) {
    scope.http().require(AccessScope.RELEASE_EXECUTE);
    ReleaseDefinition found = definition(definition);
    return client.create(scope.org(), scope.project(), NewRelease.of(found.id(), description));
  }

  /**
   * One release with its stages.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/releases/{releaseId}
   */
  public Release get(int releaseId) {
    scope.http().require(AccessScope.RELEASE_READ);
    return client.get(scope.org(), scope.project(), releaseId);
  }

  /**
   * The latest releases, newest first, with their stages: of one definition (id or name; null for
   * all), at most {@code top} (null: {@value #DEFAULT_TOP}; 1 to {@value #MAX_TOP}).
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/releases?definitionId=…&$top=…
   * &$expand=environments
   */
  public List<Release> list(String definition, Integer top) {
    scope.http().require(AccessScope.RELEASE_READ);
    int limit = top == null ? DEFAULT_TOP : top;
    if (limit < 1 || limit > MAX_TOP) {
      throw new InvalidInputException(
          "The number of releases to list must be between 1 and "
              + MAX_TOP
              + ", not "
              + limit
              + ".",
          "Leave it out for the latest " + DEFAULT_TOP + ".");
    }
    Optional<Integer> definitionId =
        Optional.ofNullable(definition).filter(d -> !d.isBlank()).map(d -> definition(d).id());
    return ProjectNotFound.restated(
        scope.org(),
        scope.project(),
        () ->
            client.list(scope.org(), scope.project(), definitionId, Math.min(limit, PAGE)).stream()
                .limit(limit)
                .toList());
  }

  /**
   * Follows a release until every stage has finished, telling {@code progress} its first state and
   * every change of a stage's status (see {@link Poller} for the backoff). Past {@code timeout}:
   * {@link WaitTimeoutException}; the release goes on.
   *
   * <p>Azure DevOps: GET {vsrm}/{project}/_apis/release/releases/{releaseId}, repeatedly
   */
  public Release await(int releaseId, Duration timeout, Consumer<Release> progress) {
    scope.http().require(AccessScope.RELEASE_READ);
    return poller.follow(
        () -> get(releaseId),
        Release::progress,
        Release::finished,
        progress,
        timeout,
        last ->
            new WaitTimeoutException(
                "Release "
                    + last.name()
                    + " had not finished after "
                    + timeout.toSeconds()
                    + " s ("
                    + last.progress()
                    + ").",
                "It goes on in Azure DevOps; read the release again later"
                    + (last.webUrl() == null ? "." : ", or open " + last.webUrl() + ".")));
  }
}
