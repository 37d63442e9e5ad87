package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositoriesAndSourcesTest extends ServerTestBase {

  private static String connect(Api api, List<String> orgs) {
    Api.Response r =
        api.post("/api/connections/pat")
            .json(Map.of("organizations", orgs, "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  @Test
  void repositoriesStreamAsNdjsonWithProgressAndEndWithDone() {
    serve(
        (service, api) -> {
          connect(api, List.of("org-001", "org-002"));
          Api.Response r = api.get("/api/repositories").send();
          assertThat(r.status()).as(r.toString()).isEqualTo(200);
          assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
          List<JsonNode> lines = r.lines();
          assertThat(lines.get(0).path("type").asText()).isEqualTo("started");
          assertThat(lines.stream().filter(l -> l.path("type").asText().equals("organization")))
              .hasSize(2);
          List<JsonNode> repos =
              lines.stream().filter(l -> l.path("type").asText().equals("repository")).toList();
          int expected = 2 * simulator.config().projects() * simulator.config().repos();
          assertThat(repos.size()).isBetween(1, expected);
          assertThat(repos.get(0).fieldNames())
              .toIterable()
              .contains("organization", "project", "name", "path", "cloneUrl", "webUrl");
          JsonNode done = lines.get(lines.size() - 1);
          assertThat(done.path("type").asText()).isEqualTo("done");
          assertThat(done.path("repositories").asInt()).isEqualTo(repos.size());

          Api.Response one = api.get("/api/repositories?organization=org-002").send();
          assertThat(one.lines().stream().filter(l -> l.path("type").asText().equals("repository")))
              .allSatisfy(l -> assertThat(l.path("organization").asText()).isEqualTo("org-002"));
        });
  }

  @Test
  void failuresBeforeTheStreamAreOrdinaryErrors() {
    serve(
        (service, api) -> {
          Api.Response none = api.get("/api/repositories").send();
          assertThat(none.status()).isEqualTo(400);
          assertThat(none.code()).isEqualTo("invalid_input");
          connect(api, List.of("org-001"));
          Api.Response unknown = api.get("/api/repositories?organization=org-003").send();
          assertThat(unknown.status()).isEqualTo(404);
          assertThat(unknown.code()).isEqualTo("not_found_locally");
          assertThat(unknown.json().path("action").path("type").asText()).isEqualTo("connect");
          assertThat(unknown.json().path("action").path("parameters").path("organization").asText())
              .isEqualTo("org-003");
          assertThat(api.get("/api/repositories?account=nope").send().status()).isEqualTo(404);
        });
  }

  @Test
  void sourcesAreAddedListedAndRemoved() {
    serve(
        (service, api) -> {
          String account = connect(api, List.of("org-001"));
          JsonNode repo =
              api.get("/api/repositories").send().lines().stream()
                  .filter(l -> l.path("type").asText().equals("repository"))
                  .findFirst()
                  .orElseThrow();
          Map<String, String> body =
              Map.of(
                  "organization",
                  repo.path("organization").asText(),
                  "project",
                  repo.path("project").asText(),
                  "repository",
                  repo.path("name").asText());
          Api.Response added = api.post("/api/sources").json(body).send();
          assertThat(added.status()).as(added.toString()).isEqualTo(201);
          assertThat(added.json().path("accountId").asText()).isEqualTo(account);
          assertThat(added.json().path("status").asText()).isEqualTo("connected");
          String id = added.json().path("id").asText();
          JsonNode listed = api.get("/api/sources").send().json();
          assertThat(listed).hasSize(1);
          // The answer to POST has the shape GET lists: the path OpenAPI declares, lastChanged too.
          assertThat(ImmutableFields.names(added.json()))
              .containsExactlyInAnyOrderElementsOf(ImmutableFields.names(listed.get(0)));
          assertThat(added.json().path("path").asText())
              .isEqualTo(
                  body.get("organization")
                      + "/"
                      + body.get("project")
                      + "/"
                      + body.get("repository"));
          assertThat(added.json().has("lastChanged")).isTrue();

          Api.Response again = api.post("/api/sources").json(body).send();
          assertThat(again.status()).as("re-adding is not a new source").isEqualTo(200);
          assertThat(again.json().path("id").asText()).isEqualTo(id);
          assertThat(api.get("/api/sources").send().json()).hasSize(1);

          Api.Response missing =
              api.post("/api/sources")
                  .json(Map.of("organization", "org-001", "project", "Nope", "repository", "nope"))
                  .send();
          assertThat(missing.status()).as(missing.toString()).isIn(404);
          assertThat(
                  api.post("/api/sources")
                      .json(Map.of("organization", "org-001", "project", "a/b", "repository", "x"))
                      .send()
                      .status())
              .isEqualTo(400);
          assertThat(
                  api.post("/api/sources").json(Map.of("organization", "org-001")).send().status())
              .isEqualTo(400);

          assertThat(api.delete("/api/sources/nope").send().status()).isEqualTo(404);
          assertThat(api.delete("/api/sources/" + id).send().status()).isEqualTo(204);
          assertThat(api.get("/api/sources").send().json()).isEmpty();
        });
  }

  /** Field names of a JSON object. */
  private static final class ImmutableFields {
    static java.util.List<String> names(JsonNode node) {
      java.util.List<String> names = new java.util.ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names;
    }
  }
}
