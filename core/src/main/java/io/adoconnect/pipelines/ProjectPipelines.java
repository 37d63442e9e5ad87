package io.adoconnect.pipelines;

import io.adoconnect.NotFoundException;
import io.adoconnect.WaitTimeoutException;
import io.adoconnect.devops.IdOrName;
import io.adoconnect.devops.ProjectNotFound;
import io.adoconnect.devops.ProjectScope;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.Poller;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Pipelines and their runs in one resolved project, with a pipeline named by id or name and a run
 * followed to its end. Reached through {@code ado.project(ref).pipelines()}.
 *
 * <pre>{@code
 * ProjectPipelines pipelines = ado.project(ref).pipelines();
 * PipelineRun run = pipelines.run("web-app", RunPipelineInput.defaults().withBranch("main"));
 * PipelineRun done = pipelines.awaitRun(run, Duration.ofMinutes(30), r -> log(r.progress()));
 * }</pre>
 */
public final class ProjectPipelines {
  private static final String KIND = "pipeline";

  private final ProjectScope scope;
  private final PipelinesClient client;
  private final Poller poller;

  public ProjectPipelines(ProjectScope scope, Poller poller) {
    this.scope = scope;
    this.client = new PipelinesClient(scope.http());
    this.poller = poller;
  }

  /**
   * The project's pipelines.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/pipelines
   */
  public List<Pipeline> list() {
    scope.http().require(AccessScope.BUILD_READ);
    try {
      return client.list(scope.org(), scope.project()).toList();
    } catch (NotFoundException e) {
      // The list has no other 404 than the project's.
      throw ProjectNotFound.of(scope.org(), scope.project(), e);
    }
  }

  /**
   * The id of the pipeline named by id or by name (case-insensitive, must match one). An id is
   * taken as it is, without a call.
   *
   * <p>Azure DevOps (for a name): GET {org}/{project}/_apis/pipelines
   */
  public int pipelineId(String idOrName) {
    scope.http().require(AccessScope.BUILD_READ);
    IdOrName wanted = IdOrName.parse(idOrName, KIND);
    if (wanted.givenId().isPresent()) {
      return wanted.id();
    }
    List<Pipeline> all = list();
    String name = wanted.name().toLowerCase(Locale.ROOT);
    return wanted
        .single(
            scope,
            all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(name)).toList(),
            () -> all,
            p -> IdOrName.describe(p.name(), p.id(), p.folder()))
        .id();
  }

  /**
   * Starts a run of the pipeline named by id or name.
   *
   * <p>Azure DevOps: POST {org}/{project}/_apis/pipelines/{pipelineId}/runs
   */
  public PipelineRun run(String pipeline, RunPipelineInput input) {
    scope.http().require(AccessScope.BUILD_EXECUTE);
    return client.run(scope.org(), scope.project(), pipelineId(pipeline), input);
  }

  /**
   * One run of the pipeline named by id or name.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/pipelines/{pipelineId}/runs/{runId}
   */
  public PipelineRun getRun(String pipeline, int runId) {
    scope.http().require(AccessScope.BUILD_READ);
    return client.getRun(scope.org(), scope.project(), pipelineId(pipeline), runId);
  }

  /**
   * The runs of the pipeline named by id or name, newest first.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/pipelines/{pipelineId}/runs
   */
  public List<PipelineRun> runs(String pipeline) {
    scope.http().require(AccessScope.BUILD_READ);
    return client.runs(scope.org(), scope.project(), pipelineId(pipeline));
  }

  /**
   * Follows a run until it completes, telling {@code progress} its first state and every change
   * (see {@link Poller} for the backoff). Past {@code timeout}: {@link WaitTimeoutException}; the
   * run goes on.
   *
   * <p>Azure DevOps: GET {org}/{project}/_apis/pipelines/{pipelineId}/runs/{runId}, repeatedly
   */
  public PipelineRun awaitRun(
      PipelineRun started, Duration timeout, Consumer<PipelineRun> progress) {
    scope.http().require(AccessScope.BUILD_READ);
    int pipelineId = started.pipeline().id();
    return poller.follow(
        () -> client.getRun(scope.org(), scope.project(), pipelineId, started.id()),
        PipelineRun::progress,
        PipelineRun::completed,
        progress,
        timeout,
        last ->
            new WaitTimeoutException(
                "Run "
                    + started.id()
                    + " of pipeline "
                    + pipelineId
                    + " had not completed after "
                    + timeout.toSeconds()
                    + " s (it is "
                    + last.progress()
                    + ").",
                "It goes on in Azure DevOps; read the run again later"
                    + (last.webUrl() == null ? "." : ", or open " + last.webUrl() + ".")));
  }
}
