package io.adoconnect.auth.entra;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Which Entra app signs users in, at which authority, asking for what. Read once at start-up: after
 * changing {@code ADO_CONNECT_AZURE_TENANT_ID}, {@code ADO_CONNECT_AZURE_DEVOPS_CLIENT_ID} or
 * {@code ADO_CONNECT_ENTRA_SCOPES} ({@link DeploymentScopes}), disconnect and connect again so
 * tokens and app match.
 *
 * @param loginBase the authority host, {@code https://login.microsoftonline.com} by default
 * @param tenant {@code common}, {@code organizations}, a tenant id or a domain
 */
public record EntraSettings(URI loginBase, String tenant, String clientId, List<String> scopes) {
  /** Visual Studio's public client: what Microsoft's own Azure DevOps samples and tools use. */
  public static final String VISUAL_STUDIO_CLIENT_ID = "872cd9fa-d31f-45e0-9eab-6e460a02d1f1";

  /** The Azure DevOps resource; its {@code user_impersonation} scope covers every REST area. */
  public static final String AZURE_DEVOPS_RESOURCE = "499b84ac-1321-427f-aa17-267ca6975798";

  public static final List<String> DEFAULT_SCOPES =
      List.of(AZURE_DEVOPS_RESOURCE + "/user_impersonation", "offline_access", "openid", "profile");

  public EntraSettings {
    scopes = List.copyOf(scopes);
  }

  public static EntraSettings fromEnvironment(URI loginBase, Map<String, String> env) {
    return new EntraSettings(
        loginBase,
        valueOr(env.get("ADO_CONNECT_AZURE_TENANT_ID"), "common"),
        valueOr(env.get("ADO_CONNECT_AZURE_DEVOPS_CLIENT_ID"), VISUAL_STUDIO_CLIENT_ID),
        DeploymentScopes.requested(env.get(DeploymentScopes.VARIABLE)));
  }

  /** The endpoints of one tenant (or {@code common}/{@code organizations}). */
  public IdentityProvider provider(String tenantOrDomain) {
    return new IdentityProvider(
        endpoint(tenantOrDomain, "oauth2/v2.0/devicecode"),
        endpoint(tenantOrDomain, "oauth2/v2.0/token"),
        endpoint(tenantOrDomain, "oauth2/v2.0/authorize"),
        endpoint(tenantOrDomain, "v2.0/.well-known/openid-configuration"),
        clientId,
        scopes);
  }

  /** {@code {loginBase}/{tenant}}. */
  public URI authority(String tenantOrDomain) {
    return URI.create(loginBase + "/" + tenantOrDomain);
  }

  public URI endpoint(String tenantOrDomain, String path) {
    return URI.create(authority(tenantOrDomain) + "/" + path);
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
