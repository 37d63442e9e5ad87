package io.adoconnect.simulator.wit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The subset of WIQL the simulator runs: {@code SELECT [field], … FROM WorkItems [WHERE condition
 * {AND|OR condition}] [ORDER BY [field] [ASC|DESC], …]}, AND binding tighter than OR, no
 * parentheses. A condition is {@code [field] op value} with {@code = <> < > <= >= CONTAINS, NOT
 * CONTAINS, IN ('a', 'b')}; values are {@code 'text'} ({@code ''} escapes a quote), numbers,
 * {@code @project} and {@code @me}. Fields are reference names or friendly names ({@code [State]}).
 * Keywords are case-insensitive. Anything else is a {@link WiqlException}.
 */
record Wiql(List<String> columns, List<List<Condition>> where, List<Sort> orderBy) {

  /** A field compared with a value. */
  record Condition(String field, String operator, List<Value> values) {}

  /** A literal or a macro ({@code @project}, {@code @me}). */
  record Value(String text, boolean number, String macro) {}

  record Sort(String field, boolean descending) {}

  /** Why a query cannot be run; the message is the one answered with 400. */
  static final class WiqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WiqlException(String message) {
      super(message);
    }
  }

  /** What a query's macros stand for when it runs. */
  record Context(String project, String me) {}

  static Wiql parse(String query) {
    return new Parser(Tokenizer.tokens(query)).query();
  }

  /** Whether {@code item} satisfies the WHERE clause. */
  boolean matches(WorkItem item, Context context) {
    return where.isEmpty()
        || where.stream().anyMatch(all -> all.stream().allMatch(c -> holds(c, item, context)));
  }

  /** The ORDER BY comparator, then ids ascending. */
  Comparator<WorkItem> order() {
    Comparator<WorkItem> order = (a, b) -> 0;
    for (Sort sort : orderBy) {
      Comparator<WorkItem> byField =
          (a, b) -> compare(a.value(sort.field()), b.value(sort.field()));
      order = order.thenComparing(sort.descending() ? byField.reversed() : byField);
    }
    return order.thenComparingInt(item -> item.id);
  }

  /** Whether the query names {@code @project}. */
  boolean usesProject() {
    return where.stream()
        .flatMap(List::stream)
        .flatMap(c -> c.values().stream())
        .anyMatch(v -> "@project".equals(v.macro()));
  }

  private static boolean holds(Condition condition, WorkItem item, Context context) {
    JsonNode actual = item.value(condition.field());
    String text = item.text(condition.field());
    List<String> wanted = condition.values().stream().map(v -> resolve(v, context)).toList();
    String first = wanted.get(0);
    return switch (condition.operator()) {
      case "=" -> equal(text, first);
      case "<>" -> !equal(text, first);
      case "IN" -> wanted.stream().anyMatch(w -> equal(text, w));
      case "CONTAINS" -> text != null && lower(text).contains(lower(first));
      case "NOT CONTAINS" -> text == null || !lower(text).contains(lower(first));
      default -> {
        int c = compare(actual, first);
        yield switch (condition.operator()) {
          case "<" -> c < 0;
          case ">" -> c > 0;
          case "<=" -> c <= 0;
          default -> c >= 0;
        };
      }
    };
  }

  private static String resolve(Value value, Context context) {
    if (value.macro() == null) {
      return value.text();
    }
    return value.macro().equals("@project") ? context.project() : context.me();
  }

  private static boolean equal(String actual, String wanted) {
    if (actual == null || wanted == null) {
      return actual == null && (wanted == null || wanted.isEmpty());
    }
    Optional<BigDecimal> a = number(actual);
    Optional<BigDecimal> b = number(wanted);
    return a.isPresent() && b.isPresent()
        ? a.get().compareTo(b.get()) == 0
        : actual.equalsIgnoreCase(wanted);
  }

  private static int compare(JsonNode actual, String wanted) {
    String text = actual == null || actual.isNull() ? null : actual.asText();
    if (text == null) {
      return -1;
    }
    Optional<BigDecimal> a = number(text);
    Optional<BigDecimal> b = number(wanted);
    return a.isPresent() && b.isPresent()
        ? a.get().compareTo(b.get())
        : lower(text).compareTo(lower(wanted));
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a == null || a.isNull()) {
      return b == null || b.isNull() ? 0 : -1;
    }
    if (b == null || b.isNull()) {
      return 1;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    String left = a.isObject() ? a.path("displayName").asText() : a.asText();
    String right = b.isObject() ? b.path("displayName").asText() : b.asText();
    return lower(left).compareTo(lower(right));
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text.trim()));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Recursive descent over the tokens. */
  private static final class Parser {
    private final List<Tokenizer.Token> tokens;
    private int at;

    Parser(List<Tokenizer.Token> tokens) {
      this.tokens = tokens;
    }

    Wiql query() {
      keyword("SELECT");
      List<String> columns = new ArrayList<>();
      do {
        columns.add(field());
      } while (symbol(","));
      keyword("FROM");
      Tokenizer.Token source = next();
      if (!source.text().equalsIgnoreCase("WorkItems")) {
        throw unsupported(source);
      }
      List<List<Condition>> where = new ArrayList<>();
      if (isKeyword("WHERE")) {
        at++;
        List<Condition> all = new ArrayList<>();
        all.add(condition());
        while (isKeyword("AND") || isKeyword("OR")) {
          if (next().text().equalsIgnoreCase("OR")) {
            where.add(all);
            all = new ArrayList<>();
          }
          all.add(condition());
        }
        where.add(all);
      }
      List<Sort> orderBy = new ArrayList<>();
      if (isKeyword("ORDER")) {
        at++;
        keyword("BY");
        do {
          String field = field();
          boolean descending = false;
          if (isKeyword("ASC") || isKeyword("DESC")) {
            descending = next().text().equalsIgnoreCase("DESC");
          }
          orderBy.add(new Sort(field, descending));
        } while (symbol(","));
      }
      if (at < tokens.size()) {
        throw unsupported(tokens.get(at));
      }
      return new Wiql(columns, where, orderBy);
    }

    private Condition condition() {
      String field = field();
      Tokenizer.Token op = next();
      String operator = op.text().toUpperCase(Locale.ROOT);
      if (operator.equals("NOT") && isKeyword("CONTAINS")) {
        at++;
        operator = "NOT CONTAINS";
      }
      if (operator.equals("IN")) {
        if (!symbol("(")) {
          throw unsupported(peek());
        }
        List<Value> values = new ArrayList<>();
        do {
          values.add(value());
        } while (symbol(","));
        if (!symbol(")")) {
          throw unsupported(peek());
        }
        return new Condition(field, operator, values);
      }
      if (!List.of("=", "<>", "<", ">", "<=", ">=", "CONTAINS", "NOT CONTAINS")
          .contains(operator)) {
        throw unsupported(op);
      }
      return new Condition(field, operator, List.of(value()));
    }

    private Value value() {
      Tokenizer.Token token = next();
      return switch (token.kind()) {
        case STRING -> new Value(token.text(), false, null);
        case NUMBER -> new Value(token.text(), true, null);
        case WORD -> {
          String macro = token.text().toLowerCase(Locale.ROOT);
          if (macro.equals("@project") || macro.equals("@me")) {
            yield new Value(null, false, macro);
          }
          throw unsupported(token);
        }
        default -> throw unsupported(token);
      };
    }

    private String field() {
      Tokenizer.Token token = next();
      if (token.kind() != Tokenizer.Kind.FIELD && token.kind() != Tokenizer.Kind.WORD) {
        throw unsupported(token);
      }
      return WorkItemFields.referenceName(token.text())
          .orElseThrow(
              () ->
                  // Wording from memory of the service; unverified.
                  new WiqlException(
                      "TF51005: The query references a field that does not exist. The error is"
                          + " caused by «"
                          + token.text()
                          + "»."));
    }

    private void keyword(String keyword) {
      Tokenizer.Token token = next();
      if (!token.text().equalsIgnoreCase(keyword) || token.kind() != Tokenizer.Kind.WORD) {
        throw unsupported(token);
      }
    }

    private boolean isKeyword(String keyword) {
      return at < tokens.size()
          && tokens.get(at).kind() == Tokenizer.Kind.WORD
          && tokens.get(at).text().equalsIgnoreCase(keyword);
    }

    private boolean symbol(String symbol) {
      if (at < tokens.size()
          && tokens.get(at).kind() == Tokenizer.Kind.SYMBOL
          && tokens.get(at).text().equals(symbol)) {
        at++;
        return true;
      }
      return false;
    }

    private Tokenizer.Token peek() {
      return at < tokens.size() ? tokens.get(at) : Tokenizer.Token.END;
    }

    private Tokenizer.Token next() {
      Tokenizer.Token token = peek();
      at++;
      return token;
    }

    private static WiqlException unsupported(Tokenizer.Token token) {
      // Wording unverified: the service's WIQL errors are TF51xxx messages naming the token.
      return new WiqlException(
          "The simulator does not support this WIQL. The error is caused by «"
              + (token == Tokenizer.Token.END ? "end of query" : token.text())
              + "». Supported: SELECT [fields] FROM WorkItems WHERE [field] = | <> | < | > | <= |"
              + " >= | CONTAINS | NOT CONTAINS | IN value(s) joined by AND/OR, ORDER BY [field]"
              + " ASC|DESC.");
    }
  }
}
