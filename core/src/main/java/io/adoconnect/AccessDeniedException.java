package io.adoconnect;

/**
 * The credential was refused: a 401, a 403, or the 203 HTML sign-in page Azure DevOps sends in
 * place of a 401. The hint says which scope or what to do.
 */
public class AccessDeniedException extends AzureDevOpsApiException {
  public AccessDeniedException(int status, String typeKey, String message, String hint) {
    super(status, typeKey, message, hint);
  }

  public AccessDeniedException(int status, String typeKey, String message, NextStep nextStep) {
    super(status, typeKey, message, nextStep);
  }
}
