package io.adoconnect.organizations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who the credential belongs to on one organization or collection, and what kind of deployment
 * answered ({@code hosted} for Services, {@code onPremises} for Server).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionData(
    Identity authenticatedUser,
    String instanceId,
    String deploymentType,
    String webApplicationRelativeDirectory) {

  public boolean onPremises() {
    return "onPremises".equalsIgnoreCase(deploymentType);
  }

  /** The identity fields ado-connect shows: a display name and the sign-in name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Identity(String id, String providerDisplayName, JsonNode properties) {
    /** The sign-in name: a UPN/email on Services, {@code DOMAIN\\user} on Server; may be null. */
    public String account() {
      return properties == null ? null : properties.path("Account").path("$value").asText(null);
    }
  }
}
