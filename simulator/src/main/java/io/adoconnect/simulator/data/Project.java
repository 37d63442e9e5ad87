package io.adoconnect.simulator.data;

import java.time.Instant;
import java.util.UUID;

/**
 * A team project ({@code TeamProjectReference} on the wire).
 *
 * @param description may be {@code null} (the wire format then omits the field)
 * @param tfvc {@code true} for projects that use TFVC only and therefore have no Git repositories
 */
public record Project(
    UUID id,
    String name,
    String description,
    long revision,
    String visibility,
    Instant lastUpdateTime,
    boolean tfvc) {

  /** Project state as Azure DevOps reports it for a usable project. */
  public String state() {
    return "wellFormed";
  }
}
