package io.adoconnect.builds;

import io.adoconnect.WaitTimeoutException;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.Poller;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows a build until it completes, reporting each change of status or result to a listener.
 * Polls {@code GET …/build/builds/{id}} with the {@link Poller}'s backoff; past the timeout it
 * throws {@link WaitTimeoutException} (the build goes on).
 *
 * <pre>{@code
 * Build done = new BuildWatcher(builds, Poller.real())
 *     .await(org, project, queued.id(), Duration.ofMinutes(30), b -> System.err.println(b.state()));
 * }</pre>
 */
public final class BuildWatcher {
  private final BuildsClient builds;
  private final Poller poller;

  public BuildWatcher(BuildsClient builds, Poller poller) {
    this.builds = builds;
    this.poller = poller;
  }

  /** The completed build; {@code onChange} sees the first state and every change after it. */
  public Build await(
      Organization org, String project, int buildId, Duration timeout, Consumer<Build> onChange) {
    return poller.follow(
        () -> builds.get(org, project, buildId),
        Build::state,
        Build::completed,
        onChange,
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
                "It goes on in Azure DevOps: ado-connect builds get "
                    + org.name()
                    + "/"
                    + project
                    + " "
                    + buildId
                    + " shows it"
                    + (last.webUrl() == null ? "." : ", and so does " + last.webUrl())));
  }
}
