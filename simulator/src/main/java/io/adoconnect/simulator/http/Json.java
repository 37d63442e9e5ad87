package io.adoconnect.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.data.SimulatedUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** JSON building blocks in Azure DevOps' shapes. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  /** A new, empty object node (fields keep insertion order). */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The collection envelope {@code {"count": N, "value": [...]}}. */
  public static ObjectNode collection(Collection<? extends JsonNode> items) {
    ObjectNode envelope = object();
    envelope.put("count", items.size());
    ArrayNode value = envelope.putArray("value");
    value.addAll(items);
    return envelope;
  }

  /**
   * An IdentityRef as the areas show who did something ({@code createdBy}, {@code requestedFor},
   * …): id, display name and, when known, the unique name; an empty object for no one.
   */
  public static ObjectNode identityRef(SimulatedUser user) {
    ObjectNode node = object();
    if (user != null) {
      node.put("id", user.id().toString());
      node.put("displayName", user.displayName());
      if (user.emailAddress() != null) {
        node.put("uniqueName", user.emailAddress());
      }
    }
    return node;
  }

  /**
   * The whole IdentityRef Azure DevOps writes where the organization is known: as {@link
   * #identityRef(SimulatedUser)} plus {@code url}, {@code imageUrl}, the subject {@code descriptor}
   * ({@code aad.} and the base64 of the id) and {@code _links.avatar}.
   */
  public static ObjectNode identityRef(SimulatedUser user, Scope scope) {
    ObjectNode node = identityRef(user);
    return user == null ? node : withIdentityLinks(node, scope);
  }

  /**
   * {@code ref} (an IdentityRef with an {@code id}) with what the organization adds: {@code url},
   * {@code imageUrl}, the subject {@code descriptor} and {@code _links.avatar}.
   */
  public static ObjectNode withIdentityLinks(ObjectNode ref, Scope scope) {
    String id = ref.path("id").asText();
    String descriptor =
        "aad."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ref.put("url", scope.baseUrl() + "/_apis/Identities/" + id);
    ref.putObject("_links")
        .putObject("avatar")
        .put("href", scope.baseUrl() + "/_apis/GraphProfile/MemberAvatars/" + descriptor);
    ref.put("imageUrl", scope.baseUrl() + "/_api/_common/identityImage?id=" + id);
    ref.put("descriptor", descriptor);
    return ref;
  }

  /** Serializes a node to UTF-8 bytes. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree built in memory cannot fail to serialize", e);
    }
  }

  /** {@code 200 OK} with the node as body. */
  public static Response ok(JsonNode node) {
    return Response.json(200, bytes(node));
  }

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2024-03-11T09:15:22.303Z}. */
  public static String timestamp(Instant instant) {
    return UTC_MILLIS.format(instant);
  }
}
