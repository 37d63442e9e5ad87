package io.adoconnect.store;

import java.time.Instant;

/**
 * An application a team deployment serves: the product that embeds ado-connect and acts for its own
 * end users.
 *
 * @param id its stable id (the first half of every owner it acts as)
 * @param name what the operator called it; unique
 * @param webhookUrl where its events go, or null
 * @param revokedAt when the operator revoked it (its keys stopped working then), or null
 */
public record ApplicationRecord(
    String id, String name, String webhookUrl, Instant createdAt, Instant revokedAt) {
  public ApplicationRecord {
    Require.text(id, "The application id");
    Require.text(name, "The application name");
    Require.present(createdAt, "The creation time");
    createdAt = Require.millis(createdAt);
    revokedAt = Require.millis(revokedAt);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
