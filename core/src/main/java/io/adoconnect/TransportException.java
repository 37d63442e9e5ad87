package io.adoconnect;

/**
 * The host could not be reached or did not answer in time (DNS, connect, TLS, timeout, size cap).
 */
public class TransportException extends AdoConnectException {
  public TransportException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  public TransportException(String message, NextStep nextStep, Throwable cause) {
    super(message, nextStep, cause);
  }
}
