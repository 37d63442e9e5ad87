package io.adoconnect.bench.attack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The attack run's one table: per attack class how many attempts were made, how many were refused
 * as they should be, and how many succeeded (a finding). Server errors, corrupt stores and lost
 * credentials are findings of their own rows; notes say what a row's figures mean.
 */
final class Tally {
  /** One attack class. {@code succeeded} counts attempts that got through or broke something. */
  static final class Row {
    final String attack;
    int tried;
    int refused;
    int succeeded;
    final List<String> findings = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Row(String attack) {
      this.attack = attack;
    }

    /** One attempt: refused when {@code refused}, else a finding described by {@code what}. */
    void attempt(boolean refused, String what) {
      tried++;
      if (refused) {
        this.refused++;
      } else {
        succeeded++;
        if (findings.size() < 20) {
          findings.add(what);
        }
      }
    }

    /** An attempt that is neither refused nor a finding (e.g. a kill after which all was well). */
    void survived() {
      tried++;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  synchronized Row row(String attack) {
    for (Row row : rows) {
      if (row.attack.equals(attack)) {
        return row;
      }
    }
    Row row = new Row(attack);
    rows.add(row);
    return row;
  }

  synchronized boolean anySucceeded() {
    return rows.stream().anyMatch(r -> r.succeeded > 0);
  }

  synchronized void print(PrintStream out) {
    int width = rows.stream().mapToInt(r -> r.attack.length()).max().orElse(10);
    String format = "| %-" + width + "s | %7s | %7s | %9s |%n";
    out.printf(format, "attack class", "tried", "refused", "succeeded");
    out.printf(
        "|%s|%s|%s|%s|%n", "-".repeat(width + 2), "-".repeat(9), "-".repeat(9), "-".repeat(11));
    for (Row r : rows) {
      out.printf(format, r.attack, r.tried, r.refused, r.succeeded);
    }
    for (Row r : rows) {
      for (String note : r.notes) {
        out.println("  " + r.attack + ": " + note);
      }
      for (String finding : r.findings) {
        out.println("  FINDING " + r.attack + ": " + finding);
      }
    }
  }
}
