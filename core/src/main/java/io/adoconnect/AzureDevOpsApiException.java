package io.adoconnect;

/** Azure DevOps answered with an error: its HTTP status, its {@code typeKey} and its message. */
public class AzureDevOpsApiException extends AdoConnectException {
  private final int status;
  private final String typeKey;

  public AzureDevOpsApiException(int status, String typeKey, String message, String advice) {
    this(status, typeKey, message, NextStep.advice(advice));
  }

  public AzureDevOpsApiException(int status, String typeKey, String message, NextStep nextStep) {
    super(message, nextStep);
    this.status = status;
    this.typeKey = typeKey;
  }

  public int status() {
    return status;
  }

  /** Azure DevOps' exception type, e.g. {@code UnauthorizedRequestException}; may be null. */
  public String typeKey() {
    return typeKey;
  }
}
