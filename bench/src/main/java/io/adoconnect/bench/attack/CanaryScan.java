package io.adoconnect.bench.attack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * After every other attack: each canary (the PAT, API tokens, tab secrets, session cookies, login
 * tickets, the internal listener's answer) searched in every file the run left (stores, logs, every
 * process's output) and every answer a service gave. A hit is a leak. The API token's own file is
 * where the token belongs and is left out, as is the output of {@code apps create} for the key and
 * webhook secret it shows once.
 */
final class CanaryScan {
  private CanaryScan() {}

  static void run(Target target, Tally tally) throws IOException {
    Tally.Row row = tally.row("canary scan (files, outputs, answers)");
    Set<String> canaries = Set.copyOf(target.canaries);
    List<Path> files;
    try (Stream<Path> all = Files.walk(target.work)) {
      files =
          all.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals("api-token"))
              .toList();
    }
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      Set<String> foreign = new java.util.HashSet<>(canaries);
      foreign.removeIf(canary -> file.equals(target.shownIn.get(canary)));
      String hit = hit(text, foreign);
      row.attempt(hit == null, target.work.relativize(file) + " holds " + masked(hit));
    }
    for (Http.Answer answer : target.answers) {
      Set<String> foreign = new java.util.HashSet<>(canaries);
      foreign.removeIf(canary -> target.issuedBy.get(canary) == answer);
      String hit = hit(answer.headers() + "\n" + answer.body(), foreign);
      row.attempt(hit == null, "the answer to " + answer.request() + " holds " + masked(hit));
    }
    row.notes.add(
        canaries.size()
            + " canaries in "
            + files.size()
            + " files and process outputs and "
            + target.answers.size()
            + " answers");
  }

  private static String hit(String text, Set<String> canaries) {
    for (String canary : canaries) {
      if (text.contains(canary)) {
        return canary;
      }
    }
    return null;
  }

  private static String masked(String canary) {
    return canary == null ? "" : canary.substring(0, 4) + "… (" + canary.length() + " chars)";
  }
}
