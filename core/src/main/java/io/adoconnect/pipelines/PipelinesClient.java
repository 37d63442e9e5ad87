package io.adoconnect.pipelines;

import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.Organization;
import io.adoconnect.devops.ProjectNotFound;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Paged;
import io.adoconnect.http.Urls;
import java.util.List;
import java.util.Locale;

/**
 * Azure DevOps Pipelines REST area, in one project: list pipelines, run one, read and list runs.
 * Server 2020 serves it only as {@code 6.0-preview.1}, so the version is {@code
 * org.apiVersion().orPreviewBefore(7.0, 1)}. Reads need Build (Read), runs Build (Read & execute).
 * Front-ends reach it through {@link ProjectPipelines}, which adds names and waiting.
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
          "Check both numbers: a run's id is the id of the build it made.");
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

  private static Urls runsUrl(Organization org, String project, int pipelineId) {
    return pipelines(org, project).segment(Integer.toString(pipelineId)).segment("runs");
  }

  private static NotFoundException pipelineNotFound(
      Organization org, String project, int pipelineId, NotFoundException e) {
    if (ProjectNotFound.isAbout(e)) {
      return ProjectNotFound.of(org, project, e);
    }
    return new NotFoundException(
        e.typeKey(),
        "Pipeline " + pipelineId + " was not found in " + org.name() + "/" + project + ".",
        "The project's pipelines list the ids that exist.");
  }
}
