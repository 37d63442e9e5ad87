package io.adoconnect;

/**
 * Someone changed it first: Azure DevOps answered 409 Conflict or 412 Precondition Failed (a stale
 * revision, an existing pull request for the same branches, a name taken). Nothing was changed by
 * this call; read the item again and decide.
 */
public class ConflictException extends AzureDevOpsApiException {
  public ConflictException(int status, String typeKey, String message, NextStep nextStep) {
    super(status, typeKey, message, nextStep);
  }
}
