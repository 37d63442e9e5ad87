package io.adoconnect.server.repositories;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.AdoConnectException;
import io.adoconnect.connect.RepositoryListing;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.http.Json;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiError;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.errors.ErrorMapping;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/repositories?account=&organization=} as NDJSON ({@code application/x-ndjson}),
 * streamed while discovery runs, one JSON object per line, each with a {@code type}:
 *
 * <pre>
 * {"type":"started","organizations":["org-001",…]}
 * {"type":"organization","organization":"org-001","repositories":1000,"done":1,"total":20}   one per organization, as each finishes
 * {"type":"organization_failed","organization":"…","error":{"code","message","hint"},"done":…,"total":…}
 * {"type":"repository","organization":…,"project":…,"name":…,"path":…,"id":…,"defaultBranch":…,"cloneUrl":…,"sshUrl":…,"webUrl":…,"size":…}
 * {"type":"done","repositories":20000,"failures":[{"organization","code","message","hint"}]}
 * </pre>
 *
 * Repository lines come sorted by organization/project/name once discovery has finished. A failure
 * before the first line (no account, unknown organization) is a normal JSON error with its status;
 * a failure after it is a last line {@code {"type":"error","code","message","hint"}} — so a
 * complete answer always ends with {@code done}.
 */
public final class RepositoriesController {
  public static final String NDJSON = "application/x-ndjson";
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Object FINISHED = new Object();

  private final RequestCore ado;
  private final ExecutorService workers;

  public RepositoriesController(RequestCore ado, ExecutorService workers) {
    this.ado = ado;
    this.workers = workers;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/repositories", this::list);
  }

  private void list(Context ctx) throws IOException, InterruptedException {
    Optional<String> account = param(ctx, "account");
    Optional<String> organization = param(ctx, "organization");
    if (account.isPresent()
        && ado.of(ctx).accounts().stream().noneMatch(a -> a.id().equals(account.get()))) {
      throw ApiException.notFound(
          "No connected account has that id.", "GET /api/accounts lists them.");
    }
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    Future<RepositoryListing> job =
        workers.submit(
            () -> {
              try {
                return ado.of(ctx).repositories(account, organization, listener(events));
              } finally {
                events.add(FINISHED);
              }
            });
    BufferedWriter out = null;
    try {
      while (true) {
        Object event = events.poll(30, TimeUnit.SECONDS);
        if (event == FINISHED) {
          break;
        }
        if (event == null) {
          continue;
        }
        if (out == null) {
          out = open(ctx);
        }
        line(out, event);
        out.flush();
      }
      RepositoryListing listing;
      try {
        listing = job.get();
      } catch (ExecutionException e) {
        if (out == null) {
          throw e.getCause() instanceof RuntimeException r
              ? r
              : new IllegalStateException(e.getCause());
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        ApiError mapped = ErrorMapping.map(e.getCause()).error();
        error.put("code", mapped.code());
        error.put("message", mapped.message());
        error.put("hint", mapped.hint());
        if (mapped.action() != null) {
          error.put("action", mapped.action());
        }
        line(out, error);
        out.flush();
        return;
      }
      if (out == null) {
        out = open(ctx);
      }
      for (DiscoveredRepository repo : listing.repositories()) {
        line(out, repository(repo));
      }
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("type", "done");
      done.put("repositories", listing.repositories().size());
      done.put(
          "failures", listing.failures().stream().map(RepositoriesController::failure).toList());
      line(out, done);
      out.flush();
    } finally {
      job.cancel(true);
    }
  }

  private static BufferedWriter open(Context ctx) throws IOException {
    ctx.status(200).contentType(NDJSON + "; charset=utf-8");
    ctx.disableCompression();
    return new BufferedWriter(
        new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
  }

  private static void line(BufferedWriter out, Object value) throws IOException {
    out.write(JSON.writeValueAsString(value));
    out.write('\n');
  }

  private static DiscoveryListener listener(BlockingQueue<Object> events) {
    return new DiscoveryListener() {
      @Override
      public void started(List<String> organizations) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "started");
        e.put("organizations", organizations);
        events.add(e);
      }

      @Override
      public void organizationDone(String organization, int repositories, int done, int total) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "organization");
        e.put("organization", organization);
        e.put("repositories", repositories);
        e.put("done", done);
        e.put("total", total);
        events.add(e);
      }

      @Override
      public void organizationFailed(
          String organization, AdoConnectException failure, int done, int total) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "organization_failed");
        e.put("organization", organization);
        e.put("error", ErrorMapping.map(failure).error());
        e.put("done", done);
        e.put("total", total);
        events.add(e);
      }
    };
  }

  private static Map<String, Object> repository(DiscoveredRepository r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "repository");
    m.put("organization", r.organization());
    m.put("project", r.project());
    m.put("name", r.name());
    m.put("path", r.path());
    m.put("id", r.id());
    m.put("defaultBranch", r.defaultBranch());
    m.put("cloneUrl", r.cloneUrl());
    m.put("sshUrl", r.sshUrl());
    m.put("webUrl", r.webUrl());
    m.put("size", r.size());
    m.put("organizationUrl", r.organizationUrl());
    m.put("account", r.account());
    return m;
  }

  private static Map<String, Object> failure(DiscoveryResult.Failure f) {
    ApiError error = ErrorMapping.map(f.error()).error();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("organization", f.organization());
    m.put("code", error.code());
    m.put("message", error.message());
    m.put("hint", error.hint());
    if (error.action() != null) {
      m.put("action", error.action());
    }
    return m;
  }

  private static Optional<String> param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.length() > 256) {
      throw ApiException.badRequest(
          "invalid_input", "The query parameter '" + name + "' is too long.", null);
    }
    return Optional.of(value.strip());
  }
}
