package io.adoconnect.server.connections;

import io.adoconnect.auth.Secret;
import io.adoconnect.connect.PatTarget;
import io.adoconnect.server.errors.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of both PAT calls: an Azure DevOps Services organization (or several), or an Azure
 * DevOps Server URL and collection — and the PAT. {@link #toString()} never prints the PAT.
 */
public record PatRequest(
    String organization,
    List<String> organizations,
    String serverUrl,
    String collection,
    String pat) {
  private static final int MAX_PAT = 1024;

  PatTarget target() {
    boolean services = organization != null || organizations != null;
    boolean server = serverUrl != null || collection != null;
    if (services == server) {
      throw ApiException.badRequest(
          "invalid_input",
          "Give either organization (Azure DevOps Services) or serverUrl and collection (Azure DevOps Server).",
          "E.g. {\"organization\":\"fabrikam\",\"pat\":\"…\"} or {\"serverUrl\":\"https://tfs.example.com/tfs\",\"collection\":\"DefaultCollection\",\"pat\":\"…\"}.");
    }
    if (server) {
      return PatTarget.server(serverUrl, collection);
    }
    List<String> names = new ArrayList<>();
    if (organization != null) {
      names.add(organization);
    }
    if (organizations != null) {
      organizations.forEach(name -> names.add(name == null ? "" : name));
    }
    return PatTarget.services(names);
  }

  Secret secret() {
    if (pat == null || pat.isBlank()) {
      throw ApiException.badRequest(
          "invalid_input",
          "The field 'pat' is required.",
          "Send the Personal Access Token in 'pat'.");
    }
    String value = pat.strip();
    if (value.length() > MAX_PAT || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiException.badRequest(
          "invalid_input",
          "The PAT is not in the form of an Azure DevOps Personal Access Token.",
          "Copy the token again from User settings → Personal access tokens.");
    }
    return Secret.of(value);
  }

  @Override
  public String toString() {
    return "PatRequest[organization="
        + organization
        + ", organizations="
        + organizations
        + ", serverUrl="
        + serverUrl
        + ", collection="
        + collection
        + ", pat=****]";
  }
}
