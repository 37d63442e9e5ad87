package io.adoconnect.cli;

import picocli.CommandLine.Command;

/** The top-level {@code ado-connect} command; it only groups the subcommands. */
@Command(
    name = "ado-connect",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Connect Azure DevOps accounts and discover, pick and use their Git repositories.",
    subcommands = {
      ConnectCommand.class,
      TestCommand.class,
      AccountsCommand.class,
      ReposCommand.class,
      SourcesCommand.class,
      BranchesCommand.class,
      PrsCommand.class,
      FilesCommand.class,
      ReleasesCommand.class,
      WorkItemsCommand.class,
      StatusCommand.class,
      BuildsCommand.class,
      PipelinesCommand.class,
      HooksCommand.class,
      EventsCommand.class,
      DisconnectCommand.class,
      DemoCommand.class,
      SimulatorCommand.class,
      ServeCommand.class,
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 other failure, 2 bad usage or input, 3 authentication or authorization failure,",
      "            4 host not reachable or timed out.",
    })
public final class AdoConnectCommand extends SubcommandRequired {}
