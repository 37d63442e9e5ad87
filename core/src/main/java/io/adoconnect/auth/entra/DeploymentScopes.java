package io.adoconnect.auth.entra;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.AccessScope;
import io.adoconnect.http.GrantedScopes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Azure DevOps permissions a deployment's Microsoft sign-ins ask for ({@value #VARIABLE}):
 * {@code user_impersonation} by default, or granular {@code vso.*} permissions, e.g. {@code
 * vso.code_write vso.build_execute vso.work_write}. Read once at start; an unknown name stops the
 * start, naming it, rather than failing every sign-in later with Entra's {@code invalid_scope}.
 *
 * <p>Entra takes a resource's permissions prefixed with its id ({@code
 * 499b84ac-1321-427f-aa17-267ca6975798/vso.code}, entra-oauth.md §4) and one resource per request,
 * plus the OpenID scopes; the token's {@code scp} then lists them unprefixed. That granular
 * delegated permissions work for every tenant's app registration is Microsoft's documentation
 * (since 2023), not something tried against a live tenant here (unverified).
 */
public final class DeploymentScopes {
  public static final String VARIABLE = "ADO_CONNECT_ENTRA_SCOPES";

  /** All of an app's configured Azure DevOps permissions; Entra grants it as user_impersonation. */
  static final String DEFAULT_PERMISSIONS = ".default";

  private static final List<String> OPENID = List.of("offline_access", "openid", "profile");

  private DeploymentScopes() {}

  /**
   * The {@code scope} values of a sign-in for the setting {@code raw} (blank: {@code
   * user_impersonation}), each Azure DevOps permission prefixed with the resource id. Granular
   * permissions also get {@code vso.profile}: a sign-in reads who signed in and their
   * organizations, which that permission covers (azure-devops-rest.md §8).
   */
  public static List<String> requested(String raw) {
    Set<String> names = names(raw);
    List<String> scopes = new ArrayList<>();
    if (!names.contains(GrantedScopes.USER_IMPERSONATION) && !names.contains(DEFAULT_PERMISSIONS)) {
      names.add(AccessScope.PROFILE_READ.id());
    }
    names.forEach(name -> scopes.add(EntraSettings.AZURE_DEVOPS_RESOURCE + "/" + name));
    scopes.addAll(OPENID);
    return List.copyOf(scopes);
  }

  /** The permission names of the setting, checked; {@code user_impersonation} when blank. */
  static Set<String> names(String raw) {
    Set<String> names = new LinkedHashSet<>();
    if (raw != null) {
      for (String value : raw.strip().split("[\\s,]+")) {
        String name = withoutResource(value).toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !OPENID.contains(name)) {
          check(name);
          names.add(name);
        }
      }
    }
    if (names.isEmpty()) {
      names.add(GrantedScopes.USER_IMPERSONATION);
    }
    boolean broad =
        names.contains(GrantedScopes.USER_IMPERSONATION) || names.contains(DEFAULT_PERMISSIONS);
    if (broad && names.size() > 1) {
      throw new InvalidInputException(
          VARIABLE + " mixes " + String.join(" ", names) + ".",
          "Give either user_impersonation (or .default) alone, or only vso.* permissions.");
    }
    return names;
  }

  private static void check(String name) {
    if (name.equals(GrantedScopes.USER_IMPERSONATION)
        || name.equals(DEFAULT_PERMISSIONS)
        || AccessScope.byId(name).isPresent()) {
      return;
    }
    throw new InvalidInputException(
        VARIABLE
            + " names '"
            + name
            + "', which is not an Azure DevOps permission ado-connect knows.",
        "Give user_impersonation, or some of: "
            + Arrays.stream(AccessScope.values())
                .map(AccessScope::id)
                .collect(Collectors.joining(" "))
            + " (separated by spaces).");
  }

  private static String withoutResource(String value) {
    String prefix = EntraSettings.AZURE_DEVOPS_RESOURCE + "/";
    if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return value.substring(prefix.length());
    }
    String uri = "https://app.vssps.visualstudio.com/";
    return value.regionMatches(true, 0, uri, 0, uri.length())
        ? value.substring(uri.length())
        : value;
  }
}
