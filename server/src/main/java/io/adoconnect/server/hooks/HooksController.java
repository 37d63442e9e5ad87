package io.adoconnect.server.hooks;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.EventView;
import io.adoconnect.connect.ProjectRef;
import io.adoconnect.connect.Receipt;
import io.adoconnect.connect.RepositoryRef;
import io.adoconnect.connect.SourceClones;
import io.adoconnect.server.JsonBodies;
import io.adoconnect.server.RequestCore;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.store.HookSubscriptionRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service hooks: the receiver {@code POST /api/hooks/{subscription}} (public; Azure DevOps sends
 * the subscription's Basic credential), {@code GET/POST /api/hooks/subscriptions} (POST takes
 * {@code ?account=} when several accounts reach the organization), {@code DELETE
 * /api/hooks/subscriptions/{id}} and {@code GET /api/events?since=&limit=}.
 *
 * <p>The receiver never answers 410: Azure DevOps disables a subscription whose consumer does. An
 * unknown subscription and a wrong credential get the same 401.
 */
public final class HooksController {
  private static final Logger log = LoggerFactory.getLogger(HooksController.class);
  private static final int DEFAULT_LIMIT = 100;

  private final RequestCore ado;
  private final Supplier<URI> publicUrl;
  private final Optional<SourceClones> clones;

  /** {@code clones}: where a trusted push to a source is fetched, in the background. */
  public HooksController(RequestCore ado, Supplier<URI> publicUrl, Optional<SourceClones> clones) {
    this.ado = ado;
    this.publicUrl = publicUrl;
    this.clones = clones;
  }

  /** The body of {@code POST /api/hooks/subscriptions}. */
  public record NewSubscription(
      String organization, String project, String repository, List<String> eventTypes) {}

  public void routes(RoutesConfig routes) {
    // Registered before the receiver, whose {subscription} would match "subscriptions" too.
    routes.get("/api/hooks/subscriptions", ctx -> ctx.json(ado.of(ctx).subscriptions()));
    routes.post("/api/hooks/subscriptions", this::subscribe);
    routes.delete("/api/hooks/subscriptions/{id}", this::unsubscribe);
    routes.post("/api/hooks/{subscription}", this::receive);
    routes.get("/api/events", this::events);
  }

  private void receive(Context ctx) {
    String subscription = ctx.pathParam("subscription");
    AdoConnect core = ado.of(ctx);
    Receipt receipt = core.receive(subscription, ctx.header("Authorization"), ctx.bodyAsBytes());
    switch (receipt.outcome()) {
      case STORED, DUPLICATE -> {
        if (receipt.outcome() == Receipt.Outcome.STORED) {
          clones.ifPresent(c -> c.pushed(core, receipt.event())); // queued: returns at once
        }
        log.debug(
            "hook {}: event {} {}",
            subscription,
            receipt.event().eventId(),
            receipt.outcome() == Receipt.Outcome.DUPLICATE
                ? "was a duplicate, dropped"
                : receipt.event().trusted() ? "stored, trusted" : "stored, untrusted");
        ctx.status(200).json(Map.of("eventId", receipt.event().eventId()));
      }
      case UNKNOWN_SUBSCRIPTION, BAD_CREDENTIAL -> {
        // One answer for both, so the receiver doesn't tell anyone which subscription ids exist.
        ctx.header("WWW-Authenticate", "Basic realm=\"ado-connect\"");
        throw new ApiException(
            401,
            "unauthorized",
            "No subscription here accepts this delivery with its credential.",
            "Azure DevOps sends the credential from the subscription's basic authentication"
                + " settings; if the subscription was removed from ado-connect, delete it in Azure"
                + " DevOps or subscribe again.");
      }
      case MALFORMED ->
          throw ApiException.badRequest(
              "malformed_event",
              "The body is not a service hook event (a JSON object with id and eventType).",
              "Only Azure DevOps service hook deliveries belong here.");
    }
  }

  private void subscribe(Context ctx) {
    NewSubscription body = JsonBodies.read(ctx, NewSubscription.class);
    ProjectRef project =
        new ProjectRef(
            JsonBodies.requiredName(body.organization(), "organization"),
            JsonBodies.requiredName(body.project(), "project"),
            ctx.queryParam("account"));
    List<String> types = body.eventTypes() == null ? List.of() : body.eventTypes();
    String receiver = publicUrl.get().toString();
    List<HookSubscriptionRecord> made =
        body.repository() == null || body.repository().isBlank()
            ? ado.of(ctx).subscribe(project, types, receiver)
            : ado.of(ctx)
                .subscribe(
                    new RepositoryRef(
                        project.organization(),
                        project.project(),
                        JsonBodies.requiredName(body.repository(), "repository"),
                        project.account()),
                    types,
                    receiver);
    ctx.status(201).json(made);
  }

  private void unsubscribe(Context ctx) {
    ado.of(ctx).unsubscribe(ctx.pathParam("id"));
    ctx.status(204);
  }

  private void events(Context ctx) {
    Optional<Instant> since =
        Optional.ofNullable(ctx.queryParam("since")).map(HooksController::instant);
    int limit =
        Optional.ofNullable(ctx.queryParam("limit"))
            .map(HooksController::limit)
            .orElse(DEFAULT_LIMIT);
    List<EventView> events = ado.of(ctx).events(since, limit);
    ctx.json(events);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "invalid_input",
          "'since' must be an ISO-8601 instant.",
          "E.g. since=2024-05-01T12:00:00Z; each event's receivedAt is one.");
    }
  }

  private static int limit(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_input", "'limit' must be a number.", "Use 1 to 1000 (default 100).");
    }
  }
}
