package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ado-connect files get ORG/PROJECT/REPO PATH [--ref BRANCH]}: a file's bytes. */
@Command(
    name = "files",
    mixinStandardHelpOptions = true,
    description = "Read files in a repository.",
    subcommands = {FilesCommand.Get.class})
public final class FilesCommand extends SubcommandRequired {

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Write a file's content, byte for byte, to standard output.")
  static final class Get implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;

    @Parameters(
        index = "0",
        paramLabel = "ORG/PROJECT/REPO",
        description = "As listed by ado-connect repos; quote names with spaces.")
    String path;

    @Parameters(index = "1", paramLabel = "PATH", description = "From the repository root.")
    String filePath;

    @Option(
        names = "--ref",
        paramLabel = "BRANCH",
        description = "The branch to read from (default: the repository's default branch).")
    String ref;

    Get(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        byte[] content = ado.fileContent(path, filePath, Optional.ofNullable(ref));
        ctx.out().write(content, 0, content.length);
        ctx.out().flush();
        return ExitCodes.OK;
      }
    }
  }
}
