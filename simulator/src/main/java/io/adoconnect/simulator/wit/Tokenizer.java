package io.adoconnect.simulator.wit;

import java.util.ArrayList;
import java.util.List;

/** Splits WIQL into fields ({@code [System.Title]}), strings, numbers, words and symbols. */
final class Tokenizer {
  enum Kind {
    FIELD,
    STRING,
    NUMBER,
    WORD,
    SYMBOL,
    END
  }

  record Token(Kind kind, String text) {
    static final Token END = new Token(Kind.END, "");
  }

  private Tokenizer() {}

  static List<Token> tokens(String query) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '[') {
        int end = query.indexOf(']', i);
        if (end < 0) {
          throw new Wiql.WiqlException("Expecting ']' after «" + query.substring(i) + "».");
        }
        tokens.add(new Token(Kind.FIELD, query.substring(i + 1, end)));
        i = end + 1;
      } else if (c == '\'' || c == '"') {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= query.length()) {
            throw new Wiql.WiqlException(
                "Expecting a closing quote in «" + query.substring(i) + "».");
          }
          if (query.charAt(j) == c) {
            if (j + 1 < query.length() && query.charAt(j + 1) == c) {
              text.append(c);
              j += 2;
              continue;
            }
            break;
          }
          text.append(query.charAt(j++));
        }
        tokens.add(new Token(Kind.STRING, text.toString()));
        i = j + 1;
      } else if (Character.isDigit(c)
          || (c == '-' && i + 1 < query.length() && Character.isDigit(query.charAt(i + 1)))) {
        int j = i + 1;
        while (j < query.length()
            && (Character.isDigit(query.charAt(j)) || query.charAt(j) == '.')) {
          j++;
        }
        tokens.add(new Token(Kind.NUMBER, query.substring(i, j)));
        i = j;
      } else if (Character.isLetter(c) || c == '@' || c == '_') {
        int j = i + 1;
        while (j < query.length()
            && (Character.isLetterOrDigit(query.charAt(j))
                || query.charAt(j) == '.'
                || query.charAt(j) == '_')) {
          j++;
        }
        tokens.add(new Token(Kind.WORD, query.substring(i, j)));
        i = j;
      } else if ((c == '<' || c == '>')
          && i + 1 < query.length()
          && (query.charAt(i + 1) == '=' || (c == '<' && query.charAt(i + 1) == '>'))) {
        tokens.add(new Token(Kind.SYMBOL, query.substring(i, i + 2)));
        i += 2;
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      }
    }
    return tokens;
  }
}
