package io.adoconnect.mcp;

import io.adoconnect.NextStep;

/**
 * A core {@link NextStep} as a sentence for an agent: it names this server's tools where the agent
 * can act itself, and says what the person must do where only they can (connect, sign in, give a
 * token a scope) — never a CLI command line or an API route.
 */
final class NextStepSentence {
  private NextStepSentence() {}

  /** The step's advice, then the action as prose; null when there is neither. */
  static String of(NextStep step) {
    String action = sentence(step);
    if (step.advice() == null) {
      return action;
    }
    return action == null ? step.advice() : step.advice() + " " + action;
  }

  private static String sentence(NextStep step) {
    String organization = step.parameter("organization");
    return switch (step.action()) {
      case NONE -> null;
      case CONNECT ->
          organization != null
              ? "The person running ado-connect needs to connect the organization "
                  + organization
                  + "."
              : step.parameter("serverUrl") != null
                  ? "The person running ado-connect needs to connect "
                      + step.parameter("serverUrl")
                      + "."
                  : "The person running ado-connect needs to connect an Azure DevOps account first.";
      case CONNECT_BROWSER ->
          "The person running ado-connect needs to sign in with Microsoft in a browser.";
      case RECONNECT ->
          "The person running ado-connect needs to connect the account "
              + step.parameter("accountId")
              + " again: its sign-in is no longer accepted.";
      case ADD_SCOPE ->
          step.parameter("method") == null || "pat".equals(step.parameter("method"))
              ? "The person running ado-connect needs to give the token the "
                  + (step.parameter("scopeName") == null ? "" : step.parameter("scopeName") + " ")
                  + "("
                  + step.parameter("scope")
                  + ") scope and connect it again."
              : "The person running ado-connect needs its Microsoft sign-in to ask for "
                  + step.parameter("scope")
                  + ", then to sign in again and consent to it.";
      case LIST_ACCOUNTS -> "list_organizations shows the connected accounts and their ids.";
      case LIST_REPOSITORIES ->
          "list_repositories"
              + (organization == null ? "" : " with organization " + organization)
              + " shows the repositories you can reach.";
      case LIST_SOURCES -> "list_sources shows the sources.";
      case LIST_SUBSCRIPTIONS ->
          "The person running ado-connect can list the service hook subscriptions.";
      case LIST_BRANCHES -> "list_branches shows the repository's branches.";
      case CHOOSE_ACCOUNT ->
          "Pass the argument account with one of: " + step.parameter("candidates") + ".";
      case CONFIGURE_KEY ->
          "The person running ado-connect needs to configure where its encryption key is kept.";
      case RETRY_LATER ->
          step.parameter("retryAfterSeconds") == null
              ? "Try again later."
              : "Try again in " + step.parameter("retryAfterSeconds") + " s.";
      case CHOOSE_PORT -> "The person running ado-connect needs to pick a free port.";
      case START_SIGN_IN -> "The person running ado-connect needs to start a new sign-in.";
      case BIND_GIT_ACCOUNT ->
          "The person running ado-connect needs to bind one of the accounts "
              + step.parameter("candidates")
              + " to the organization for Git.";
      case REFRESH_AND_RETRY ->
          "Read it again (its current revision"
              + (step.parameter("current") == null ? "" : " is " + step.parameter("current"))
              + ") and re-apply the change on that version.";
      case LIST_PULL_REQUESTS ->
          "list_pull_requests with status all shows the repository's pull requests.";
      case LIST_THREADS ->
          "get_pull_request for pull request "
              + step.parameter("pullRequestId")
              + " shows its threads and their ids.";
    };
  }
}
