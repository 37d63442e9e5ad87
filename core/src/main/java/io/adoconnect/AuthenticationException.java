package io.adoconnect;

/** Signing in failed: an OAuth error from Microsoft Entra ID, a denied or expired device code. */
public class AuthenticationException extends AdoConnectException {
  public AuthenticationException(String message, String hint) {
    super(message, hint);
  }

  public AuthenticationException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  public AuthenticationException(String message, NextStep nextStep) {
    super(message, nextStep);
  }

  public AuthenticationException(String message, NextStep nextStep, Throwable cause) {
    super(message, nextStep, cause);
  }
}
