package io.adoconnect;

/**
 * Root of ado-connect's unchecked exceptions. Each subtype is one thing a caller can act on; the
 * message says what happened and {@link #hint()} what to do next (shown by the CLI and the API).
 */
public class AdoConnectException extends RuntimeException {
  private final String hint;

  public AdoConnectException(String message, String hint) {
    this(message, hint, null);
  }

  public AdoConnectException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  /** What the user can do about it; may be null when there is nothing useful to add. */
  public String hint() {
    return hint;
  }
}
