package io.adoconnect.server;

import io.adoconnect.server.errors.ApiException;
import io.javalin.http.Context;

/**
 * The repository named by a route under {@code /api/repositories/{organization}/{project}/
 * {repository}/…}: three URL-encoded segments (a space is {@code %20}), joined into the {@code
 * ORG/PROJECT/REPO} path the use cases take.
 */
public final class RepositoryPath {
  /** The route prefix every repository action shares. */
  public static final String PREFIX = "/api/repositories/{organization}/{project}/{repository}";

  private RepositoryPath() {}

  public static String of(Context ctx) {
    return segment(ctx, "organization")
        + "/"
        + segment(ctx, "project")
        + "/"
        + segment(ctx, "repository");
  }

  /** A numeric path parameter, e.g. a pull request id. */
  public static int number(Context ctx, String name) {
    String text = ctx.pathParam(name);
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw ApiException.badRequest(
        "invalid_input",
        "The " + name + " in the path must be a positive number.",
        "Pull requests and threads are numbered; GET …/pullrequests lists them.");
  }

  private static String segment(Context ctx, String name) {
    String value = ctx.pathParam(name);
    if (value.isBlank() || value.contains("/") || value.length() > 256) {
      throw ApiException.badRequest(
          "invalid_input",
          "The " + name + " in the path must be one name.",
          "URL-encode each of organization, project and repository as one path segment.");
    }
    return value;
  }
}
