package io.adoconnect.server.oauth;

import io.adoconnect.store.OAuthStore;

/**
 * The scopes a client may ask for and a token carries. A request for {@value #WRITE} only
 * pre-selects writing on the consent page: what a token may do is what the person approved there
 * ({@link OAuthStore.Grant}), and {@value #SOURCES_ONLY} in a token's scope says it was confined to
 * the sources.
 */
final class Scopes {
  static final String READ = "mcp:read";
  static final String WRITE = "mcp:write";
  static final String SOURCES_ONLY = "mcp:sources-only";

  private Scopes() {}

  /** The scope string of what a grant allows. */
  static String of(OAuthStore.Grant grant) {
    return READ
        + (grant.canWrite() ? " " + WRITE : "")
        + (grant.sourcesOnly() ? " " + SOURCES_ONLY : "");
  }
}
