package io.adoconnect.connect;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.adoconnect.store.Account;

/**
 * An account as front-ends list it: its public fields, flat as before, and what it may do ({@code
 * permissions}). Nothing here is secret.
 */
public record AccountView(@JsonUnwrapped Account account, AccountPermissions permissions) {
  public static AccountView of(Account account) {
    return new AccountView(account, AccountPermissions.of(account));
  }
}
