package io.adoconnect.store;

import java.time.Instant;
import java.util.List;

/** Sample records for the store tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123Z");

  private Fixtures() {}

  static Account patAccount(String id, Instant connectedAt) {
    return new Account(
        id,
        ConnectionMethod.PAT,
        "services",
        "Ada Lovelace",
        "ada@fabrikam.com",
        null,
        null,
        connectedAt,
        connectedAt.plusSeconds(86_400 * 30),
        List.of("fabrikam", "contoso"));
  }

  static Account deviceAccount(String id, Instant connectedAt) {
    return new Account(
        id,
        ConnectionMethod.DEVICE_CODE,
        "services",
        "Grace Hopper",
        "grace@contoso.com",
        "common",
        "499b84ac-1321-427f-aa17-267ca6975798/user_impersonation offline_access",
        connectedAt,
        connectedAt.plusSeconds(3600),
        List.of("contoso"));
  }

  static Source source(String id, String organization, String project, String repository) {
    return new Source(
        id,
        "acc1",
        "services",
        organization,
        project,
        repository,
        "repo-" + id,
        "https://dev.azure.com/" + organization + "/" + project + "/_git/" + repository,
        "https://dev.azure.com/" + organization + "/" + project + "/_git/" + repository,
        T0);
  }
}
