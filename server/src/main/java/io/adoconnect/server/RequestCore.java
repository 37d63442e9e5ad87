package io.adoconnect.server;

import io.adoconnect.connect.AdoConnect;
import io.javalin.http.Context;

/**
 * The use cases a request works on: the one {@link AdoConnect} of the single-user service, or in
 * team mode a view for the (application, end user) the request authenticated as. Controllers ask
 * for it per request and never keep one across requests.
 */
@FunctionalInterface
public interface RequestCore {
  AdoConnect of(Context ctx);

  /** Every request works on {@code ado}: the single-user service. */
  static RequestCore always(AdoConnect ado) {
    return ctx -> ado;
  }
}
