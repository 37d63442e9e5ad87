package io.adoconnect;

/** The organization, project, repository or item does not exist, or the caller cannot see it. */
public class NotFoundException extends AzureDevOpsApiException {
  public NotFoundException(String typeKey, String message, String hint) {
    super(404, typeKey, message, hint);
  }

  public NotFoundException(String typeKey, String message, NextStep nextStep) {
    super(404, typeKey, message, nextStep);
  }
}
