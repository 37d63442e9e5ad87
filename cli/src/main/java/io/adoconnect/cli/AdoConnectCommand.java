package io.adoconnect.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** The top-level {@code ado-connect} command; it only groups the subcommands. */
@Command(
    name = "ado-connect",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    // One element per paragraph: picocli wraps it to the width (see Main.commandLine).
    description = {
      "Connect Azure DevOps accounts once, discover and pick their Git repositories, and work on"
          + " them with your own permissions: pull requests, statuses, builds, pipelines,"
          + " releases, work items and service hook events.",
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 other failure, 2 bad usage or input, 3 authentication or authorization"
          + " failure, 4 host not reachable or timed out, 5 conflict (someone changed it first).",
      "",
      "Start here:",
      "  ado-connect connect device                sign in with Microsoft (a token: connect pat)",
      "  ado-connect repos                         the Git repositories you can reach",
      "  ado-connect sources add ORG/PROJECT/REPO  pick one for your tools to work on",
      "  ado-connect demo                          a tour against the bundled simulator, offline",
    })
public final class AdoConnectCommand extends SubcommandRequired {
  /**
   * The subcommands, grouped as a user meets them: connect, find, work on a repository, on a
   * project, events. Not in the annotation: {@link Main} adds only the one a command line names
   * (all of them for help or a mistake), since picocli builds the model of every subcommand it is
   * given — some 1,000 classes, a large part of a command's start-up.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ConnectCommand.class,
          TestCommand.class,
          AccountsCommand.class,
          DisconnectCommand.class,
          ReposCommand.class,
          SourcesCommand.class,
          CredentialCommand.class,
          BranchesCommand.class,
          FilesCommand.class,
          StatusCommand.class,
          PrsCommand.class,
          BuildsCommand.class,
          PipelinesCommand.class,
          ReleasesCommand.class,
          WorkItemsCommand.class,
          HooksCommand.class,
          EventsCommand.class,
          DemoCommand.class,
          SimulatorCommand.class,
          ServeCommand.class,
          LoginLinkCommand.class,
          McpCommand.class,
          AppsCommand.class,
          KeysCommand.class);
}
