package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.connect.AdoConnect;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ado-connect credential setup}: configures Git (global config) to ask ado-connect for Azure
 * DevOps Services and each connected Server: per URL, the helper list is reset (so no other helper
 * such as {@code store} receives the token), ado-connect added, and {@code useHttpPath} set so the
 * organization in the path picks the account.
 */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description =
        "Configure Git (--global) to use ado-connect for https://dev.azure.com and each connected"
            + " Azure DevOps Server.")
final class CredentialSetupCommand implements Callable<Integer> {
  private final CliContext ctx;

  @ParentCommand CredentialCommand parent;
  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Option(
      names = "--dry-run",
      description = "Print the git config commands instead of running them.")
  boolean dryRun;

  CredentialSetupCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<URI> hosts;
    try (AdoConnect ado = parent.open(ctx, common)) {
      hosts = ado.gitCredentials().hosts();
    }
    String helper = HelperLine.of(parent.dataDir(ctx, common));
    for (URI host : hosts) {
      String key = "credential." + host;
      // --unset-all answers 5 when there is nothing to unset: that is fine.
      git(List.of("config", "--global", "--unset-all", key + ".helper"), true);
      git(List.of("config", "--global", "--add", key + ".helper", ""), false);
      git(List.of("config", "--global", "--add", key + ".helper", helper), false);
      git(List.of("config", "--global", key + ".useHttpPath", "true"), false);
    }
    if (output.json) {
      Output.json(
          ctx.out(),
          java.util.Map.of("hosts", hosts.stream().map(URI::toString).toList(), "helper", helper));
    } else if (!dryRun) {
      ctx.out().println("Git now asks ado-connect for credentials of:");
      hosts.forEach(h -> ctx.out().println("  " + h));
      ctx.out()
          .println(
              "Tokens are handed to Git when it asks and never written to disk or to Git's"
                  + " config. Connect a Server later? Run this again.");
    }
    return ExitCodes.OK;
  }

  private void git(List<String> args, boolean mayFail) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(args);
    if (dryRun) {
      ctx.out().println(String.join(" ", command.stream().map(HelperLine::quote).toList()));
      return;
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(ctx.env());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      if (process.exitValue() != 0 && !mayFail) {
        throw new InvalidInputException(
            "git " + String.join(" ", args.subList(0, 3)) + " failed: " + output.strip(),
            NextStep.advice("Check that Git is installed and your global Git config is writable."));
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "Git could not be run: " + e.getMessage(),
          NextStep.advice("Install Git (git-scm.com) and make sure it is on your PATH."));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
