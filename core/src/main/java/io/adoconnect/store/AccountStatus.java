package io.adoconnect.store;

import com.fasterxml.jackson.annotation.JsonValue;
import io.adoconnect.InvalidInputException;

/** Whether an account works, or needs its user to sign in again. */
public enum AccountStatus {
  CONNECTED("connected"),
  /** Entra no longer renews the session (no refresh token, or invalid_grant): sign in again. */
  RECONNECT_NEEDED("reconnect_needed");

  private final String wireName;

  AccountStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The name in JSON and in the database. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static AccountStatus fromWireName(String name) {
    for (AccountStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new InvalidInputException(
        "Unknown account status '" + name + "'.", "Use connected or reconnect_needed.");
  }
}
