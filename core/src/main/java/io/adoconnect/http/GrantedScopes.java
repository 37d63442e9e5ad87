package io.adoconnect.http;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a credential may do in Azure DevOps: everything its user may ({@code user_impersonation}, a
 * PAT, or a sign-in whose grant is unknown), or the granular {@code vso.*} permissions of an Entra
 * token's {@code scp}. Core refuses an operation these don't allow before sending anything; Azure
 * DevOps would refuse it anyway, but only after the operation's earlier calls went out.
 *
 * @param names the granted permissions as {@code scp} spells them, e.g. {@code vso.code_write};
 *     empty when {@link #all()}
 * @param all whether every call is allowed
 */
public record GrantedScopes(List<String> names, boolean all) {
  /** The Entra permission of Azure DevOps that covers every REST area. */
  public static final String USER_IMPERSONATION = "user_impersonation";

  /** A PAT, {@code user_impersonation}, or a grant nobody recorded: Azure DevOps decides. */
  public static final GrantedScopes ALL = new GrantedScopes(List.of(), true);

  /**
   * A broader permission grants the narrower ones of its family, as the token page's levels do
   * (azure-devops-rest.md §8; the simulator's ScopeRules use the same families).
   */
  private static final Map<String, Set<String>> GRANTED_BY =
      Map.of(
          "vso.code", Set.of("vso.code", "vso.code_write", "vso.code_manage", "vso.code_full"),
          "vso.code_write", Set.of("vso.code_write", "vso.code_manage", "vso.code_full"),
          "vso.code_status", Set.of("vso.code_status", "vso.code_write", "vso.code_full"),
          "vso.build", Set.of("vso.build", "vso.build_execute"),
          "vso.release", Set.of("vso.release", "vso.release_execute", "vso.release_manage"),
          "vso.release_execute", Set.of("vso.release_execute", "vso.release_manage"),
          "vso.work", Set.of("vso.work", "vso.work_write", "vso.work_full"),
          "vso.work_write", Set.of("vso.work_write", "vso.work_full"));

  public GrantedScopes {
    names = List.copyOf(names);
  }

  /**
   * From an Entra token's {@code scp} claim ({@code vso.code vso.build}) or a token response's
   * {@code scope} field (the same, each prefixed with the Azure DevOps resource, plus the OpenID
   * scopes). Only Azure DevOps permissions count: with none of them (blank, OpenID scopes only, or
   * another identity provider's own names) or with {@code user_impersonation}, the grant is {@link
   * #ALL} and Azure DevOps decides.
   */
  public static GrantedScopes parse(String spaceSeparated) {
    if (spaceSeparated == null || spaceSeparated.isBlank()) {
      return ALL;
    }
    Set<String> names = new LinkedHashSet<>();
    for (String value : spaceSeparated.strip().split("\\s+")) {
      String name = withoutResource(value).toLowerCase(Locale.ROOT);
      if (name.startsWith("vso.") || name.equals(USER_IMPERSONATION)) {
        names.add(name);
      }
    }
    return of(names);
  }

  /** Granular permissions; {@code user_impersonation} (or none at all) means {@link #ALL}. */
  public static GrantedScopes of(Collection<String> names) {
    return names.isEmpty() || names.contains(USER_IMPERSONATION)
        ? ALL
        : new GrantedScopes(List.copyOf(names), false);
  }

  /** Whether a call needing {@code needed} may go out. */
  public boolean allows(AccessScope needed) {
    return all
        || GRANTED_BY.getOrDefault(needed.id(), Set.of(needed.id())).stream()
            .anyMatch(names::contains);
  }

  /** The granted permissions ado-connect has a name for, in the order granted. */
  public List<AccessScope> known() {
    return names.stream().map(AccessScope::byId).flatMap(Optional::stream).toList();
  }

  /** As {@code scp} spells it: {@code user_impersonation} or {@code vso.code vso.build}. */
  public String scp() {
    return all ? USER_IMPERSONATION : String.join(" ", names);
  }

  @Override
  public String toString() {
    return scp();
  }

  /**
   * {@code 499b84ac-…/vso.code} or {@code https://app.vssps.visualstudio.com/vso.code} → {@code
   * vso.code}.
   */
  private static String withoutResource(String value) {
    int slash = value.lastIndexOf('/');
    return slash < 0 ? value : value.substring(slash + 1);
  }
}
