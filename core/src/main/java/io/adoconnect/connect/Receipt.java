package io.adoconnect.connect;

/**
 * What became of one service hook delivery.
 *
 * @param event the stored event for {@link Outcome#STORED} and {@link Outcome#DUPLICATE}; null
 *     otherwise
 */
public record Receipt(Outcome outcome, EventView event) {

  /** The outcomes a receiver answers differently. */
  public enum Outcome {
    /** New, and stored (durably, before this returned). */
    STORED,
    /** An event id already stored: Azure DevOps delivered it again; nothing changed. */
    DUPLICATE,
    /** No subscription has that id (deleted, or never made here). */
    UNKNOWN_SUBSCRIPTION,
    /** The Basic credential is missing or not the subscription's. Nothing was read or stored. */
    BAD_CREDENTIAL,
    /** The body is not a service hook event. Nothing was stored. */
    MALFORMED
  }

  static Receipt of(Outcome outcome) {
    return new Receipt(outcome, null);
  }
}
