package io.adoconnect;

/** No key source is available, or a secret could not be sealed or opened. */
public class VaultException extends AdoConnectException {
  public VaultException(String message, String hint) {
    super(message, hint);
  }

  public VaultException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  public VaultException(String message, NextStep nextStep) {
    super(message, nextStep);
  }

  public VaultException(String message, NextStep nextStep, Throwable cause) {
    super(message, nextStep, cause);
  }
}
