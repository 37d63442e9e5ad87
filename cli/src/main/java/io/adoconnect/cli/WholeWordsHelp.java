package io.adoconnect.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Layout;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's help, with option and parameter descriptions wrapped at spaces only. picocli wraps with
 * the JDK's line breaker, which also breaks after {@code .}, {@code -} and {@code :} — so a URL, a
 * path or an event name at the end of a line came out in two ({@code https://tfs.example.} / {@code
 * com/tfs}, {@code ~/.} / {@code ado-connect}), and could not be copied.
 */
final class WholeWordsHelp extends CommandLine.Help {
  private WholeWordsHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  static CommandLine.IHelpFactory factory() {
    return WholeWordsHelp::new;
  }

  @Override
  public Layout createDefaultLayout(
      List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
    Layout layout = super.createDefaultLayout(options, positionals, scheme);
    return new Layout(
        scheme,
        new Table(scheme, layout.textTable().columns()),
        layout.optionRenderer(),
        layout.parameterRenderer());
  }

  /** A text table that moves a word that doesn't fit to the next line instead of cutting it. */
  private static final class Table extends TextTable {
    private final ColorScheme scheme;

    Table(ColorScheme scheme, Column[] columns) {
      super(scheme, columns);
      this.scheme = scheme;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      String plain = value == null ? "" : value.plainString();
      int room = column.width - column.indent;
      if (column.overflow != Column.Overflow.WRAP || plain.length() <= room) {
        return super.putValue(row, col, value);
      }
      int space = plain.lastIndexOf(' ', room);
      if (space <= plain.length() - plain.stripLeading().length()) {
        return super.putValue(row, col, value); // one word longer than the column: picocli's way
      }
      super.putValue(row, col, text(plain.substring(0, space)));
      if (row + 1 >= rowCount()) {
        addEmptyRow();
      }
      String rest = plain.substring(space).strip();
      return putValue(row + 1, col, text(" ".repeat(indentWrappedLines) + rest));
    }

    private Text text(String plain) {
      return scheme.ansi().new Text(plain, scheme);
    }
  }
}
