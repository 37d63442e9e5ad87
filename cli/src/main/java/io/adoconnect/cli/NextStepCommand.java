package io.adoconnect.cli;

import io.adoconnect.NextStep;

/**
 * A core {@link NextStep} in the CLI's terms: the step's advice, then the command that does it. The
 * only place that turns a next step into command syntax.
 */
final class NextStepCommand {
  private NextStepCommand() {}

  /** The {@code hint:} line, or null when there is nothing to say. */
  static String hint(NextStep step) {
    String command = command(step);
    String advice = step.advice();
    if (command == null) {
      return advice;
    }
    return (advice == null ? "" : advice + " ") + "Run: " + command;
  }

  private static String command(NextStep step) {
    String organization = step.parameter("organization");
    return switch (step.action()) {
      case NONE -> null;
      case CONNECT ->
          organization != null
              ? "ado-connect connect pat --org "
                  + quote(organization)
                  + " (or ado-connect connect device for a Microsoft account)"
              : step.parameter("serverUrl") != null
                  ? "ado-connect connect pat --server "
                      + quote(step.parameter("serverUrl"))
                      + " --collection "
                      + quote(step.parameter("collection"))
                  : "ado-connect connect device (or ado-connect connect pat --org ORGANIZATION)";
      case CONNECT_BROWSER -> "ado-connect connect browser";
      case RECONNECT -> reconnect(step);
      case ADD_SCOPE -> addScope(step);
      case LIST_ACCOUNTS -> "ado-connect accounts";
      case LIST_REPOSITORIES ->
          "ado-connect repos" + (organization == null ? "" : " --org " + quote(organization));
      case LIST_SOURCES -> "ado-connect sources list";
      case LIST_SUBSCRIPTIONS -> "ado-connect hooks list";
      case LIST_BRANCHES -> "ado-connect branches " + repository(step);
      case CHOOSE_ACCOUNT ->
          "the same command with --account ID, one of: " + step.parameter("candidates");
      case CONFIGURE_KEY ->
          "with an unlocked OS keychain, or export ADO_CONNECT_KEY_FILE=~/.ado-connect/key";
      case RETRY_LATER ->
          step.parameter("retryAfterSeconds") == null
              ? "the same command again later"
              : "the same command again in " + step.parameter("retryAfterSeconds") + " s";
      case CHOOSE_PORT -> "the same command with --port 0 (any free port) or another port";
      case START_SIGN_IN -> "ado-connect connect device --new";
      case REFRESH_AND_RETRY -> "the get command again, then your change on the current version";
      case LIST_PULL_REQUESTS -> "ado-connect prs list " + repository(step) + " --status all";
      case LIST_THREADS ->
          "ado-connect prs threads " + repository(step) + " " + step.parameter("pullRequestId");
    };
  }

  /** The step's repository as the CLI takes it: one quoted ORG/PROJECT/REPO argument. */
  private static String repository(NextStep step) {
    return quote(
        step.parameter("organization")
            + "/"
            + step.parameter("project")
            + "/"
            + step.parameter("repository"));
  }

  /**
   * A PAT's scopes are fixed when it is made, so it takes a new token; a Microsoft sign-in asks
   * again, and the consent then covers the scope.
   */
  private static String addScope(NextStep step) {
    String scope =
        step.parameter("scopeName") == null
            ? step.parameter("scope")
            : step.parameter("scopeName") + " (" + step.parameter("scope") + ")";
    String method = step.parameter("method");
    if (method == null || "pat".equals(method)) {
      return "a new token with the " + scope + " scope, then ado-connect connect pat again";
    }
    return reconnect(step) + ", and consent to the " + scope + " scope";
  }

  private static String reconnect(NextStep step) {
    String method = step.parameter("method");
    if ("pat".equals(method)) {
      return "ado-connect connect pat again for that organization (account "
          + step.parameter("accountId")
          + ")";
    }
    if ("browser".equals(method) || "authorization_code".equals(method)) {
      return "ado-connect connect browser";
    }
    return "ado-connect connect device";
  }

  /** Quoted for a POSIX shell when it has anything but safe characters. */
  static String quote(String text) {
    if (text == null) {
      return "''";
    }
    return text.matches("[A-Za-z0-9._:/@=+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
