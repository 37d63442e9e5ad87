package io.adoconnect.connect;

import io.adoconnect.http.AccessScope;
import io.adoconnect.http.GrantedScopes;
import io.adoconnect.store.Account;
import io.adoconnect.store.ConnectionMethod;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a connection may do in Azure DevOps, as every front-end shows it beside the account.
 *
 * @param kind {@code all} (a Microsoft sign-in granted {@code user_impersonation}), {@code scopes}
 *     (one granted only {@link #scopes}), or {@code token} (a PAT: only Azure DevOps knows its
 *     scopes, and its refusal names a missing one)
 * @param scopes the granted permissions for {@code scopes}, each with its readable name; empty
 *     otherwise
 * @param summary one sentence for people
 */
public record AccountPermissions(String kind, List<Scope> scopes, String summary) {
  /**
   * One permission: {@code vso.code_write} with its name {@code Code (Read & write)} (the id again
   * when ado-connect has no name for it).
   */
  public record Scope(String id, String name) {}

  public AccountPermissions {
    scopes = List.copyOf(scopes);
  }

  public static AccountPermissions of(Account account) {
    if (account.method() == ConnectionMethod.PAT) {
      return new AccountPermissions(
          "token",
          List.of(),
          "What the token's scopes allow; Azure DevOps names a scope it lacks when it refuses.");
    }
    GrantedScopes granted = GrantedScopes.parse(account.scope());
    if (granted.all()) {
      return new AccountPermissions(
          "all", List.of(), "Everything its user may do in Azure DevOps (user_impersonation).");
    }
    List<Scope> scopes =
        granted.names().stream()
            .map(id -> new Scope(id, AccessScope.byId(id).map(AccessScope::label).orElse(id)))
            .toList();
    return new AccountPermissions(
        "scopes",
        scopes,
        "Only " + scopes.stream().map(Scope::name).collect(Collectors.joining(", ")) + ".");
  }
}
