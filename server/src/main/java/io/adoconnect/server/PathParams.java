package io.adoconnect.server;

import io.adoconnect.server.errors.ApiException;
import io.javalin.http.Context;
import java.util.Optional;

/** Path and query parameters that name Azure DevOps things or count them. */
public final class PathParams {
  private PathParams() {}

  /** One organization or project name: not blank, no {@code /}, at most 256 characters. */
  public static String name(Context ctx, String param) {
    String value = ctx.pathParam(param).strip();
    if (value.isEmpty() || value.contains("/") || value.length() > 256) {
      throw ApiException.badRequest(
          "invalid_input",
          "The path part '" + param + "' must be one name, without '/'.",
          "Percent-encode spaces and other special characters.");
    }
    return value;
  }

  /** A positive whole number in the path, e.g. an id: 400 when it is missing or not one. */
  public static int id(Context ctx, String param) {
    return number(ctx.pathParam(param), param)
        .orElseThrow(
            () -> ApiException.badRequest("invalid_input", "The " + param + " is missing.", null));
  }

  /** A positive whole number, or empty when absent. */
  public static Optional<Integer> number(String value, String what) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number > 0) {
        return Optional.of(number);
      }
    } catch (NumberFormatException notANumber) {
      // below
    }
    throw ApiException.badRequest(
        "invalid_input", "'" + what + "' must be a positive whole number.", null);
  }
}
