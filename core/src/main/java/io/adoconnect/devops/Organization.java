package io.adoconnect.devops;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Names;
import io.adoconnect.http.Urls;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place area clients call: an Azure DevOps Services organization ({@code
 * https://dev.azure.com/{org}}) or an Azure DevOps Server collection ({@code
 * https://host[/tfs]/{collection}}), with the {@code api-version} that host speaks.
 */
public record Organization(String name, URI baseUrl, Deployment deployment, ApiVersion apiVersion) {
  // Azure DevOps: "start and end with a letter or number, letters, numbers and hyphens", ≤ 50.
  private static final Pattern SERVICES_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,48}[A-Za-z0-9])?");
  private static final Pattern COLLECTION_NAME =
      Pattern.compile("[^/\\\\?#%&*:<>|\"\\p{Cntrl}]{1,64}");

  public Organization {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }

  public static Organization services(AzureDevOpsEndpoints endpoints, String name) {
    return new Organization(
        checkServicesName(name),
        endpoints.organization(name),
        Deployment.SERVICES,
        ApiVersion.SERVICES);
  }

  /** A Server collection; {@code apiVersion} is what negotiation found (see ServerVersionProbe). */
  public static Organization server(URI serverUrl, String collection, ApiVersion apiVersion) {
    String name = checkCollectionName(collection);
    return new Organization(
        name,
        URI.create(serverUrl + "/" + Urls.encodeSegment(name)),
        Deployment.SERVER,
        apiVersion);
  }

  /**
   * Where classic releases live: on Services the release management host ({@code
   * https://vsrm.dev.azure.com/{org}}, {@code endpoints.vsrm()}), on Server the collection itself.
   */
  public URI releaseBaseUrl(AzureDevOpsEndpoints endpoints) {
    return deployment == Deployment.SERVICES
        ? URI.create(endpoints.vsrm() + "/" + Urls.encodeSegment(name))
        : baseUrl;
  }

  public Organization withApiVersion(ApiVersion version) {
    return new Organization(name, baseUrl, deployment, version);
  }

  public static String checkServicesName(String name) {
    if (name == null || !SERVICES_NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          Names.shown(name, "organization name")
              + " is not a valid Azure DevOps organization name.",
          "Use the name exactly as it appears in your Azure DevOps URL: https://dev.azure.com/{organization}"
              + " (letters, digits and hyphens).");
    }
    return name;
  }

  public static String checkCollectionName(String name) {
    if (name == null
        || name.isBlank()
        || !COLLECTION_NAME.matcher(name).matches()
        || name.strip().matches("\\.+")) {
      throw new InvalidInputException(
          Names.shown(name, "collection name")
              + " is not a valid Azure DevOps Server collection name.",
          "Use the collection as it appears in the server URL, e.g. DefaultCollection in https://tfs.example.com/tfs/DefaultCollection.");
    }
    return name.strip();
  }
}
