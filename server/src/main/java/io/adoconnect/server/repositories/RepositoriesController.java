package io.adoconnect.server.repositories;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.adoconnect.AdoConnectException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ListingFreshness;
import io.adoconnect.connect.ListingSummary;
import io.adoconnect.connect.RepositoryListing;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.discovery.OrganizationSink;
import io.adoconnect.http.Json;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiError;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.errors.ErrorMapping;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>A complete listing is kept in the store per account and organization asked for, and answered
 * from there (no request to Azure DevOps, the same lines, {@code done} with {@code keptFrom}) while
 * it is younger than {@link #MAX_AGE} and the accounts are the same; a trusted repository event
 * (created, deleted, renamed) of an organization forgets the listings that include it, and {@code
 * ?refresh=true} asks Azure DevOps. The answer made of a kept listing is itself kept in memory
 * ({@link ListingBodies}).
 */
public final class RepositoriesController {
  public static final String NDJSON = "application/x-ndjson";
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final Object FINISHED = new Object();

  /** One JSON value, not closing the stream it writes to. */
  private static final ObjectWriter LINE =
      JSON.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  /** How long a kept listing answers: the CLI's default, refreshed early by repository events. */
  static final ListingFreshness MAX_AGE = new ListingFreshness(ListingFreshness.DEFAULT_MAX_AGE);

  /** Answers made of kept listings held in memory, at most (about 8 MB per 20,000 repositories). */
  private static final long KEPT_BODIES_BYTES = 64L * 1024 * 1024;

  private final RequestCore ado;
  private final ExecutorService workers;
  private final ListingBodies bodies = new ListingBodies(KEPT_BODIES_BYTES);

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
    if (!"true".equalsIgnoreCase(ctx.queryParam("refresh"))) {
      ListingBodies.Body kept = kept(ado.of(ctx), account, organization);
      if (kept != null) {
        ctx.status(200).contentType(NDJSON + "; charset=utf-8");
        ctx.disableCompression();
        String accepted = ctx.header("Accept-Encoding");
        if (accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
          ctx.header("Content-Encoding", "gzip");
          ctx.header("Vary", "Accept-Encoding");
          ctx.outputStream().write(kept.gzipped());
        } else {
          ctx.outputStream().write(kept.bytes());
        }
        return;
      }
    }
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    Future<RepositoryListing> job =
        workers.submit(
            () -> {
              try {
                // Asks Azure DevOps, and keeps the listing for the next request.
                return ado.of(ctx)
                    .repositories(
                        account, organization, listener(events), ListingFreshness.REFRESH);
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

  /**
   * The whole answer made of the kept listing, if one is fresh: from memory when it was made of the
   * same version, else read from the store one organization at a time and kept.
   */
  private ListingBodies.Body kept(
      AdoConnect core, Optional<String> account, Optional<String> organization) throws IOException {
    Optional<String> version = core.keptListingVersion(account, organization, MAX_AGE);
    if (version.isEmpty()) {
      return null;
    }
    String key =
        core.owner()
            + "\n"
            + account.orElse("*")
            + "\n"
            + organization.map(o -> o.toLowerCase(Locale.ROOT)).orElse("*");
    ListingBodies.Body hit = bodies.get(key, version.get());
    if (hit != null) {
      return hit;
    }
    KeptAnswer answer = new KeptAnswer();
    ListingSummary summary =
        core.repositories(account, organization, DiscoveryListener.NONE, MAX_AGE, answer);
    ListingBodies.Body body =
        ListingBodies.Body.of(summary.keptVersion().orElse(""), answer.bytes(summary));
    if (summary.keptVersion().isPresent()) {
      bodies.put(key, body);
    }
    return body;
  }

  /** Collects a kept listing as the NDJSON lines a fresh one streams. */
  private static final class KeptAnswer implements OrganizationSink {
    private final List<String> organizations = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();
    private final ByteArrayOutputStream repositories = new ByteArrayOutputStream(1 << 16);

    @Override
    public void accept(String organization, List<DiscoveredRepository> found) {
      organizations.add(found.isEmpty() ? organization : found.get(0).organization());
      counts.add(found.size());
      try {
        for (DiscoveredRepository repo : found) {
          LINE.writeValue(repositories, repository(repo));
          repositories.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] bytes(ListingSummary summary) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream(repositories.size() + 4096);
      Map<String, Object> started = new LinkedHashMap<>();
      started.put("type", "started");
      started.put("organizations", organizations);
      writeLine(all, started);
      for (int i = 0; i < organizations.size(); i++) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "organization");
        e.put("organization", organizations.get(i));
        e.put("repositories", counts.get(i));
        e.put("done", i + 1);
        e.put("total", organizations.size());
        writeLine(all, e);
      }
      repositories.writeTo(all);
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("type", "done");
      done.put("repositories", summary.repositories());
      done.put(
          "failures", summary.failures().stream().map(RepositoriesController::failure).toList());
      summary.keptFrom().ifPresent(at -> done.put("keptFrom", at.toString()));
      writeLine(all, done);
      return all.toByteArray();
    }

    private static void writeLine(ByteArrayOutputStream out, Object value) throws IOException {
      LINE.writeValue(out, value);
      out.write('\n');
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
