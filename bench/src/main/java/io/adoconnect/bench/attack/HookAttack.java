package io.adoconnect.bench.attack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The service hook receiver is public: only the subscription's Basic credential stands between
 * anyone who can reach it and the event store. A well-formed push is sent to a real subscription
 * and to one that does not exist with every credential but the right one — none, wrong, empty,
 * oversized, the API token as password or as Bearer, broken Base64. Each must be a 401 (the unknown
 * subscription too, so ids can't be probed) and no event may be stored.
 */
final class HookAttack {
  private HookAttack() {}

  static String basic(String user, String password) {
    return "Authorization: Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static void run(Service service, Tally tally, int rounds) throws Exception {
    Tally.Row row = tally.row("hook receiver credentials");
    String subscription = subscribe(service);
    if (subscription == null) {
      row.notes.add("no subscription could be made; only an unknown subscription was attacked");
    }
    String push =
        Service.JSON.writeValueAsString(
            Map.of(
                "id", "attack-event",
                "eventType", "git.push",
                "resource",
                    Map.of(
                        "refUpdates",
                        List.of(
                            Map.of(
                                "name", "refs/heads/main",
                                "oldObjectId", "0".repeat(40),
                                "newObjectId", "a".repeat(40))),
                        "repository",
                        Map.of("id", "r", "project", Map.of("id", "p")))));
    List<String> credentials = new ArrayList<>();
    credentials.add(null);
    credentials.add(basic("ado-connect", "x".repeat(43)));
    credentials.add(basic("ado-connect", ""));
    credentials.add(basic("", ""));
    credentials.add(basic("ado-connect", service.token));
    credentials.add(basic("admin", "admin"));
    credentials.add(basic("ado-connect", "y".repeat(8 * 1024)));
    credentials.add("Authorization: Bearer " + service.token);
    credentials.add("Authorization: Basic !!!not-base64!!!");
    credentials.add("Authorization: Basic ");
    credentials.add("Authorization: Digest username=\"ado-connect\"");
    credentials.add(
        "Authorization: Basic "
            + Base64.getEncoder().encodeToString("ado-connect".getBytes(StandardCharsets.UTF_8)));
    List<String> ids = new ArrayList<>();
    ids.add("doesnotexist");
    if (subscription != null) {
      ids.add(subscription);
    }
    row.notes.add(ids.size() + " subscriptions x " + credentials.size() + " credentials");
    int before = events(service);
    for (int round = 0; round < rounds; round++) {
      for (String id : ids) {
        for (String credential : credentials) {
          Http.Answer a =
              credential == null
                  ? service.http.json("POST", "/api/hooks/" + id, push)
                  : service.http.json("POST", "/api/hooks/" + id, push, credential);
          // 431: Jetty refuses the oversized header before anyone reads it (in the JSON shape).
          // An unknown subscription is a 401 too: a 404 would tell which ids exist.
          boolean refused = a.status() == 401 || a.status() == 431;
          row.attempt(
              refused,
              "subscription "
                  + id
                  + " with "
                  + (credential == null
                      ? "none"
                      : credential.substring(0, Math.min(40, credential.length())))
                  + " -> "
                  + a.status());
        }
      }
    }
    row.attempt(events(service) == before, "an event was stored");
  }

  private static int events(Service service) throws Exception {
    Http.Answer a = service.http.send("GET", "/api/events", null, null, service.bearer());
    return Service.JSON.readTree(a.body()).size();
  }

  /** Connects the canary PAT and subscribes the service to its first repository; the id or null. */
  static String subscribe(Service service) throws Exception {
    Http.Answer connected =
        service.http.json(
            "POST",
            "/api/connections/pat",
            Service.JSON.writeValueAsString(
                Map.of("organization", "org-001", "pat", Target.CANARY_PAT)),
            service.bearer());
    if (connected.status() != 201 && connected.status() != 200) {
      return null;
    }
    Http.Answer repos =
        service.http.send(
            "GET", "/api/repositories?organization=org-001", null, null, service.bearer());
    JsonNode repo = null;
    for (String line : repos.body().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = Service.JSON.readTree(line);
      if (node.path("type").asText().equals("repository")) {
        repo = node;
        break;
      }
    }
    if (repo == null) {
      return null;
    }
    Http.Answer subscribed =
        service.http.json(
            "POST",
            "/api/hooks/subscriptions",
            Service.JSON.writeValueAsString(
                Map.of(
                    "organization", repo.path("organization").asText(),
                    "project", repo.path("project").asText(),
                    "repository", repo.path("name").asText())),
            service.bearer());
    if (subscribed.status() != 201 && subscribed.status() != 200) {
      return null;
    }
    JsonNode body = Service.JSON.readTree(subscribed.body());
    JsonNode first = body.isArray() ? body.path(0) : body;
    return first.path("id").asText(null);
  }
}
