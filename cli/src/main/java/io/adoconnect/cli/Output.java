package io.adoconnect.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.adoconnect.http.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Printing helpers: pretty JSON, and plain aligned tables. */
final class Output {
  private Output() {}

  static void json(PrintStream out, Object value) {
    try {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON", e);
    }
  }

  /**
   * A list as scripts and people read it: all of it as JSON with {@code --json}; otherwise a table
   * of one {@code row} per item under {@code header}, or {@code whenEmpty} on stderr when there is
   * nothing to show.
   */
  static <T> void list(
      CliContext ctx,
      JsonOption output,
      List<T> items,
      String whenEmpty,
      List<String> header,
      Function<? super T, List<String>> row) {
    list(
        ctx,
        output,
        items,
        whenEmpty,
        all -> table(ctx.out(), header, all.stream().map(row).toList()));
  }

  /** As {@link #list(CliContext, JsonOption, List, String, List, Function)}, printed as text. */
  static <T> void list(
      CliContext ctx,
      JsonOption output,
      List<T> items,
      String whenEmpty,
      Consumer<List<T>> asText) {
    if (output.json) {
      json(ctx.out(), items);
    } else if (items.isEmpty()) {
      ctx.err().println(whenEmpty);
    } else {
      asText.accept(items);
    }
  }

  /** Columns padded to their widest cell; the last column is never padded. */
  static void table(PrintStream out, List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], width(printable(row.get(i))));
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i) == null ? "" : printable(row.get(i));
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - width(cell) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Terminal columns: CJK and other wide characters take two. */
  static int width(String text) {
    if (text == null) {
      return 0;
    }
    return text.codePoints().map(cp -> zeroWidth(cp) ? 0 : wide(cp) ? 2 : 1).sum();
  }

  /**
   * Text from Azure DevOps (a pull request title, a build number) as it may reach a terminal:
   * control characters — ESC, BEL, CR, backspace, which could erase lines or fake output — become
   * {@code ?}. Raw file bytes ({@code files get}) never pass through here.
   */
  static String printable(String text) {
    return printable(text, false);
  }

  /** As {@link #printable(String)}; {@code keepTabs} for code, where a tab is indentation. */
  static String printable(String text, boolean keepTabs) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp ->
                out.appendCodePoint(
                    (Character.getType(cp) == Character.CONTROL && !(keepTabs && cp == '\t'))
                            || cp == 0x2028
                            || cp == 0x2029
                            || (cp >= 0x202A && cp <= 0x202E)
                            || (cp >= 0x2066 && cp <= 0x2069)
                        ? '?'
                        : cp));
    return out.toString();
  }

  /** Combining marks and joiners take no column of their own. */
  private static boolean zeroWidth(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || cp == 0x200B
        || cp == 0x200D
        || cp == 0xFE0F;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
