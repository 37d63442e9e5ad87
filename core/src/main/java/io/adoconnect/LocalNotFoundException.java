package io.adoconnect;

/**
 * No local account, source or subscription has that id or name: ado-connect's own records, not an
 * Azure DevOps 404 (that is {@link NotFoundException}). Nothing was changed.
 */
public class LocalNotFoundException extends AdoConnectException {
  public LocalNotFoundException(String message, NextStep nextStep) {
    super(message, nextStep);
  }
}
