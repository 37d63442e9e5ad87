package io.adoconnect.builds;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a completed build ended; {@link #UNKNOWN} for values Azure DevOps adds later. */
public enum BuildResult {
  SUCCEEDED("succeeded"),
  PARTIALLY_SUCCEEDED("partiallySucceeded"),
  FAILED("failed"),
  CANCELED("canceled"),
  UNKNOWN("unknown");

  private final String wire;

  BuildResult(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static BuildResult of(String text) {
    for (BuildResult result : values()) {
      if (result.wire.equalsIgnoreCase(text)) {
        return result;
      }
    }
    return UNKNOWN;
  }

  @Override
  public String toString() {
    return wire;
  }
}
