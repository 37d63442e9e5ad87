package io.adoconnect.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.UnsupportedApiVersionException;
import io.adoconnect.devops.ApiVersion;
import io.adoconnect.devops.AzureDevOpsEndpoints;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Urls;
import java.net.URI;
import java.util.List;

/**
 * Who the user is and which organizations they can reach: the profile and accounts APIs on the
 * vssps host (Services only, Entra tokens or global PATs) and {@code connectionData} on each
 * organization or Server collection.
 */
public final class OrganizationsClient {
  private final AzureDevOpsHttp http;
  private final AzureDevOpsEndpoints endpoints;

  public OrganizationsClient(AzureDevOpsHttp http, AzureDevOpsEndpoints endpoints) {
    this.http = http;
    this.endpoints = endpoints;
  }

  /** Azure DevOps: GET https://app.vssps.visualstudio.com/_apis/profile/profiles/me */
  public Profile me() {
    return http.get(
        Urls.at(endpoints.vssps())
            .path("_apis/profile/profiles/me")
            .query("api-version", ApiVersion.SERVICES)
            .build(),
        Profile.class);
  }

  /** Azure DevOps: GET https://app.vssps.visualstudio.com/_apis/accounts?memberId={id} */
  public List<MemberAccount> accounts(String memberId) {
    return http.getList(
        Urls.at(endpoints.vssps())
            .path("_apis/accounts")
            .query("memberId", memberId)
            .query("api-version", ApiVersion.SERVICES)
            .build(),
        MemberAccount.class);
  }

  /**
   * Azure DevOps: GET {base}/_apis/connectionData — sent without api-version, as Microsoft's Node
   * client does, because it is the call that tells which server answered before any version is
   * known.
   */
  public ConnectionData connectionData(URI organizationBase) {
    return http.get(
        Urls.at(organizationBase).path("_apis/connectionData").build(), ConnectionData.class);
  }

  /**
   * Finds the REST version a Server collection speaks: asks for {@link ApiVersion#SERVER_FIRST_TRY}
   * and, when the server says it is older, uses the version it names (parsing the number, not
   * mapping product names — a Server 2020 install has been seen answering "6.1").
   *
   * <p>Azure DevOps: GET {server}/{collection}/_apis/projects?$top=1
   */
  public Organization negotiateServer(URI serverUrl, String collection) {
    Organization candidate =
        Organization.server(serverUrl, collection, ApiVersion.SERVER_FIRST_TRY);
    try {
      http.get(projectsProbe(candidate), JsonNode.class);
      return candidate;
    } catch (UnsupportedApiVersionException e) {
      if (e.supportedVersion() == null) {
        throw e;
      }
      Organization negotiated = candidate.withApiVersion(ApiVersion.parse(e.supportedVersion()));
      http.get(projectsProbe(negotiated), JsonNode.class);
      return negotiated;
    }
  }

  private static URI projectsProbe(Organization org) {
    return Urls.at(org.baseUrl())
        .path("_apis/projects")
        .query("$top", 1)
        .query("api-version", org.apiVersion())
        .build();
  }
}
