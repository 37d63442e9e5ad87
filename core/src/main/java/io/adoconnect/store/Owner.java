package io.adoconnect.store;

import io.adoconnect.InvalidInputException;

/**
 * Whose rows a use case reads and writes: an application (the product embedding ado-connect) and
 * the end user it acts for. The CLI and the single-user service are {@link #LOCAL}; a multi-user
 * service opens one per (application, end user), and one owner never sees another's accounts,
 * sources, subscriptions or events.
 */
public record Owner(String application, String endUser) {
  /** The one owner of the CLI and the single-user service; its rows say {@code local}. */
  public static final Owner LOCAL = new Owner(Store.LOCAL_OWNER, Store.LOCAL_OWNER);

  public Owner {
    Require.text(application, "The application");
    Require.text(endUser, "The end user");
    if (application.contains("/") || application.length() > 64 || endUser.length() > 128) {
      throw new InvalidInputException(
          "An application id has no '/' and is at most 64 characters; an end user id at most 128.",
          "Give the ids your product uses for them.");
    }
  }

  /** The owner whose {@link #key()} this is. */
  public static Owner ofKey(String key) {
    Require.text(key, "The owner key");
    if (key.equals(Store.LOCAL_OWNER)) {
      return LOCAL;
    }
    int slash = key.indexOf('/');
    if (slash < 0) {
      throw new InvalidInputException(
          "The owner key " + key + " has no '/'.", io.adoconnect.NextStep.NONE);
    }
    return new Owner(key.substring(0, slash), key.substring(slash + 1));
  }

  /** The value stored in every row's {@code owner} column. */
  public String key() {
    return equals(LOCAL) ? Store.LOCAL_OWNER : application + "/" + endUser;
  }
}
