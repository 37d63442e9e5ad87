package io.adoconnect;

/**
 * Waiting for something that goes on in Azure DevOps (a build, a pipeline run) took longer than the
 * caller allowed. The work itself goes on; the hint says how to look at it later.
 */
public class WaitTimeoutException extends AdoConnectException {
  public WaitTimeoutException(String message, String hint) {
    super(message, hint);
  }

  public WaitTimeoutException(String message, NextStep nextStep) {
    super(message, nextStep);
  }
}
