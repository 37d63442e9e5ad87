package io.adoconnect.pipelines;

import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.WaitTimeoutException;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectNotFound;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Poller;
import io.adoconnect.http.Urls;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Azure DevOps Pipelines REST area, in one project: list pipelines, run one, read and list runs.
 * Server 2020 serves it only as {@code 6.0-preview.1}, so the version is {@code
 * org.apiVersion().orPreviewBefore(7.0, 1)}. Reads need Build (Read), runs Build (Read & execute).
 */
public final class PipelinesClient {
  private final AzureDevOpsHttp http;

  public PipelinesClient(AzureDevOpsHttp http) {
    this.http = http;
  }

  private static Urls pipelines(Organization org, String project) {
    return Urls.at(org.baseUrl()).segment(project).path("_apis/pipelines");
  }

  private static ApiVersion version(Organization org) {
    return org.apiVersion().orPreviewBefore(ApiVersion.V7_0, 1);
  }

  /**
   * The project's pipelines, every page.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/pipelines
   */
  public Paged<Pipeline> list(Organization org, String project) {
    return http.getPaged(
        pipelines(org, project).query("api-version", version(org)),
        Pipeline.class,
        AccessScope.BUILD_READ);
  }

  /**
   * The id of the pipeline given as an id or a name (case-insensitive; must match exactly one).
   *
   * <p>Azure DevOps (for a name): GET {org}/{project}/_apis/pipelines
   */
  public int resolvePipelineId(Organization org, String project, String idOrName) {
    String wanted = idOrName == null ? "" : idOrName.strip();
    String listing = "ado-connect pipelines list " + org.name() + "/" + project;
    if (wanted.isEmpty()) {
      throw new InvalidInputException("Name the pipeline by id or name.", listing + " lists them.");
    }
    if (wanted.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(wanted);
    }
    List<Pipeline> matches =
        projectMustExist(
            org,
            project,
            () ->
                list(org, project).stream()
                    .filter(
                        p ->
                            p.name()
                                .toLowerCase(Locale.ROOT)
                                .equals(wanted.toLowerCase(Locale.ROOT)))
                    .toList());
    if (matches.size() == 1) {
      return matches.get(0).id();
    }
    if (matches.isEmpty()) {
      throw new InvalidInputException(
          "No pipeline in " + org.name() + "/" + project + " is named '" + wanted + "'.",
          listing + " lists them; an id works as well as a name.");
    }
    throw new InvalidInputException(
        "'"
            + wanted
            + "' names "
            + matches.size()
            + " pipelines in "
            + org.name()
            + "/"
            + project
            + ": "
            + matches.stream()
                .map(p -> p.folder() + " " + p.name() + " (id " + p.id() + ")")
                .collect(Collectors.joining(", "))
            + ".",
        "Give the id instead; " + listing + " lists them.");
  }

  /**
   * Starts a run.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/pipelines/{pipelineId}/runs
   */
  public PipelineRun run(Organization org, String project, int pipelineId, RunPipelineInput input) {
    try {
      return http.sendJson(
          "POST",
          runsUrl(org, project, pipelineId).query("api-version", version(org)).build(),
          input.body(),
          "application/json",
          AccessScope.BUILD_EXECUTE,
          PipelineRun.class);
    } catch (NotFoundException e) {
      throw pipelineNotFound(org, project, pipelineId, e);
    } catch (AzureDevOpsApiException e) {
      if (e.status() != 400) {
        throw e;
      }
      throw new InvalidInputException(
          "Azure DevOps would not run pipeline "
              + pipelineId
              + (input.branch() == null ? "" : " on " + input.branch())
              + ": "
              + e.getMessage(),
          "The usual cause is a branch that doesn't exist in the pipeline's repository, or a"
              + " variable the pipeline doesn't let you set at queue time.");
    }
  }

  /**
   * One run.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/pipelines/{pipelineId}/runs/{runId}
   */
  public PipelineRun getRun(Organization org, String project, int pipelineId, int runId) {
    try {
      return http.get(
          runsUrl(org, project, pipelineId)
              .segment(Integer.toString(runId))
              .query("api-version", version(org))
              .build(),
          PipelineRun.class,
          AccessScope.BUILD_READ);
    } catch (NotFoundException e) {
      if (e.typeKey() != null && e.typeKey().toLowerCase(Locale.ROOT).contains("pipeline")) {
        throw pipelineNotFound(org, project, pipelineId, e);
      }
      throw new NotFoundException(
          e.typeKey(),
          "Run "
              + runId
              + " of pipeline "
              + pipelineId
              + " was not found in "
              + org.name()
              + "/"
              + project
              + ".",
          "Check both numbers: the run id is the build id ado-connect builds list shows.");
    }
  }

  /**
   * The pipeline's runs, newest first (Azure DevOps returns up to 10,000, unpaged).
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/pipelines/{pipelineId}/runs
   */
  public List<PipelineRun> runs(Organization org, String project, int pipelineId) {
    try {
      return http.getList(
          runsUrl(org, project, pipelineId).query("api-version", version(org)).build(),
          PipelineRun.class,
          AccessScope.BUILD_READ);
    } catch (NotFoundException e) {
      throw pipelineNotFound(org, project, pipelineId, e);
    }
  }

  /** Follows a run until it completes, like {@code builds.BuildWatcher} does for builds. */
  public PipelineRun awaitRun(
      Organization org,
      String project,
      int pipelineId,
      int runId,
      Poller poller,
      Duration timeout,
      Consumer<PipelineRun> onChange) {
    return poller.follow(
        () -> getRun(org, project, pipelineId, runId),
        PipelineRun::progress,
        PipelineRun::completed,
        onChange,
        timeout,
        last ->
            new WaitTimeoutException(
                "Run "
                    + runId
                    + " had not completed after "
                    + timeout.toSeconds()
                    + " s (it is "
                    + last.progress()
                    + ").",
                "It goes on in Azure DevOps: ado-connect pipelines get "
                    + org.name()
                    + "/"
                    + project
                    + " "
                    + pipelineId
                    + " "
                    + runId
                    + " shows it."));
  }

  private static Urls runsUrl(Organization org, String project, int pipelineId) {
    return pipelines(org, project).segment(Integer.toString(pipelineId)).segment("runs");
  }

  /** Runs a call on the project's pipelines list: any 404 there means the project is missing. */
  private static <T> T projectMustExist(
      Organization org, String project, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (NotFoundException e) {
      throw ProjectNotFound.of(org, project, e);
    }
  }

  private static NotFoundException pipelineNotFound(
      Organization org, String project, int pipelineId, NotFoundException e) {
    if (ProjectNotFound.isAbout(e)) {
      return ProjectNotFound.of(org, project, e);
    }
    return new NotFoundException(
        e.typeKey(),
        "Pipeline " + pipelineId + " was not found in " + org.name() + "/" + project + ".",
        "ado-connect pipelines list " + org.name() + "/" + project + " lists the pipelines.");
  }
}
