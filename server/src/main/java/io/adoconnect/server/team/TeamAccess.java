package io.adoconnect.server.team;

import io.adoconnect.auth.Secret;
import io.adoconnect.connect.Applications;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.store.ApplicationRecord;
import io.adoconnect.store.Owner;
import io.javalin.http.Context;

/**
 * Team mode's credential check: {@code Authorization: Bearer <application key>} and {@value
 * EndUsers#HEADER}. A missing, malformed, unknown or revoked key, or a revoked application, is the
 * same 401, so a caller learns nothing about which keys exist.
 */
public final class TeamAccess {
  private final Applications applications;

  public TeamAccess(Applications applications) {
    this.applications = applications;
  }

  /** The application of a presented key; a 401 for anything else. */
  public ApplicationRecord application(String bearer) {
    if (bearer == null || bearer.isEmpty() || bearer.length() > 200) {
      throw unauthorized();
    }
    return applications.authenticate(Secret.of(bearer)).orElseThrow(TeamAccess::unauthorized);
  }

  /** The owner a call with this bearer acts as: the key's application and the named end user. */
  public Owner owner(String bearer, Context ctx) {
    ApplicationRecord app = application(bearer);
    return new Owner(app.id(), EndUsers.check(ctx.header(EndUsers.HEADER)));
  }

  /**
   * A browser session's owner, on each call: a connect link's session stops working the moment the
   * operator revokes its application, as the application's keys do.
   */
  public void requireLive(Owner owner) {
    if (owner == null || !applications.isLive(owner.application())) {
      throw new ApiException(
          401,
          "unauthorized",
          "The application that opened this page is no longer served here.",
          "Ask the application for a new connect link.");
    }
  }

  public static ApiException unauthorized() {
    return new ApiException(
        401,
        "unauthorized",
        "This call needs a live application API key.",
        "Send Authorization: Bearer <key> with a key the deployment's operator created for your"
            + " application.");
  }
}
