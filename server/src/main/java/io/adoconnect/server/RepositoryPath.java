package io.adoconnect.server;

import io.adoconnect.connect.OrganizationRef;
import io.adoconnect.connect.ProjectRef;
import io.adoconnect.connect.RepositoryRef;
import io.adoconnect.server.errors.ApiException;
import io.javalin.http.Context;

/**
 * The refs named by routes: a repository under {@code /api/repositories/{organization}/{project}/
 * {repository}/…}, a project under {@code /api/projects/{organization}/{project}/…} (URL-encoded
 * segments, a space is {@code %20}), with the account from the optional {@code ?account=} query
 * parameter when more than one connected account reaches the organization.
 */
public final class RepositoryPath {
  /** The route prefix every repository action shares. */
  public static final String PREFIX = "/api/repositories/{organization}/{project}/{repository}";

  private RepositoryPath() {}

  /** The route prefix every project action shares. */
  public static final String PROJECT_PREFIX = "/api/projects/{organization}/{project}";

  public static RepositoryRef of(Context ctx) {
    return new RepositoryRef(
        segment(ctx, "organization"),
        segment(ctx, "project"),
        segment(ctx, "repository"),
        ctx.queryParam("account"));
  }

  public static ProjectRef project(Context ctx) {
    return new ProjectRef(
        segment(ctx, "organization"), segment(ctx, "project"), ctx.queryParam("account"));
  }

  public static OrganizationRef organization(Context ctx) {
    return new OrganizationRef(segment(ctx, "organization"), ctx.queryParam("account"));
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
