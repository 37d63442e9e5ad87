package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.git.FolderListing;
import io.adoconnect.git.ItemDepth;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect files get ORG/PROJECT/REPO PATH [--ref BRANCH]}: a file's bytes; {@code
 * ado-connect files list ORG/PROJECT/REPO [FOLDER] [--ref BRANCH] [--recursive]}: what a folder
 * holds.
 */
@Command(
    name = "files",
    mixinStandardHelpOptions = true,
    description = "Read files and list folders in a repository.",
    subcommands = {FilesCommand.Get.class, FilesCommand.ListFolder.class})
public final class FilesCommand extends SubcommandRequired {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the files and folders in a folder (default: the repository root).")
  static final class ListFolder implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;
    @Mixin AccountOption account;

    @Parameters(
        index = "0",
        paramLabel = "ORG/PROJECT/REPO",
        description = "As listed by ado-connect repos; quote names with spaces.")
    String path;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "FOLDER",
        description = "From the repository root (default: the root).")
    String folder;

    @Option(
        names = "--ref",
        paramLabel = "BRANCH",
        description = "The branch to list (default: the repository's default branch).")
    String ref;

    @Option(
        names = {"-r", "--recursive"},
        description = "Everything beneath the folder, not only what is directly in it.")
    boolean recursive;

    ListFolder(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (AdoConnect ado = Commands.open(ctx, common)) {
        FolderListing listing =
            ado.repository(account.repository(path))
                .git()
                .list(
                    folder,
                    Optional.ofNullable(ref),
                    recursive ? ItemDepth.FULL : ItemDepth.ONE_LEVEL);
        Output.list(
            ctx,
            output,
            listing.items(),
            "The folder " + listing.path() + " is empty.",
            List.of("TYPE", "PATH"),
            item -> List.of(item.isFolder() ? "folder" : "file", item.path()));
        if (listing.note() != null) {
          ctx.err().println(listing.note());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Write a file's content, byte for byte, to standard output.")
  static final class Get implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin AccountOption account;

    @Option(
        names = "--json",
        description =
            "Print {path, ref, size, encoding, content} instead: the content as text when it is"
                + " UTF-8, else base64.")
    boolean json;

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
        byte[] content =
            ado.repository(account.repository(path))
                .git()
                .fileContent(filePath, Optional.ofNullable(ref));
        if (json) {
          Output.json(ctx.out(), FileJson.of(filePath, ref, content));
          return ExitCodes.OK;
        }
        ctx.out().write(content, 0, content.length);
        ctx.out().flush();
        return ExitCodes.OK;
      }
    }
  }

  /** A file for scripts: text stays readable, anything else survives as base64. */
  record FileJson(String path, String ref, int size, String encoding, String content) {
    static FileJson of(String path, String ref, byte[] bytes) {
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return new FileJson(path, ref, bytes.length, "utf-8", text);
      } catch (CharacterCodingException binary) {
        return new FileJson(
            path, ref, bytes.length, "base64", Base64.getEncoder().encodeToString(bytes));
      }
    }
  }
}
