package io.adoconnect.builds;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a build is; {@link #UNKNOWN} for values Azure DevOps adds later. */
public enum BuildStatus {
  NOT_STARTED("notStarted"),
  IN_PROGRESS("inProgress"),
  CANCELLING("cancelling"),
  POSTPONED("postponed"),
  COMPLETED("completed"),
  UNKNOWN("unknown");

  private final String wire;

  BuildStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static BuildStatus of(String text) {
    for (BuildStatus status : values()) {
      if (status.wire.equalsIgnoreCase(text)) {
        return status;
      }
    }
    return UNKNOWN;
  }

  @Override
  public String toString() {
    return wire;
  }
}
