package io.adoconnect.server.page;

import io.adoconnect.server.errors.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The integrations page: {@code GET /} (its HTML) and {@code GET /assets/{file}} (its script and
 * style sheet). Plain files from this package's resources, no build step; no inline script or
 * style, so the strict CSP holds. Both routes are public: the page holds no data, it asks the API
 * (with the session cookie of the login link) for everything, and says how to sign in when it has
 * no session.
 */
public final class PageController {
  /** Path prefix of the page's assets, public like {@code /}. */
  public static final String ASSETS = "/assets/";

  private final byte[] index = resource("index.html");
  private final Map<String, Asset> assets =
      Map.of(
          "app.js", new Asset("text/javascript; charset=utf-8", resource("app.js")),
          "app.css", new Asset("text/css; charset=utf-8", resource("app.css")));

  private record Asset(String contentType, byte[] bytes) {}

  public void routes(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(index));
    routes.get(ASSETS + "{file}", this::asset);
  }

  private void asset(Context ctx) {
    Asset asset = assets.get(ctx.pathParam("file"));
    if (asset == null) {
      throw ApiException.notFound("The page has no asset of that name.", "Open the page at /.");
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
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
