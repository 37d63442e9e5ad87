package io.adoconnect.simulator.entra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed {@code scope} parameter: Azure DevOps resource scopes (prefixed with the resource id or
 * the resource URI, entra-oauth.md §4) plus the OpenID scopes. Other resources are rejected with
 * {@code invalid_scope} (AADSTS70011) since the simulator only hosts Azure DevOps.
 *
 * @param requested the scope values as sent
 * @param resource Azure DevOps permission names without prefix, e.g. {@code .default}, {@code
 *     vso.code}
 */
record ScopeSet(
    List<String> requested,
    List<String> resource,
    boolean openid,
    boolean profile,
    boolean email,
    boolean offlineAccess) {

  static final String GRAPH_RESOURCE = "00000003-0000-0000-c000-000000000000";
  private static final List<String> PREFIXES =
      List.of(EntraDirectory.AZURE_DEVOPS_RESOURCE + "/", "https://app.vssps.visualstudio.com/");

  ScopeSet {
    requested = List.copyOf(requested);
    resource = List.copyOf(resource);
  }

  static ScopeSet parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new EntraError.Failure(
          400,
          "invalid_request",
          900144,
          "The request body must contain the following parameter: 'scope'.");
    }
    List<String> requested = new ArrayList<>();
    Set<String> resource = new LinkedHashSet<>();
    boolean openid = false;
    boolean profile = false;
    boolean email = false;
    boolean offline = false;
    for (String value : raw.trim().split("\\s+")) {
      requested.add(value);
      switch (value.toLowerCase(Locale.ROOT)) {
        case "openid" -> openid = true;
        case "profile" -> profile = true;
        case "email" -> email = true;
        case "offline_access" -> offline = true;
        default -> resource.add(resourceScope(value));
      }
    }
    if (resource.isEmpty() && !openid) {
      throw invalid(
          raw,
          "The scope must name the Azure DevOps resource ("
              + EntraDirectory.AZURE_DEVOPS_RESOURCE
              + "/.default) or openid.");
    }
    return new ScopeSet(requested, List.copyOf(resource), openid, profile, email, offline);
  }

  private static String resourceScope(String value) {
    for (String prefix : PREFIXES) {
      if (value.regionMatches(true, 0, prefix, 0, prefix.length())
          && value.length() > prefix.length()) {
        return value.substring(prefix.length());
      }
    }
    throw invalid(value, "The scope " + value + " is not valid.");
  }

  private static EntraError.Failure invalid(String value, String detail) {
    return new EntraError.Failure(
        400,
        "invalid_scope",
        70011,
        "The provided value for the input parameter 'scope' is not valid. " + detail);
  }

  /**
   * {@code aud} of the access token: Azure DevOps, or Microsoft Graph when only OpenID scopes were
   * asked.
   */
  String audience() {
    return resource.isEmpty() ? GRAPH_RESOURCE : EntraDirectory.AZURE_DEVOPS_RESOURCE;
  }

  /** The {@code scp} claim: {@code .default} is granted as {@code user_impersonation}. */
  String scp() {
    if (resource.isEmpty()) {
      return "User.Read";
    }
    return String.join(
        " ",
        resource.stream()
            .map(s -> s.equals(".default") ? "user_impersonation" : s)
            .distinct()
            .toList());
  }

  /**
   * The {@code scope} field of the token response (unverified detail: OpenID scopes listed,
   * offline_access not).
   */
  String granted() {
    List<String> parts = new ArrayList<>();
    String prefix = resource.isEmpty() ? "" : EntraDirectory.AZURE_DEVOPS_RESOURCE + "/";
    for (String s : scp().split(" ")) {
      parts.add(prefix + s);
    }
    if (openid) {
      parts.add("openid");
    }
    if (profile) {
      parts.add("profile");
    }
    if (email) {
      parts.add("email");
    }
    return String.join(" ", parts);
  }
}
