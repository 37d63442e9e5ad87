package io.adoconnect.connect;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.devops.HttpUrls;
import io.adoconnect.devops.Organization;
import io.adoconnect.store.Account;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a Personal Access Token is used: one or more Azure DevOps Services organizations, or one
 * Azure DevOps Server collection ({@code serverUrl} as given, e.g. {@code
 * https://tfs.example.com/tfs}; ado-connect never adds or removes a {@code /tfs} prefix itself).
 */
public record PatTarget(List<String> organizations, URI serverUrl, String collection) {
  public PatTarget {
    organizations = List.copyOf(organizations);
  }

  public static PatTarget services(List<String> organizations) {
    if (organizations.isEmpty()) {
      throw new InvalidInputException(
          "No organization given.",
          "Name the organization, as in https://dev.azure.com/{organization}.");
    }
    Set<String> unique = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : organizations) {
      String checked = Organization.checkServicesName(name.strip());
      if (seen.add(checked.toLowerCase(Locale.ROOT))) {
        unique.add(checked);
      }
    }
    return new PatTarget(List.copyOf(unique), null, null);
  }

  public static PatTarget server(String serverUrl, String collection) {
    if (serverUrl == null || serverUrl.isBlank()) {
      throw new InvalidInputException(
          "No server URL given.", "Give the server's URL, e.g. https://tfs.example.com/tfs.");
    }
    if (collection == null || collection.isBlank()) {
      throw new InvalidInputException(
          "No collection given.",
          "Give the collection too, e.g. DefaultCollection (the part of the URL after the"
              + " server).");
    }
    URI url = HttpUrls.parse(serverUrl, "The server URL");
    String trimmed = collection.strip().replaceAll("^/+|/+$", "");
    int slash = trimmed.lastIndexOf('/');
    if (slash > 0) {
      // Some products ask for "tfs/DefaultCollection" as the collection: the prefix belongs to the
      // server URL.
      url = HttpUrls.parse(url + "/" + trimmed.substring(0, slash), "The server URL");
      trimmed = trimmed.substring(slash + 1);
    }
    String name = Organization.checkCollectionName(trimmed);
    String path = url.getPath();
    if (path.toLowerCase(Locale.ROOT).endsWith("/" + name.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException(
          "The server URL already ends with the collection '" + name + "'.",
          NextStep.connectServer(
                  url.toString().substring(0, url.toString().length() - name.length() - 1), name)
              .withAdvice("Give the server URL without the collection, and the collection apart."));
    }
    return new PatTarget(List.of(), url, name);
  }

  public boolean isServer() {
    return serverUrl != null;
  }

  /** The account's host field: {@code services}, or the server URL. */
  public String host() {
    return isServer() ? serverUrl.toString() : Account.SERVICES;
  }

  /** The account's organizations field: the organizations, or the collection. */
  public List<String> names() {
    return isServer() ? List.of(collection) : organizations;
  }
}
