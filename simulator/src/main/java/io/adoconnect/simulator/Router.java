package io.adoconnect.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.adoconnect.simulator.auth.AuthChallenge;
import io.adoconnect.simulator.auth.CredentialStore;
import io.adoconnect.simulator.auth.ScopeRules;
import io.adoconnect.simulator.data.SimulatedUser;
import io.adoconnect.simulator.entra.AccessGrant;
import io.adoconnect.simulator.entra.EntraDirectory;
import io.adoconnect.simulator.entra.EntraService;
import io.adoconnect.simulator.faults.FaultPlan;
import io.adoconnect.simulator.faults.RateLimiter;
import io.adoconnect.simulator.git.GitHttpEndpoints;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.versioning.VersionPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every request goes through the same pipeline: record → latency → armed hang → armed failure →
 * (Entra route? → simulated Entra) → resolve scope → authenticate → rate limit → check api-version
 * → area handler. Entra routes ({@link EntraService#handles}) skip Azure DevOps authentication and
 * api-version rules but are counted and honour latency, hangs and armed failures.
 *
 * <p>Authentication: an accepted PAT (Basic) or registered static bearer token works everywhere as
 * the dataset user. An access token issued by the simulated Entra (Bearer, or the password of
 * Basic) (audience Azure DevOps, not expired) works on the vssps host for any of the user's
 * tenants, and on an organization only when its {@code tid} is the tenant backing the organization;
 * MSA-backed organizations and the Server collection refuse it. Every 401 from an organization
 * carries {@code X-VSS-ResourceTenant: <org tenant>} and {@code WWW-Authenticate: Bearer
 * authorization_uri=<root>/<org tenant>}.
 */
final class Router implements HttpHandler {

  private final SimulatorConfig config;
  private final RequestLog log;
  private final FaultPlan faults;
  private final CredentialStore credentials;
  private final RateLimiter rateLimiter;
  private final ScopeResolver resolver;
  private final List<AreaHandler> areas;
  private final EntraService entra;
  private final String root;

  Router(
      SimulatorConfig config,
      RequestLog log,
      FaultPlan faults,
      CredentialStore credentials,
      ScopeResolver resolver,
      List<AreaHandler> areas,
      EntraService entra,
      String root) {
    this.entra = entra;
    this.root = root;
    this.config = config;
    this.log = log;
    this.faults = faults;
    this.credentials = credentials;
    this.rateLimiter = new RateLimiter(config.rateLimitPerSecond());
    this.resolver = resolver;
    this.areas = List.copyOf(areas);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Request request =
          Request.parse(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders());
      log.record(request);
      byte[] body = exchange.getRequestBody().readAllBytes();
      Response response;
      try {
        response = answer(request, body);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        response = ErrorEnvelope.of(500, "Simulator error: " + e, "System.Exception, mscorlib");
      }
      write(exchange, response);
    }
  }

  private Response answer(Request request, byte[] body) throws InterruptedException {
    sleep(Duration.ofMillis(config.latencyMs()));
    Optional<Duration> hang = faults.takeHang(request.decodedPath());
    if (hang.isPresent()) {
      sleep(hang.get());
    }
    Optional<Response> failure = faults.takeFailure(request.decodedPath());
    if (failure.isPresent()) {
      return failure.get();
    }
    if (EntraService.handles(request)) {
      return entra.handle(request, body, root);
    }
    ScopeResolver.Resolution resolution = resolver.resolve(request);
    if (resolution.failure() != null) {
      return resolution.failure();
    }
    ApiCall call = resolution.call();
    String authorization = request.header("Authorization").orElse(null);
    Optional<Set<String>> scopes = credentials.scopesOf(authorization);
    if (!credentials.accepts(authorization)) {
      Authenticated authenticated = authenticateEntra(call, authorization);
      if (authenticated.rejection() != null) {
        return authenticated.rejection();
      }
      call = authenticated.call();
      scopes = authenticated.scopes();
    }
    Optional<Response> blocked = rateLimiter.admit(authorization);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    boolean git = GitHttpEndpoints.isGit(call.route());
    if (!request.method().equals("OPTIONS") && !git) {
      Optional<Response> rejected =
          VersionPolicy.reject(request.apiVersion(), call.scope().deployment());
      if (rejected.isPresent()) {
        return rejected.get();
      }
    }
    Optional<Response> outOfScope = checkScope(call, scopes);
    if (outOfScope.isPresent()) {
      return outOfScope.get();
    }
    ApiCall served = call.withBody(body);
    return areas.stream()
        .map(area -> area.handle(served))
        .flatMap(Optional::stream)
        .findFirst()
        .orElseGet(() -> ScopeResolver.routeNotFound(request));
  }

  /**
   * A PAT created with selected scopes, or an Entra token whose {@code scp} holds granular {@code
   * vso.*} permissions instead of {@code user_impersonation}, gets a 401 for a call outside them,
   * as Azure DevOps answers (the status is what users report for PATs; the message wording, and
   * that a token with too narrow an {@code scp} is refused the same way, are unverified).
   *
   * @param scopes empty for full access
   */
  private Optional<Response> checkScope(ApiCall call, Optional<Set<String>> scopes) {
    Optional<String> required = ScopeRules.required(call);
    if (scopes.isEmpty() || required.isEmpty() || ScopeRules.allows(scopes.get(), required.get())) {
      return Optional.empty();
    }
    return Optional.of(
        ErrorEnvelope.of(
            401,
            "TF400813: The user '"
                + call.scope().user().emailAddress()
                + "' is not authorized to access this resource.",
            "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException,"
                + " Microsoft.TeamFoundation.Framework.Server"));
  }

  /**
   * Either the call, made by the token's user, with the token's granular scopes (empty for {@code
   * user_impersonation}), or the 401/203 answer.
   */
  private record Authenticated(ApiCall call, Optional<Set<String>> scopes, Response rejection) {}

  private Authenticated authenticateEntra(ApiCall call, String authorization) {
    Scope scope = call.scope();
    EntraDirectory directory = entra.directory();
    boolean organization = scope.kind() == Scope.Kind.ORGANIZATION;
    UUID resourceTenant =
        organization ? directory.organizationTenant(scope.collection()) : scope.user().tenantId();
    String authorizationUri = organization ? root + "/" + resourceTenant : root + "/login";
    // Git can't follow a sign-in page: its requests always get the 401 and its challenge.
    boolean always401 =
        GitHttpEndpoints.isGit(call.route())
            || authorization == null
                && call.project() == null
                && call.hasSegments(1)
                && call.route().get(0).equalsIgnoreCase("connectionData");
    String message = "TF400813: The user '' is not authorized to access this resource.";
    Optional<AccessGrant> grant =
        bearer(authorization)
            .or(() -> basicPassword(authorization))
            .flatMap(entra::accessToken)
            .filter(g -> g.audience().equals(EntraDirectory.AZURE_DEVOPS_RESOURCE));
    if (grant.isPresent()) {
      AccessGrant g = grant.get();
      SimulatedUser user = directory.azureDevOpsUser(g.user(), g.tenantId());
      boolean accepted =
          switch (scope.kind()) {
            case VSSPS -> true;
            // MSA-backed organizations refuse every Entra token (azure-devops-rest.md §3); wording
            // unverified.
            case ORGANIZATION ->
                !resourceTenant.equals(EntraDirectory.MSA_TENANT)
                    && g.tenantId().equals(resourceTenant);
            case SERVER_COLLECTION, SERVER_DEPLOYMENT -> false;
          };
      if (accepted) {
        return new Authenticated(
            call.withUser(user), g.granular() ? Optional.of(g.scopes()) : Optional.empty(), null);
      }
      // Wording of the message for a token of the wrong tenant unverified.
      message =
          "TF400813: The user '"
              + g.tenantId()
              + "\\"
              + g.user().userPrincipalName()
              + "' is not authorized to access this resource.";
    }
    return new Authenticated(
        null,
        Optional.empty(),
        AuthChallenge.unauthorized(
            call.request(), scope, resourceTenant, authorizationUri, message, always401));
  }

  private static Optional<String> bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(7).trim());
  }

  /**
   * The password of a Basic credential: Azure DevOps takes an Entra access token there too (Git
   * before 2.46 can only send Basic), with any user name.
   */
  private static Optional<String> basicPassword(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String pair =
          new String(
              java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
              java.nio.charset.StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = response.body();
    String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (body.length >= Gzip.MIN_BYTES
        && acceptEncoding != null
        && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip")) {
      body = Gzip.compress(body);
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
    }
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
