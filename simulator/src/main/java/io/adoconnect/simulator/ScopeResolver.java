package io.adoconnect.simulator;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Dataset;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;
import java.net.URI;
import java.util.List;

/**
 * Maps a path onto the URL layout: {@code /_apis/…} is the vssps host, {@code /tfs/_apis/…} the
 * Server deployment, {@code /tfs/DefaultCollection/…} and {@code /DefaultCollection/…} the Server
 * collection, {@code /{org}/…} an organization. Below a base, {@code _apis/…} is collection level
 * and {@code {project}/_apis/…} project level; {@code [{project}/]_git/{repo}/…} is Git's smart
 * HTTP.
 */
final class ScopeResolver {

  /** Either an {@link ApiCall} to serve or the error answer for a path that leads nowhere. */
  record Resolution(ApiCall call, Response failure) {}

  private final Dataset dataset;
  private final URI root;

  ScopeResolver(Dataset dataset, URI root) {
    this.dataset = dataset;
    this.root = root;
  }

  Resolution resolve(Request request) {
    List<String> segments = request.segments();
    if (segments.isEmpty()) {
      return notFound(request);
    }
    String first = segments.get(0);
    Collection server = dataset.serverCollection();
    if (first.equalsIgnoreCase("_apis")) {
      return api(
          request,
          new Scope(Scope.Kind.VSSPS, root, "", null, dataset.user()),
          segments.subList(1, segments.size()),
          null);
    }
    if (first.equalsIgnoreCase("tfs")) {
      if (segments.size() > 1 && segments.get(1).equalsIgnoreCase("_apis")) {
        Scope deployment =
            new Scope(Scope.Kind.SERVER_DEPLOYMENT, root, "/tfs", null, dataset.user());
        return api(request, deployment, segments.subList(2, segments.size()), null);
      }
      if (segments.size() > 1 && segments.get(1).equalsIgnoreCase(server.name())) {
        return below(
            request, serverScope("/tfs/" + server.name()), segments.subList(2, segments.size()));
      }
      // Wording unverified.
      return new Resolution(
          null,
          hostNotFound(
              "The collection '"
                  + (segments.size() > 1 ? segments.get(1) : "")
                  + "' could not be found."));
    }
    if (first.equalsIgnoreCase(server.name())) {
      return below(request, serverScope("/" + server.name()), segments.subList(1, segments.size()));
    }
    return dataset
        .organization(first)
        .map(
            org ->
                below(
                    request,
                    new Scope(Scope.Kind.ORGANIZATION, root, "/" + org.name(), org, dataset.user()),
                    segments.subList(1, segments.size())))
        // Wording unverified.
        .orElseGet(
            () ->
                new Resolution(
                    null,
                    hostNotFound(
                        "VS800075: The organization '" + first + "' could not be found.")));
  }

  private Scope serverScope(String basePath) {
    return new Scope(
        Scope.Kind.SERVER_COLLECTION, root, basePath, dataset.serverCollection(), dataset.user());
  }

  private Resolution below(Request request, Scope scope, List<String> rest) {
    if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("_git")) {
      return git(request, scope, rest.subList(1, rest.size()), null);
    }
    if (rest.size() >= 2 && rest.get(1).equalsIgnoreCase("_git")) {
      return git(request, scope, rest.subList(2, rest.size()), rest.get(0));
    }
    if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("_apis")) {
      return api(request, scope, rest.subList(1, rest.size()), null);
    }
    if (rest.size() >= 2 && rest.get(1).equalsIgnoreCase("_apis")) {
      return api(request, scope, rest.subList(2, rest.size()), rest.get(0));
    }
    return notFound(request);
  }

  /**
   * A clone URL, {@code [{project}/]_git/{repo}/…}: the call's route is {@code [_git, repo, …]}
   * (see {@code GitHttpEndpoints}).
   */
  private static Resolution git(Request request, Scope scope, List<String> rest, String project) {
    if (rest.isEmpty()) {
      return notFound(request);
    }
    List<String> route = new java.util.ArrayList<>();
    route.add("_git");
    route.addAll(rest);
    return api(request, scope, route, project);
  }

  private static Resolution api(Request request, Scope scope, List<String> route, String project) {
    return new Resolution(new ApiCall(request, scope, project, List.copyOf(route)), null);
  }

  /** The answer for a path no route serves. Wording and type unverified. */
  static Resolution notFound(Request request) {
    return new Resolution(null, routeNotFound(request));
  }

  static Response routeNotFound(Request request) {
    return ErrorEnvelope.of(
        404,
        "The resource '" + request.decodedPath() + "' could not be found.",
        "Microsoft.VisualStudio.Services.WebApi.VssResourceNotFoundException, Microsoft.VisualStudio.Services.WebApi");
  }

  private static Response hostNotFound(String message) {
    return ErrorEnvelope.of(
        404,
        message,
        "Microsoft.VisualStudio.Services.Account.AccountNotFoundException, Microsoft.VisualStudio.Services.WebApi");
  }
}
