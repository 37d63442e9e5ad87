package io.adoconnect.connect;

/** Values of an account's {@code host} field. */
final class ConnectionHosts {
  /** Azure DevOps Services; any other host value is the URL of an Azure DevOps Server. */
  static final String SERVICES = "services";

  private ConnectionHosts() {}
}
