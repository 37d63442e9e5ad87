package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTest {

  private static List<String> table(List<List<String>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Output.table(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of("NAME", "ID"), rows);
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void wideAndCombiningCharactersKeepTheColumnsAligned() {
    List<String> lines =
        table(
            List.of(
                List.of("日本語のリポジトリ", "1"),
                List.of("café", "2"),
                List.of("cafe\u0301", "3"),
                List.of("plain", "4")));
    // The ID column starts at the same terminal column on every line.
    List<Integer> idColumns =
        lines.stream().map(l -> Output.width(l.substring(0, l.lastIndexOf(' ') + 1))).toList();
    assertThat(idColumns).containsOnly(idColumns.get(0));
    assertThat(Output.width("日本")).isEqualTo(4);
    assertThat(Output.width("cafe\u0301")).isEqualTo(4);
  }

  @Test
  void controlCharactersFromUpstreamTextCannotReachTheTerminal() {
    String title = "Fix\u001b[2K\u001b[1Ainjected\u0007 title\r\nfake: ok\u202e";
    List<String> lines = table(List.of(List.of(title, "42")));
    String all = String.join("\n", lines);
    assertThat(all).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
    assertThat(all).doesNotContain("\u202e");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("Fix?[2K?[1Ainjected? title??fake: ok?");
  }
}
