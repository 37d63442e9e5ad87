package io.adoconnect.simulator.entra;

import java.util.List;

/**
 * A registered app. {@code secret == null} is a public client; {@code anyLoopback} accepts any
 * {@code http://localhost|127.0.0.1} redirect URI, as Entra does for native apps.
 */
record Client(
    String clientId,
    String displayName,
    String secret,
    List<String> redirectUris,
    boolean anyLoopback) {
  boolean confidential() {
    return secret != null;
  }
}
