package io.adoconnect.mcp;

import io.adoconnect.connect.AdoConnect;
import java.util.Objects;

/**
 * Who a tool call acts for: the core instance opened for their owner (whose accounts, sources and
 * events it sees) and what they were granted. The transport decides it per call (see {@link
 * McpCallers}); the server never closes {@code ado}, its opener does.
 */
public record McpCaller(AdoConnect ado, McpPolicy policy) {
  public McpCaller {
    Objects.requireNonNull(ado, "ado");
    Objects.requireNonNull(policy, "policy");
  }
}
