package io.adoconnect.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.adoconnect.http.Json;
import io.adoconnect.server.errors.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Request bodies, read strictly: unknown fields, trailing garbage and wrong types are 400s with the
 * error shape, never a half-understood request. Size and content type were checked by the access
 * guard before the body is read.
 */
public final class JsonBodies {
  private static final ObjectMapper STRICT = strict();
  private static final Pattern SAFE_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");

  /**
   * Duplicate keys are refused (which of two values counts differs between parsers), and no scalar
   * becomes another: {@code true} or {@code 123} is not a text, {@code "123"} not a number.
   */
  private static ObjectMapper strict() {
    ObjectMapper mapper =
        Json.MAPPER
            .copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    for (LogicalType scalar :
        List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper
          .coercionConfigFor(scalar)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  private JsonBodies() {}

  /** The body as {@code type}; an empty body is a 400. */
  public static <T> T read(Context ctx, Class<T> type) {
    return read(ctx.bodyAsBytes(), type);
  }

  /**
   * {@code body} as {@code type} (what {@link #read(Context, Class)} does with a request's bytes).
   *
   * @throws ApiException a 400 saying what is wrong, for any input that is not a {@code type}
   */
  static <T> T read(byte[] body, Class<T> type) {
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
          "The body is not valid JSON for this call" + field(e) + where + ".",
          "Send a JSON object with the fields listed in /openapi.json, and no others, each once"
              + " and of its type (text in quotes, numbers and true/false without).");
    } catch (IOException e) {
      throw ApiException.badRequest("malformed_json", "The body could not be read.", null);
    }
  }

  /**
   * Which field was wrong, when the caller can be told without echoing their input: a field name
   * that looks like a secret someone pasted (long, or not a name) is not repeated.
   */
  private static String field(JsonProcessingException e) {
    String name = null;
    if (e instanceof UnrecognizedPropertyException) {
      return ": a field it doesn't know";
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      name =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
              .orElse(null);
      boolean safe =
          mapping.getPath().stream()
              .allMatch(
                  r -> r.getFieldName() == null || SAFE_FIELD.matcher(r.getFieldName()).matches());
      return safe ? ": the field '" + name + "' is missing its value or has the wrong type" : "";
    }
    if (e.getProcessor() instanceof JsonParser parser
        && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Duplicate field")) {
      try {
        name = parser.currentName();
      } catch (IOException ignored) {
        name = null;
      }
      return name != null && SAFE_FIELD.matcher(name).matches()
          ? ": the field '" + name + "' appears twice"
          : ": a field appears twice";
    }
    return "";
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
