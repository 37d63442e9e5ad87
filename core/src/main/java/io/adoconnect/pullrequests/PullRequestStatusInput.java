package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;
import java.util.List;
import java.util.Locale;

/**
 * A pull request status to post: {@code {state, description, targetUrl, context:{name, genre}}}.
 * {@code description}, {@code targetUrl} and {@code genre} may be null (left out of the body).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PullRequestStatusInput(
    String state, String description, String targetUrl, PullRequestStatus.Context context) {

  /** The states ado-connect posts. */
  public static final List<String> STATES = List.of("succeeded", "failed", "pending", "error");

  public PullRequestStatusInput {
    String normalized = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    if (!STATES.contains(normalized)) {
      throw new InvalidInputException(
          Names.shown(state, "state") + " is not a status state.",
          "Use one of: " + String.join(", ", STATES) + ".");
    }
    state = normalized;
    if (context == null || context.name() == null || context.name().isBlank()) {
      throw new InvalidInputException(
          "A pull request status needs a context name.",
          "Name the check that reports it (its context), e.g. my-check.");
    }
  }

  public static PullRequestStatusInput of(
      String state, String contextName, String genre, String description, String targetUrl) {
    return new PullRequestStatusInput(
        state, description, targetUrl, new PullRequestStatus.Context(contextName, genre));
  }
}
