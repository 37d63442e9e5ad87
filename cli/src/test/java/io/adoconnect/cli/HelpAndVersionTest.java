package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What a new user reads first: {@code --help} and {@code --version} (issue 9, item 7). */
class HelpAndVersionTest {

  @Test
  void topLevelHelpEndsWithWhereToStart() {
    String help = run("--help");

    assertThat(help.strip()).contains("Start here:");
    String start = help.substring(help.indexOf("Start here:"));
    assertThat(start)
        .contains("ado-connect connect device")
        .contains("connect pat")
        .contains("ado-connect repos")
        .contains("ado-connect sources add ORG/PROJECT/REPO")
        .contains("ado-connect demo");
    assertThat(help).contains("5 conflict");
  }

  @Test
  void theCommandListShowsWholeSentences() {
    // picocli lists each subcommand with the first element of its description: a paragraph that
    // stops mid-sentence ("… sign in with") reads as cut off.
    for (CommandLine sub : distinct(Main.commandLine(context()).getSubcommands().values())) {
      String[] description = sub.getCommandSpec().usageMessage().description();
      assertThat(description).as(sub.getCommandName()).isNotEmpty();
      assertThat(description[0].strip())
          .as("first description line of %s", sub.getCommandName())
          .matches("(?s).*[.)]$");
    }
  }

  @Test
  void helpWrapsAtTheWidthWithoutSplittingWordsOrUrls() {
    CommandLine root = Main.commandLine(context());
    assertThat(root.getUsageHelpWidth()).isEqualTo(Main.HELP_WIDTH);
    assertThat(root.isUsageHelpAutoWidth()).isTrue();
    root.setUsageHelpAutoWidth(false); // the test's terminal must not decide

    List<String> problems = new ArrayList<>();
    walk(
        root,
        command -> {
          String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
          String name = command.getCommandSpec().qualifiedName();
          usage
              .lines()
              .filter(line -> line.length() > Main.HELP_WIDTH)
              .forEach(line -> problems.add(name + ": too long: " + line));
          String flowing = usage.replaceAll("\\s+", " ");
          for (String word : words(command.getCommandSpec())) {
            if (!flowing.contains(word)) {
              problems.add(name + ": '" + word + "' is split across lines");
            }
          }
        });
    assertThat(problems).isEmpty();
  }

  @Test
  void versionIsTheBuildsVersionAndCommitNotDevelopment() {
    String version = run("--version");

    String expected = System.getProperty("ado.expectedVersion");
    assertThat(expected).as("set by cli/pom.xml for surefire").isNotBlank();
    assertThat(version).startsWith("ado-connect " + expected).doesNotContain("development");
    assertThat(version).contains("Java " + System.getProperty("java.version"));
    if (Files.exists(Path.of("..", ".git"))) {
      // Built in a git checkout: the build wrote the commit beside the version.
      assertThat(version).containsPattern("\\(commit [0-9a-f]{12}\\)");
    }
  }

  /**
   * The words of a command's description and option descriptions that picocli must keep whole:
   * anything without format placeholders that fits in a line.
   */
  private static List<String> words(CommandSpec spec) {
    Stream<String> texts =
        Stream.concat(
            Arrays.stream(spec.usageMessage().description()),
            spec.options().stream().map(OptionSpec::description).flatMap(Arrays::stream));
    return texts
        .flatMap(text -> Arrays.stream(text.split("\\s+")))
        .filter(word -> !word.isEmpty() && !word.contains("$") && !word.contains("%"))
        .filter(word -> word.length() < Main.HELP_WIDTH / 2)
        .distinct()
        .toList();
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    CliContext ctx =
        new CliContext(
            stream, stream, new ByteArrayInputStream(new byte[0]), Map.of(), false, null, null);
    CommandLine cli = Main.commandLine(ctx);
    cli.setUsageHelpAutoWidth(false);
    assertThat(cli.execute(args)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void walk(CommandLine command, Consumer<CommandLine> each) {
    each.accept(command);
    distinct(command.getSubcommands().values()).forEach(sub -> walk(sub, each));
  }

  private static List<CommandLine> distinct(java.util.Collection<CommandLine> commands) {
    return commands.stream().distinct().toList();
  }

  private static CliContext context() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    return new CliContext(
        sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(), false, null, null);
  }
}
