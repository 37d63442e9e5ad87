package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.adoconnect.InvalidInputException;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.AzureDevOpsHttp;
import io.adoconnect.http.Names;
import io.adoconnect.http.Urls;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns what a user types for a person (an id, an email or account name) into the identity id pull
 * request calls need.
 *
 * <p>Azure DevOps: GET
 * {org}/_apis/identities?searchFilter=General&filterValue=…&queryMembership=None (on Services the
 * documented host is {@code vssps.dev.azure.com/{org}}; the organization host is believed to answer
 * the same — unverified).
 */
final class Identities {
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final AzureDevOpsHttp http;

  Identities(AzureDevOpsHttp http) {
    this.http = http;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Identity(String id, String providerDisplayName) {}

  /** The identity id for {@code person}: a GUID as is, else the one identity matching it. */
  String resolve(Organization org, String person, String role) {
    String given = person == null ? "" : person.trim();
    if (GUID.matcher(given).matches()) {
      return given;
    }
    if (given.isEmpty()) {
      throw new InvalidInputException(
          "A " + role + " is empty.", "Name the " + role + " by email or identity id.");
    }
    List<Identity> found =
        http.getList(
            Urls.at(org.baseUrl())
                .path("_apis/identities")
                .query("searchFilter", "General")
                .query("filterValue", given)
                .query("queryMembership", "None")
                .query("api-version", org.apiVersion())
                .build(),
            Identity.class,
            AccessScope.IDENTITY_READ);
    if (found.size() == 1) {
      return found.get(0).id();
    }
    if (found.isEmpty()) {
      throw new InvalidInputException(
          "No one called "
              + shown(given)
              + " was found in "
              + org.name()
              + " to be the "
              + role
              + ".",
          "Give the "
              + role
              + "'s email exactly as Azure DevOps shows it (their profile), or"
              + " their identity id; they must be a member of "
              + org.name()
              + ".");
    }
    throw new InvalidInputException(
        shown(given) + " matches " + found.size() + " people in " + org.name() + ".",
        "Give the " + role + "'s full email or identity id instead.");
  }

  /** An email address is safe to repeat; anything else goes by the one rule for typed input. */
  private static String shown(String given) {
    return given != null && given.matches("[\\w.+-]{1,64}@[\\w-]{1,63}(\\.[\\w-]{1,63}){1,4}")
        ? "'" + given + "'"
        : Names.shown(given, "reviewer");
  }
}
