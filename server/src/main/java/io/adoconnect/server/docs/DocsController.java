package io.adoconnect.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/health} and {@code GET /openapi.json} (the hand-written OpenAPI 3 document, kept
 * true by {@code OpenApiTest}). The page at {@code /} is {@code page.PageController}'s.
 *
 * <p>The document is {@code openapi.json} plus one {@code openapi-{area}.json} per area of Azure
 * DevOps work, whose {@code paths} and {@code components.schemas} join it: each area keeps its
 * routes' description next to the others of its kind.
 */
public final class DocsController {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> AREAS =
      List.of("git", "builds", "releases", "workitems", "hooks", "team", "mcp");

  private final byte[] openApi = openApiDocument();

  public void routes(RoutesConfig routes) {
    routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  /** The OpenAPI document as served. */
  public static byte[] openApiDocument() {
    try {
      ObjectNode document = (ObjectNode) MAPPER.readTree(resource("openapi.json"));
      for (String area : AREAS) {
        JsonNode fragment = MAPPER.readTree(resource("openapi-" + area + ".json"));
        ((ObjectNode) document.path("paths")).setAll((ObjectNode) fragment.path("paths"));
        JsonNode schemas = fragment.path("components").path("schemas");
        if (schemas.isObject()) {
          ((ObjectNode) document.path("components").path("schemas")).setAll((ObjectNode) schemas);
        }
        JsonNode schemes = fragment.path("components").path("securitySchemes");
        if (schemes.isObject()) {
          ((ObjectNode) document.path("components").path("securitySchemes"))
              .setAll((ObjectNode) schemes);
        }
      }
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
