package io.adoconnect.auth.entra;

import java.util.Locale;

/**
 * Where a device code sign-in stands (RFC 8628 §3.5): still waiting, asked to poll slower, expired,
 * declined by the user, or done.
 */
public enum DeviceFlowState {
  PENDING,
  SLOW_DOWN,
  EXPIRED,
  DENIED,
  AUTHORIZED;

  public boolean isFinal() {
    return this == EXPIRED || this == DENIED || this == AUTHORIZED;
  }

  public static DeviceFlowState fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The lower-case name shown to users and in the HTTP API ({@code slow_down}, …). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
