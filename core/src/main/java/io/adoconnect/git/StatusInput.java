package io.adoconnect.git;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.adoconnect.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * A commit status to post: {@code {state, description, targetUrl, context:{name, genre}}}. {@code
 * description}, {@code targetUrl} and {@code context.genre} may be null (left out of the body).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusInput(
    String state, String description, String targetUrl, StatusContext context) {

  /** The states ado-connect posts. */
  public static final List<String> STATES = List.of("succeeded", "failed", "pending", "error");

  public StatusInput {
    String normalized = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    if (!STATES.contains(normalized)) {
      throw new InvalidInputException(
          io.adoconnect.http.Names.shown(state, "state") + " is not a commit status state.",
          "Use one of: " + String.join(", ", STATES) + ".");
    }
    state = normalized;
    if (context == null || context.name() == null || context.name().isBlank()) {
      throw new InvalidInputException(
          "A commit status needs a context name.",
          "Name the check that reports it (its context), e.g. my-check.");
    }
  }

  public static StatusInput of(
      String state, String contextName, String genre, String description, String targetUrl) {
    return new StatusInput(state, description, targetUrl, new StatusContext(contextName, genre));
  }
}
