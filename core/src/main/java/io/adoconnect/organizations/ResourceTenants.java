package io.adoconnect.organizations;

import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.http.Urls;
import java.net.URI;
import java.util.Optional;

/**
 * Which Microsoft Entra tenant backs an organization. Azure DevOps names it in the {@code
 * X-VSS-ResourceTenant} header of an unauthenticated answer — how Git Credential Manager and Azure
 * DevOps' own tools pick the authority. The all-zero tenant means personal Microsoft accounts
 * (MSA), which Entra apps can't use for Azure DevOps.
 */
public final class ResourceTenants {
  public static final String PERSONAL_ACCOUNTS = "00000000-0000-0000-0000-000000000000";

  private final HttpTransport transport;

  public ResourceTenants(HttpTransport transport) {
    this.transport = transport;
  }

  /**
   * Azure DevOps: GET {org}/_apis/connectionData without credentials; reads X-VSS-ResourceTenant.
   */
  public Optional<String> of(URI organizationBase) {
    ApiResponse response =
        transport.send(
            ApiRequest.get(Urls.at(organizationBase).path("_apis/connectionData").build())
                .withHeader("Accept", "application/json")
                .withHeader("X-TFS-FedAuthRedirect", "Suppress"));
    return response
        .header("X-VSS-ResourceTenant")
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }
}
