package io.adoconnect.store;

import java.time.Instant;

/**
 * One of an application's API keys, without the key: only its SHA-256 is stored, and never leaves
 * the store in a record.
 */
public record ApiKeyRecord(String id, String applicationId, Instant createdAt, Instant revokedAt) {
  public ApiKeyRecord {
    Require.text(id, "The key id");
    Require.text(applicationId, "The application id");
    Require.present(createdAt, "The creation time");
    createdAt = Require.millis(createdAt);
    revokedAt = Require.millis(revokedAt);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
