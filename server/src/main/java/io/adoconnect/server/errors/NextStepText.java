package io.adoconnect.server.errors;

import io.adoconnect.NextStep;

/**
 * A core {@link NextStep} in the API's terms: a sentence that names API routes or the page, never a
 * CLI command, and the step as an {@link ApiError.Action}.
 */
public final class NextStepText {
  private NextStepText() {}

  /** The hint: the step's own advice, then what the action asks for, as prose. */
  public static String hint(NextStep step) {
    String action = sentence(step);
    if (step.advice() == null) {
      return action;
    }
    return action == null ? step.advice() : step.advice() + " " + action;
  }

  /** The action, or null when the step is advice only. */
  public static ApiError.Action action(NextStep step) {
    return step.action() == NextStep.Action.NONE
        ? null
        : new ApiError.Action(step.action().wireName(), step.parameters());
  }

  /** A scope step for a PAT (or an account not saved yet), not for a Microsoft sign-in. */
  private static boolean isPat(NextStep step) {
    return step.parameter("method") == null || "pat".equals(step.parameter("method"));
  }

  private static String sentence(NextStep step) {
    String organization = step.parameter("organization");
    return switch (step.action()) {
      case NONE -> null;
      case CONNECT ->
          organization != null
              ? "Connect the organization "
                  + organization
                  + " (POST /api/connections/pat or a Microsoft sign-in)."
              : step.parameter("serverUrl") != null
                  ? "Connect "
                      + step.parameter("serverUrl")
                      + " with a Personal Access Token (POST /api/connections/pat)."
                  : "Connect an Azure DevOps account first (POST /api/connections/pat or a Microsoft sign-in).";
      case CONNECT_BROWSER -> "Sign in with Microsoft in the browser (GET /api/signin/microsoft).";
      case RECONNECT ->
          "Connect the account "
              + step.parameter("accountId")
              + " again: its sign-in is no longer accepted.";
      case ADD_SCOPE ->
          isPat(step)
              ? "Give the token the "
                  + (step.parameter("scopeName") == null ? "" : step.parameter("scopeName") + " ")
                  + "("
                  + step.parameter("scope")
                  + ") scope, then connect it again."
              : "Once the deployment's Microsoft sign-in asks for "
                  + step.parameter("scope")
                  + ", sign in with Microsoft again and consent to it.";
      case LIST_ACCOUNTS -> "GET /api/accounts lists the connected accounts and their ids.";
      case LIST_REPOSITORIES ->
          "GET /api/repositories"
              + (organization == null ? "" : "?organization=" + organization)
              + " lists the repositories you can reach.";
      case LIST_SOURCES -> "GET /api/sources lists the sources and their ids.";
      case LIST_SUBSCRIPTIONS ->
          "GET /api/hooks/subscriptions lists the subscriptions and their ids.";
      case LIST_BRANCHES ->
          "GET …/branches of the repository lists its branches and their commits.";
      case CHOOSE_ACCOUNT ->
          "Name the account with ?account=ID (or \"account\" in the body); candidates: "
              + step.parameter("candidates")
              + ".";
      case BIND_GIT_ACCOUNT ->
          "Bind one of the accounts "
              + step.parameter("candidates")
              + " to the organization for Git on the machine running Git.";
      case CONFIGURE_KEY ->
          "Configure the service's key source (OS keychain or ADO_CONNECT_KEY_FILE).";
      case RETRY_LATER ->
          step.parameter("retryAfterSeconds") == null
              ? "Try again later."
              : "Try again in " + step.parameter("retryAfterSeconds") + " s.";
      case CHOOSE_PORT -> "Pick a free port.";
      case START_SIGN_IN -> "Start a new sign-in (POST /api/connections/device).";
      case REFRESH_AND_RETRY -> "Read it again and re-apply the change on its current version.";
      case LIST_PULL_REQUESTS ->
          "GET …/pullrequests?status=all of the repository lists its pull requests.";
      case LIST_THREADS ->
          "GET …/pullrequests/"
              + step.parameter("pullRequestId")
              + "/threads lists the pull request's threads and their ids.";
    };
  }
}
