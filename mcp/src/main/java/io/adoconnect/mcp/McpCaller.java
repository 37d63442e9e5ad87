package io.adoconnect.mcp;

import io.adoconnect.connect.AdoConnect;
import java.util.Objects;

/**
 * Who a tool call acts for: the core instance opened for their owner (whose accounts, sources and
 * events it sees), what they were granted, and where their write calls are recorded. The transport
 * decides it per call (see {@link McpCallers}); the server never closes {@code ado}, its opener
 * does.
 */
public record McpCaller(AdoConnect ado, McpPolicy policy, WriteAudit audit) {
  public McpCaller {
    Objects.requireNonNull(ado, "ado");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(audit, "audit");
  }

  /** A caller whose write calls are recorded nowhere (a single user's own agent). */
  public McpCaller(AdoConnect ado, McpPolicy policy) {
    this(ado, policy, WriteAudit.NONE);
  }
}
