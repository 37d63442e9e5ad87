package io.adoconnect.server.team;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.access.AccessGuard;
import io.adoconnect.store.Owner;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Team mode's {@link RequestCore}: the request's owner (set by the {@link AccessGuard} from the
 * application key and end user, or from the connect link's session) gets a view of the one shared
 * {@link AdoConnect} — one database, one vault, one connection setup. Views are kept (up to {@value
 * #MAX_VIEWS}, least recently used out first), so an owner's next call reuses its in-memory renewal
 * state instead of starting cold.
 *
 * <p>A service hook delivery carries no application key: it works as the owner of the subscription
 * it names, and as nobody (so: not found) when there is none.
 */
public final class OwnerCores implements RequestCore {
  static final int MAX_VIEWS = 10_000;

  /** Never a real owner: application ids are 12 base32 characters. */
  private static final Owner NOBODY = new Owner("nobody", "nobody");

  private final AdoConnect root;
  private final Map<Owner, AdoConnect> views =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Owner, AdoConnect> eldest) {
          return size() > MAX_VIEWS;
        }
      };

  public OwnerCores(AdoConnect root) {
    this.root = root;
  }

  @Override
  public AdoConnect of(Context ctx) {
    Owner owner = AccessGuard.owner(ctx);
    if (owner == null && AccessGuard.isHookDelivery(ctx)) {
      owner =
          root.hookSubscriptionOwner(ctx.pathParam("subscription"))
              .filter(found -> !found.equals(Owner.LOCAL)) // the single-user service's rows
              .orElse(NOBODY);
    }
    if (owner == null) {
      throw new IllegalStateException("a team-mode request reached a controller without an owner");
    }
    return view(owner);
  }

  /** The view of {@code owner}: what an MCP token of that owner's grant works on. */
  public AdoConnect of(Owner owner) {
    return view(owner);
  }

  private synchronized AdoConnect view(Owner owner) {
    return views.computeIfAbsent(owner, root::forOwner);
  }
}
