package io.adoconnect.server.errors;

import java.util.Map;

/**
 * The one error shape of the API: a stable machine code, a sentence for people, what to do next as
 * a sentence ({@code hint}) and, when there is something to do, as data ({@code action}: a type
 * such as {@code reconnect} or {@code add_scope} and its parameters) for a client or the page to
 * offer as a button or form; {@code null} when there is nothing to do.
 */
public record ApiError(String code, String message, String hint, Action action) {

  public ApiError(String code, String message, String hint) {
    this(code, message, hint, null);
  }

  /** A next step as data: what to do and with which parameters. */
  public record Action(String type, Map<String, String> parameters) {}
}
