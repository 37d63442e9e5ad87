package io.adoconnect;

/**
 * An organization that this kind of sign-in can't reach at all — e.g. one backed by personal
 * Microsoft accounts, which Azure DevOps refuses for Entra sign-ins. Discovery lists it as skipped
 * with the reason; it is not an error of the run.
 */
public class OrganizationNotSupportedException extends AdoConnectException {
  public OrganizationNotSupportedException(String message, String hint) {
    super(message, hint);
  }

  public OrganizationNotSupportedException(String message, NextStep nextStep) {
    super(message, nextStep);
  }
}
