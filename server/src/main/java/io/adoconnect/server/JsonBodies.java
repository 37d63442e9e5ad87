package io.adoconnect.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.http.Json;
import io.adoconnect.server.errors.ApiException;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Request bodies, read strictly: unknown fields, trailing garbage and wrong types are 400s with the
 * error shape, never a half-understood request. Size and content type were checked by the access
 * guard before the body is read.
 */
public final class JsonBodies {
  private static final ObjectMapper STRICT =
      Json.MAPPER
          .copy()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private JsonBodies() {}

  /** The body as {@code type}; an empty body is a 400. */
  public static <T> T read(Context ctx, Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiException.badRequest(
          "body_required", "This call needs a JSON body.", "See /openapi.json for its fields.");
    }
    try {
      T value = STRICT.readValue(body, type);
      if (value == null) {
        throw ApiException.badRequest(
            "malformed_json",
            "The body must be a JSON object.",
            "See /openapi.json for its fields.");
      }
      return value;
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the input (a PAT): say only where it went wrong.
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw ApiException.badRequest(
          "malformed_json",
          "The body is not valid JSON for this call" + where + ".",
          "Send a JSON object with the fields listed in /openapi.json, and no others.");
    } catch (IOException e) {
      throw ApiException.badRequest("malformed_json", "The body could not be read.", null);
    }
  }

  /** A required text field; blank counts as missing. */
  public static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(
          "invalid_input", "The field '" + field + "' is required.", "See /openapi.json.");
    }
    return value.strip();
  }

  /**
   * A required field that names one organization, project or repository: no {@code /}, at most 256
   * characters.
   */
  public static String requiredName(String value, String field) {
    String text = required(value, field);
    if (text.contains("/") || text.length() > 256) {
      throw ApiException.badRequest(
          "invalid_input",
          "The field '" + field + "' must be one name, without '/'.",
          "Send organization, project and repository as separate fields.");
    }
    return text;
  }
}
