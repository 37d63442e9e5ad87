package io.adoconnect.store;

import com.fasterxml.jackson.annotation.JsonValue;
import io.adoconnect.InvalidInputException;

/** How an account was connected; decides which secrets it has and how it is refreshed. */
public enum ConnectionMethod {
  /** A personal access token, for Azure DevOps Services or Server. */
  PAT("pat"),
  /** Microsoft Entra device code flow (RFC 8628), for the CLI and desktop. */
  DEVICE_CODE("device_code"),
  /**
   * Microsoft Entra authorization code flow with PKCE in the web service — a confidential app
   * registration, so its refresh tokens are redeemed with the app's client secret.
   */
  AUTHORIZATION_CODE("authorization_code"),
  /**
   * Microsoft Entra authorization code flow with PKCE from the CLI, answered on a loopback port — a
   * public client: its refresh tokens are redeemed without a secret.
   */
  BROWSER("browser");

  private final String wireName;

  ConnectionMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The name in JSON and in the database, e.g. {@code device_code}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static ConnectionMethod fromWireName(String name) {
    for (ConnectionMethod method : values()) {
      if (method.wireName.equals(name)) {
        return method;
      }
    }
    throw new InvalidInputException(
        "Unknown connection method '" + name + "'.",
        "Use one of: pat, device_code, authorization_code, browser.");
  }
}
