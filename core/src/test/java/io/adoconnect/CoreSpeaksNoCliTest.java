package io.adoconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core serves every front-end (CLI, API, page, MCP), so its messages, hints and comments never
 * speak one front-end's syntax: no {@code ado-connect <subcommand>} and no {@code --option}. What
 * to do next travels as a {@link NextStep} that each front-end renders. The product name in prose
 * ("ado-connect keeps …") is fine.
 */
class CoreSpeaksNoCliTest {
  private static final Path SOURCES = Path.of("src/main/java");

  /**
   * The CLI's top-level subcommands (cli's {@code AdoConnectCommand}, plus the ones planned in
   * DESIGN.md); a new subcommand belongs here too.
   */
  private static final Pattern CLI_COMMAND =
      Pattern.compile(
          "\\bado-connect\\s+(connect|test|accounts|disconnect|repos|sources|branches|files|status"
              + "|prs|builds|pipelines|releases|workitems|hooks|events|demo|simulator|serve"
              + "|credential|mcp|login)\\b");

  /** A long option, {@code --org}, {@code --data-dir}: two dashes starting a word. */
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

  /**
   * Sources whose hints are still being converted by the area work of issue 9 (relative to {@code
   * src/main/java/io/adoconnect/}; a directory ends with {@code /}). This list only shrinks: an
   * entry that no longer offends fails the test until it is removed, and at the merge of the area
   * branches it is empty.
   */
  private static final Set<String> PENDING = Set.of();

  @Test
  void coreMainSourcesWriteNoCliCommandsOrOptions() throws IOException {
    List<String> offences = new ArrayList<>();
    Set<String> pendingThatOffend = new TreeSet<>();
    for (Offence offence : scan()) {
      String pending = pendingEntry(offence.file());
      if (pending == null) {
        offences.add(offence.toString());
      } else {
        pendingThatOffend.add(pending);
      }
    }

    assertThat(offences)
        .as(
            "CLI syntax in core (write a NextStep, or front-end-neutral prose, instead):%n%s",
            String.join("\n", offences))
        .isEmpty();
    assertThat(pendingThatOffend)
        .as("entries of PENDING whose sources no longer write CLI syntax: remove them")
        .containsExactlyInAnyOrderElementsOf(PENDING);
  }

  @Test
  void theScanFindsCommandsAndOptionsButNotTheProductNameInProse() {
    assertThat(offending("Run ado-connect connect device again.")).isTrue();
    assertThat(offending("see ado-connect repos")).isTrue();
    assertThat(offending("Name it with --org ORG.")).isTrue();
    assertThat(offending(" * ({@code --data-dir})")).isTrue();
    assertThat(offending("ado-connect keeps its key in the OS keychain.")).isFalse();
    assertThat(offending("ado-connect could not read it — try again.")).isFalse();
    assertThat(offending("x-ms-continuationtoken, a--b, i--")).isFalse();
  }

  private static boolean offending(String line) {
    return CLI_COMMAND.matcher(line).find() || OPTION.matcher(line).find();
  }

  private static List<Offence> scan() throws IOException {
    assertThat(SOURCES.resolve("io/adoconnect")).as("core's main sources").isDirectory();
    List<Offence> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (offending(lines.get(i))) {
            String relative = SOURCES.resolve("io/adoconnect").relativize(file).toString();
            found.add(new Offence(relative.replace('\\', '/'), i + 1, lines.get(i).strip()));
          }
        }
      }
    }
    return found;
  }

  private static String pendingEntry(String file) {
    return PENDING.stream()
        .filter(entry -> entry.endsWith("/") ? file.startsWith(entry) : file.equals(entry))
        .findFirst()
        .orElse(null);
  }

  private record Offence(String file, int line, String text) {
    @Override
    public String toString() {
      return "  io/adoconnect/" + file + ":" + line + ": " + text;
    }
  }
}
