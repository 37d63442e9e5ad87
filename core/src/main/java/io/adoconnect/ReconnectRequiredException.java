package io.adoconnect;

/** The session can't be renewed (no refresh token, or it was revoked): sign in again. */
public class ReconnectRequiredException extends AuthenticationException {
  public ReconnectRequiredException(String message, String hint) {
    super(message, hint);
  }

  public ReconnectRequiredException(String message, NextStep nextStep) {
    super(message, nextStep);
  }
}
