package io.adoconnect;

/** The caller's input is malformed or names something that isn't there; nothing was changed. */
public class InvalidInputException extends AdoConnectException {
  public InvalidInputException(String message, String hint) {
    super(message, hint);
  }

  public InvalidInputException(String message, NextStep nextStep) {
    super(message, nextStep);
  }
}
