package io.adoconnect.auth.entra;

import java.net.URI;
import java.util.List;

/**
 * Where an OpenID provider's endpoints are, and which app asks for what. For Microsoft Entra ID it
 * comes from {@link EntraSettings#provider(String)} per tenant; any standard provider (the test
 * suite runs the device flow against Keycloak) can be described directly.
 *
 * @param metadata the OpenID configuration document; its {@code issuer} may hold Entra's {@code
 *     {tenantid}} template
 */
public record IdentityProvider(
    URI deviceAuthorizationEndpoint,
    URI tokenEndpoint,
    URI authorizationEndpoint,
    URI metadata,
    String clientId,
    List<String> scopes) {

  public IdentityProvider {
    scopes = List.copyOf(scopes);
  }
}
