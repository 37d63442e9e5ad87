package io.adoconnect.server.oauth;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Where the authorization server and the protected resource are, derived from the service's one
 * base address (its public URL, or where it listens): the issuer is the base itself, the resource
 * is {@code {base}/mcp}. Computed on each use because the port is known only once the service
 * started.
 */
public final class OAuthUris {
  public static final String MCP_PATH = "/mcp";
  public static final String AUTHORIZE_PATH = "/oauth/authorize";
  public static final String TOKEN_PATH = "/oauth/token";
  public static final String REGISTER_PATH = "/oauth/register";
  public static final String AS_METADATA_PATH = "/.well-known/oauth-authorization-server";
  public static final String PR_METADATA_PATH = "/.well-known/oauth-protected-resource";

  private final Supplier<URI> base;

  public OAuthUris(Supplier<URI> base) {
    this.base = base;
  }

  /** The base without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
  public String base() {
    String value = base.get().toString();
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  public URI issuer() {
    return URI.create(base());
  }

  /** The canonical URI of {@code /mcp}: what every token is bound to (RFC 8707). */
  public URI resource() {
    return URI.create(base() + MCP_PATH);
  }

  /** The protected resource metadata of {@code /mcp} (RFC 9728 §3.1: the path is appended). */
  public URI resourceMetadata() {
    return URI.create(base() + PR_METADATA_PATH + MCP_PATH);
  }

  public URI endpoint(String path) {
    return URI.create(base() + path);
  }

  /** Whether {@code given} names our resource (a trailing slash tolerated, nothing else). */
  public boolean isResource(String given) {
    String ours = resource().toString();
    return given != null && (given.equals(ours) || given.equals(ours + "/"));
  }
}
