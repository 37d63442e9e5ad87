package io.adoconnect.simulator.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.git.GitContent;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.Response;
import java.util.Optional;

/** Queues a build for the Build API's queue and the Pipelines API's run alike. */
final class BuildStarter {
  /** Either the queued build or the error to answer. */
  record Started(QueuedBuild build, Response error) {}

  private final BuildQueue queue;
  private final GitContent git;

  BuildStarter(BuildQueue queue, GitContent git) {
    this.queue = queue;
    this.git = git;
  }

  /**
   * @param branch {@code refs/heads/x} or {@code x}; {@code null} for the repository's default
   */
  Started start(
      ApiCall call,
      BuildDefinition definition,
      String branch,
      String parameters,
      ObjectNode templateParameters,
      ObjectNode variables) {
    String wanted =
        branch == null || branch.isBlank() ? definition.repository().defaultBranch() : branch;
    Optional<GitContent.Branch> found = git.branch(definition.repository(), wanted);
    if (found.isEmpty()) {
      return new Started(
          null,
          BuildErrors.validationFailed(
              "The branch '"
                  + wanted
                  + "' does not exist in the repository '"
                  + definition.repository().name()
                  + "'."));
    }
    QueuedBuild build =
        queue.queue(
            call.scope(),
            call.scope().collection(),
            definition,
            found.get().refName(),
            found.get().commitId(),
            parameters,
            templateParameters,
            variables,
            call.scope().user());
    return new Started(build, null);
  }
}
