package io.adoconnect.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.AreaHandler;
import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Collection-level service hook subscriptions, {@code {base}/_apis/hooks/subscriptions[/{id}]}:
 * {@code POST} creates (webHooks/httpRequest only), {@code GET} lists (filters {@code publisherId},
 * {@code eventType}, {@code consumerId}, {@code consumerActionId}; no paging), {@code GET/DELETE
 * …/{id}} reads and deletes (204). Confidential consumer inputs come back as {@code ********}.
 */
public final class HookEndpoints implements AreaHandler {
  /** What Azure DevOps shows instead of a confidential input (spec list examples). */
  static final String MASK = "********";

  /** Event types of publisher {@code tfs} the simulator accepts (events.md). */
  static final Set<String> TFS_EVENT_TYPES =
      Set.of(
          "git.push",
          "git.pullrequest.created",
          "git.pullrequest.updated",
          "git.pullrequest.merged",
          "git.repo.created",
          "git.repo.deleted",
          "git.repo.renamed",
          "build.complete",
          "tfvc.checkin",
          "workitem.created",
          "workitem.updated",
          "workitem.deleted",
          "workitem.restored",
          "workitem.commented");

  private static final Set<String> CONFIDENTIAL = Set.of("basicAuthPassword");
  private static final String HOOKS_TYPES = "Microsoft.VisualStudio.Services.ServiceHooks.WebApi";

  private final HookSubscriptions subscriptions;

  public HookEndpoints(HookSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public Optional<Response> handle(ApiCall call) {
    Collection collection = call.scope().collection();
    List<String> route = call.route();
    if (collection == null
        || call.project() != null
        || route.size() < 2
        || route.size() > 3
        || !route.get(0).equalsIgnoreCase("hooks")
        || !route.get(1).equalsIgnoreCase("subscriptions")) {
      return Optional.empty();
    }
    String method = call.request().method();
    if (route.size() == 2) {
      return switch (method) {
        case "GET" -> Optional.of(list(call, collection));
        case "POST" -> Optional.of(create(call, collection));
        default -> Optional.empty();
      };
    }
    Optional<UUID> id = uuid(route.get(2));
    Optional<HookSubscription> found = id.flatMap(i -> subscriptions.find(collection.name(), i));
    return switch (method) {
      case "GET" ->
          Optional.of(found.map(s -> Json.ok(wire(s))).orElseGet(() -> notFound(route.get(2))));
      case "DELETE" ->
          Optional.of(
              found.isPresent() && subscriptions.remove(collection.name(), id.get())
                  ? new Response(204, Map.of(), new byte[0])
                  : notFound(route.get(2)));
      default -> Optional.empty();
    };
  }

  private Response list(ApiCall call, Collection collection) {
    List<ObjectNode> matching =
        subscriptions.of(collection.name()).stream()
            .filter(s -> matches(call, "publisherId", s.publisherId()))
            .filter(s -> matches(call, "eventType", s.eventType()))
            .filter(s -> matches(call, "consumerId", s.consumerId()))
            .filter(s -> matches(call, "consumerActionId", s.consumerActionId()))
            .map(HookEndpoints::wire)
            .toList();
    return Json.ok(Json.collection(matching));
  }

  private static boolean matches(ApiCall call, String parameter, String value) {
    return call.request()
        .queryParameter(parameter)
        .filter(wanted -> !wanted.isBlank())
        .map(wanted -> wanted.equalsIgnoreCase(value))
        .orElse(true);
  }

  private Response create(ApiCall call, Collection collection) {
    JsonNode body = call.jsonObjectBody().orElse(null);
    if (body == null) {
      // Wording unverified.
      return invalid("Value cannot be null.\r\nParameter name: subscription");
    }
    String publisherId = body.path("publisherId").asText("");
    String eventType = body.path("eventType").asText("");
    String consumerId = body.path("consumerId").asText("");
    String consumerActionId = body.path("consumerActionId").asText("");
    Map<String, String> publisherInputs = strings(body.path("publisherInputs"));
    Map<String, String> consumerInputs = strings(body.path("consumerInputs"));
    // Every wording below is unverified; the checks are the documented rules.
    if (!publisherId.equals("tfs")) {
      return invalid("The publisher '" + publisherId + "' does not exist.");
    }
    if (!TFS_EVENT_TYPES.contains(eventType)) {
      return invalid(
          "The event type '"
              + eventType
              + "' is not supported by publisher '"
              + publisherId
              + "'.");
    }
    if (!consumerId.equals("webHooks") || !consumerActionId.equals("httpRequest")) {
      return invalid(
          "The consumer action '"
              + consumerId
              + "/"
              + consumerActionId
              + "' is not supported (the simulator has webHooks/httpRequest only).");
    }
    String projectId = publisherInputs.get("projectId");
    if (projectId != null && collection.project(projectId).isEmpty()) {
      return invalid("The project '" + projectId + "' does not exist.");
    }
    if (!httpUrl(consumerInputs.get("url"))) {
      return invalid("The consumer input 'url' must be an absolute http or https URL.");
    }
    Map<String, String> inputs = new LinkedHashMap<>(publisherInputs);
    UUID id = UUID.randomUUID();
    inputs.put("hostId", collection.instanceId().toString());
    inputs.put("tfsSubscriptionId", UUID.nameUUIDFromBytes(id.toString().getBytes()).toString());
    HookSubscription subscription =
        new HookSubscription(
            id,
            collection.name(),
            call.scope().baseUrl(),
            publisherId,
            eventType,
            body.path("resourceVersion").asText("1.0"),
            consumerId,
            consumerActionId,
            inputs,
            consumerInputs,
            call.scope().user().id(),
            Instant.now(),
            "enabled");
    subscriptions.add(subscription);
    // The create answer masks the password as a read does (unverified for create).
    return Json.ok(wire(subscription));
  }

  /** The subscription as Azure DevOps returns it, confidential inputs masked. */
  static ObjectNode wire(HookSubscription s) {
    ObjectNode node = Json.object();
    node.put("id", s.id().toString());
    node.put("url", s.baseUrl() + "/_apis/hooks/subscriptions/" + s.id());
    node.put("status", s.status());
    node.put("publisherId", s.publisherId());
    node.put("eventType", s.eventType());
    node.put("resourceVersion", s.resourceVersion());
    node.put("eventDescription", describe(s));
    node.put("consumerId", s.consumerId());
    node.put("consumerActionId", s.consumerActionId());
    node.put("actionDescription", "To host " + URI.create(s.url()).getHost());
    node.putObject("createdBy").put("id", s.createdBy().toString());
    node.put("createdDate", Json.timestamp(s.createdDate()));
    node.putObject("modifiedBy").put("id", s.createdBy().toString());
    node.put("modifiedDate", Json.timestamp(s.createdDate()));
    ObjectNode publisher = node.putObject("publisherInputs");
    new java.util.TreeMap<>(s.publisherInputs()).forEach(publisher::put);
    ObjectNode consumer = node.putObject("consumerInputs");
    new java.util.TreeMap<>(s.consumerInputs())
        .forEach((k, v) -> consumer.put(k, CONFIDENTIAL.contains(k) ? MASK : v));
    return node;
  }

  private static String describe(HookSubscription s) {
    String repository = s.publisherInputs().get("repository");
    return repository == null ? "Any" : "Repository " + repository;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    if (object.isObject()) {
      object.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
    }
    return values;
  }

  private static boolean httpUrl(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // Azure DevOps requires HTTPS with basic auth and refuses loopback targets; the simulator
      // allows both so tests can receive on 127.0.0.1.
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Response invalid(String message) {
    return ErrorEnvelope.of(
        400, message, HOOKS_TYPES + ".SubscriptionInputException, " + HOOKS_TYPES);
  }

  private static Response notFound(String id) {
    // Wording and type unverified.
    return ErrorEnvelope.of(
        404,
        "The subscription with id '" + id + "' does not exist.",
        HOOKS_TYPES + ".SubscriptionNotFoundException, " + HOOKS_TYPES);
  }
}
