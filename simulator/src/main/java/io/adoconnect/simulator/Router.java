package io.adoconnect.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.adoconnect.simulator.auth.AuthChallenge;
import io.adoconnect.simulator.auth.CredentialStore;
import io.adoconnect.simulator.faults.FaultPlan;
import io.adoconnect.simulator.faults.RateLimiter;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import io.adoconnect.simulator.versioning.VersionPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every request goes through the same pipeline: record → latency → armed hang → armed failure →
 * resolve scope → authenticate → rate limit → check api-version → area handler.
 */
final class Router implements HttpHandler {

    private final SimulatorConfig config;
    private final RequestLog log;
    private final FaultPlan faults;
    private final CredentialStore credentials;
    private final RateLimiter rateLimiter;
    private final ScopeResolver resolver;
    private final List<AreaHandler> areas;

    Router(SimulatorConfig config, RequestLog log, FaultPlan faults, CredentialStore credentials,
           ScopeResolver resolver, List<AreaHandler> areas) {
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
            Request request = Request.parse(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
            log.record(request);
            Response response;
            try {
                response = answer(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                response = ErrorEnvelope.of(500, "Simulator error: " + e, "System.Exception, mscorlib");
            }
            write(exchange, response);
        }
    }

    private Response answer(Request request) throws InterruptedException {
        sleep(Duration.ofMillis(config.latencyMs()));
        Optional<Duration> hang = faults.takeHang(request.decodedPath());
        if (hang.isPresent()) {
            sleep(hang.get());
        }
        Optional<Response> failure = faults.takeFailure(request.decodedPath());
        if (failure.isPresent()) {
            return failure.get();
        }
        ScopeResolver.Resolution resolution = resolver.resolve(request);
        if (resolution.failure() != null) {
            return resolution.failure();
        }
        ApiCall call = resolution.call();
        String authorization = request.header("Authorization").orElse(null);
        if (!credentials.accepts(authorization)) {
            return AuthChallenge.unauthorized(request, call.scope());
        }
        Optional<Response> blocked = rateLimiter.admit(authorization);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        if (!request.method().equals("OPTIONS")) {
            Optional<Response> rejected = VersionPolicy.reject(request.apiVersion(), call.scope().deployment());
            if (rejected.isPresent()) {
                return rejected.get();
            }
        }
        return areas.stream()
                .map(area -> area.handle(call))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> ScopeResolver.routeNotFound(request));
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
