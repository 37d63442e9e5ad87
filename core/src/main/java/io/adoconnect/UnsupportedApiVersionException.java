package io.adoconnect;

/**
 * An Azure DevOps Server refused the requested {@code api-version} and named the one it supports.
 */
public class UnsupportedApiVersionException extends AzureDevOpsApiException {
  private final String supportedVersion;

  public UnsupportedApiVersionException(String message, String supportedVersion) {
    super(
        400,
        "VssVersionOutOfRangeException",
        message,
        "ado-connect supports Azure DevOps Server 2020 (REST API 6.0) and later.");
    this.supportedVersion = supportedVersion;
  }

  /** E.g. {@code 6.0}; null when the server didn't say. */
  public String supportedVersion() {
    return supportedVersion;
  }
}
