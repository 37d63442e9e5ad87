package io.adoconnect.simulator.data;

import java.util.UUID;

/**
 * A Git repository ({@code GitRepository} on the wire). Clone and web URLs are not stored: they
 * depend on the address the simulator listens on and on the URL layout used, so the HTTP layer
 * builds them.
 *
 * @param defaultBranch full ref name such as {@code refs/heads/main}, or {@code null} (field
 *     omitted)
 * @param hasRemoteUrl {@code false} models a never-pushed repository whose {@code remoteUrl},
 *     {@code sshUrl} and {@code webUrl} are all missing
 */
public record Repository(
    UUID id,
    String name,
    Project project,
    String defaultBranch,
    long size,
    boolean disabled,
    boolean inMaintenance,
    boolean hasRemoteUrl) {

  /**
   * What a discovery client should keep: the repository can be cloned (has a URL and is not
   * disabled).
   */
  public boolean cloneable() {
    return hasRemoteUrl && !disabled;
  }
}
