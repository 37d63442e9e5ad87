package io.adoconnect.server.docs;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /api/health} and {@code GET /openapi.json} (the hand-written OpenAPI 3 document, kept
 * true by {@code OpenApiTest}). The page at {@code /} is {@code page.PageController}'s.
 */
public final class DocsController {
  private final byte[] openApi = resource("openapi.json");

  public void routes(RoutesConfig routes) {
    routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  /** The OpenAPI document as served. */
  public static byte[] openApiDocument() {
    return resource("openapi.json");
  }

  private static byte[] resource(String name) {
    try (InputStream in = DocsController.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
