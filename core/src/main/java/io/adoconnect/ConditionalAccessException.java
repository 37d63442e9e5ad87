package io.adoconnect;

/** A Conditional Access policy blocked this way of signing in (often the device code flow). */
public class ConditionalAccessException extends AuthenticationException {
  public ConditionalAccessException(String message, String hint) {
    super(message, hint);
  }

  public ConditionalAccessException(String message, NextStep nextStep) {
    super(message, nextStep);
  }
}
