package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What scripts rely on for every command: {@code --json} and {@code --help}. */
class EveryCommandTest {
  // Long-running or interactive: they serve or tell a story, there is no result to print as JSON.
  private static final List<String> WITHOUT_JSON =
      List.of("ado-connect demo", "ado-connect serve", "ado-connect simulator", "ado-connect mcp");

  @Test
  void everyLeafCommandTakesJsonAndHelp() {
    CommandLine root = Main.commandLine(context());
    List<String> missingJson = new ArrayList<>();
    List<String> leaves = new ArrayList<>();
    walk(
        root,
        leaf -> {
          String name = leaf.getCommandSpec().qualifiedName();
          leaves.add(name);
          assertThat(leaf.getCommandSpec().findOption("--help")).as(name).isNotNull();
          if (leaf.getCommandSpec().findOption("--json") == null && !WITHOUT_JSON.contains(name)) {
            missingJson.add(name);
          }
        });
    assertThat(leaves)
        .contains(
            "ado-connect prs create",
            "ado-connect builds queue",
            "ado-connect releases create",
            "ado-connect workitems update",
            "ado-connect hooks subscribe",
            "ado-connect events");
    assertThat(missingJson).isEmpty();
  }

  private static void walk(CommandLine command, java.util.function.Consumer<CommandLine> leaf) {
    if (command.getSubcommands().isEmpty()) {
      leaf.accept(command);
      return;
    }
    // picocli lists a command once per alias; the set of distinct commands is what matters.
    command.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, leaf));
  }

  private static CliContext context() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    return new CliContext(
        sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(), false, null, null);
  }
}
