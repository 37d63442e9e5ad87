package io.adoconnect.server.page;

import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The integrations page: {@code GET /} (its HTML), {@code GET /login?ticket=…} (the same page,
 * which trades the ticket for a session; or, for a used or expired link, an HTML page that says so
 * and how to get a new one) and {@code GET /assets/{file}} (its ES modules and style sheet). Plain
 * files from this package's resources, no build step; no inline script or style, so the strict CSP
 * holds. All public: the page holds no data, it asks the API for everything, and says how to sign
 * in when it has no session.
 */
public final class PageController {
  /** Path prefix of the page's assets, public like {@code /}. */
  public static final String ASSETS = "/assets/";

  private static final String JS = "text/javascript; charset=utf-8";

  /** The page's modules: {@code main.js} imports the others. */
  static final java.util.List<String> MODULES =
      java.util.List.of(
          "main.js",
          "api.js",
          "dom.js",
          "errors.js",
          "session.js",
          "device.js",
          "pat.js",
          "signin.js",
          "accounts.js",
          "repositories.js",
          "sources.js",
          "agents.js");

  private final byte[] index = resource("index.html");
  private final byte[] linkSpent;
  private final Map<String, Asset> assets = assets();
  private final Predicate<String> ticketOpen;

  private record Asset(String contentType, byte[] bytes) {}

  /**
   * @param ticketOpen whether a login ticket still works (without using it up)
   */
  public PageController(Predicate<String> ticketOpen) {
    this(ticketOpen, false);
  }

  /**
   * @param team team mode: a spent link is a connect link, and a new one comes from the application
   *     that sent the user, not from {@code ado-connect login-link}
   */
  public PageController(Predicate<String> ticketOpen, boolean team) {
    this.ticketOpen = ticketOpen;
    this.linkSpent = resource(team ? "connect-link-spent.html" : "login-link-spent.html");
  }

  public void routes(RoutesConfig routes) {
    routes.get("/", ctx -> html(ctx, 200, index));
    routes.get("/login", this::login);
    routes.get(ASSETS + "{file}", this::asset);
  }

  /**
   * The page for a live ticket (its script redeems it, so a link preview that only fetches the URL
   * spends nothing); for a used, expired or forged one a page of its own, 400, that says what to
   * do.
   */
  private void login(Context ctx) {
    if (ticketOpen.test(ctx.queryParam("ticket"))) {
      html(ctx, 200, index);
    } else {
      html(ctx, 400, linkSpent);
    }
  }

  private static void html(Context ctx, int status, byte[] page) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(page);
  }

  private void asset(Context ctx) {
    Asset asset = assets.get(ctx.pathParam("file"));
    if (asset == null) {
      throw ApiException.notFound("The page has no asset of that name.", "Open the page at /.");
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private static Map<String, Asset> assets() {
    Map<String, Asset> all = new java.util.HashMap<>();
    for (String module : MODULES) {
      all.put(module, new Asset(JS, resource(module)));
    }
    all.put("app.css", new Asset("text/css; charset=utf-8", resource("app.css")));
    return Map.copyOf(all);
  }

  private static byte[] resource(String name) {
    try (InputStream in = PageController.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
