package io.adoconnect.cli;

import picocli.CommandLine.Command;

/** {@code ado-connect connect …}: the ways to connect an account. */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    description = "Connect an Azure DevOps account.",
    subcommands = {
      ConnectDeviceCommand.class,
      ConnectBrowserCommand.class,
      ConnectPatCommand.class
    })
public final class ConnectCommand extends SubcommandRequired {}
