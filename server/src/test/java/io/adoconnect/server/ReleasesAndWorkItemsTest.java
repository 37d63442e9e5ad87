package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The release and work item routes, against the simulator. */
class ReleasesAndWorkItemsTest extends ServerTestBase {

  @Override
  protected SimulatorConfig simulatorConfig() {
    return super.simulatorConfig().toBuilder().releaseStageSeconds(60).build();
  }

  private static void connect(Api api) {
    Api.Response r =
        api.post("/api/connections/pat")
            .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
            .send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private Repository repository() {
    return simulator.dataset().organization("org-001").orElseThrow().repositories().get(0);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String project() {
    return "/api/projects/org-001/" + encode(repository().project().name());
  }

  @Test
  void releasesAreCreatedByDefinitionNameListedAndReadStageByStage() {
    serve(
        (service, api) -> {
          connect(api);
          String base = project() + "/releases";
          JsonNode definitions = api.get(base + "/definitions").send().json();
          assertThat(definitions.get(0).path("environments")).hasSize(3);

          Api.Response created =
              api.post(base)
                  .json(
                      Map.of("definition", repository().name() + "-Release", "description", "api"))
                  .send();
          assertThat(created.status()).as(created.toString()).isEqualTo(201);
          int id = created.json().path("id").asInt();
          assertThat(created.json().path("environments").get(0).path("status").asText())
              .isEqualTo("inProgress");

          simulator.completeReleases();
          JsonNode release = api.get(base + "/" + id).send().json();
          release
              .path("environments")
              .forEach(e -> assertThat(e.path("status").asText()).isEqualTo("succeeded"));
          JsonNode list = api.get(base + "?top=1").send().json();
          assertThat(list).hasSize(1);
          assertThat(list.get(0).path("description").asText()).isEqualTo("api");

          Api.Response unknown = api.post(base).json(Map.of("definition", "nope")).send();
          assertThat(unknown.status()).isEqualTo(404);
          assertThat(unknown.json().path("message").asText())
              .contains("is named 'nope'; these exist: " + repository().name() + "-Release (id ");
          assertThat(unknown.json().path("hint").asText()).doesNotContain("ado-connect");
          assertThat(api.get(base + "/abc").send().code()).isEqualTo("invalid_input");

          String account = api.get("/api/accounts").send().json().get(0).path("id").asText();
          assertThat(api.get(base + "/definitions?account=" + account).send().status())
              .isEqualTo(200);
          Api.Response noSuchAccount = api.get(base + "/definitions?account=nosuchaccount").send();
          assertThat(noSuchAccount.status()).isEqualTo(404);
          assertThat(noSuchAccount.code()).isEqualTo("not_found_locally");
          assertThat(
                  api.get("/api/organizations/org-001/workitems/1?account=nosuchaccount")
                      .send()
                      .code())
              .isEqualTo("not_found_locally");
        });
  }

  @Test
  void workItemsAreQueriedCreatedUpdatedWithARevisionGuardAndCommented() {
    serve(
        (service, api) -> {
          connect(api);
          Api.Response query =
              api.post(project() + "/workitems/query")
                  .json(
                      Map.of(
                          "wiql",
                          "SELECT [System.Id], [System.Title] FROM WorkItems WHERE"
                              + " [System.TeamProject] = @project ORDER BY [System.Id] DESC",
                          "top",
                          2))
                  .send();
          assertThat(query.status()).as(query.toString()).isEqualTo(200);
          assertThat(query.json()).hasSize(2);
          assertThat(query.json().get(0).path("id").asInt())
              .isGreaterThan(query.json().get(1).path("id").asInt());

          Api.Response created =
              api.post(project() + "/workitems")
                  .json(
                      Map.of(
                          "type", "Task", "title", "Write docs", "fields", Map.of("Priority", "3")))
                  .send();
          assertThat(created.status()).as(created.toString()).isEqualTo(201);
          int id = created.json().path("id").asInt();
          String item = "/api/organizations/org-001/workitems/" + id;

          Api.Response updated =
              api.request("PATCH", item)
                  .json(Map.of("fields", Map.of("State", "Active"), "expectedRev", 1))
                  .send();
          assertThat(updated.json().path("rev").asInt()).isEqualTo(2);
          Api.Response stale =
              api.request("PATCH", item)
                  .json(Map.of("fields", Map.of("Title", "x"), "expectedRev", 1))
                  .send();
          assertThat(stale.status()).isEqualTo(409);
          assertThat(stale.code()).isEqualTo("conflict");
          assertThat(stale.json().path("message").asText()).contains("revision 2 now");
          assertThat(stale.json().path("action").path("type").asText())
              .isEqualTo("refresh_and_retry");
          assertThat(stale.json().path("action").path("parameters").path("current").asText())
              .isEqualTo("2");

          JsonNode read = api.get(item + "?fields=Title,State").send().json();
          assertThat(read.path("fields").path("System.Title").asText()).isEqualTo("Write docs");
          assertThat(read.path("fields").path("System.State").asText()).isEqualTo("Active");

          String comments = project() + "/workitems/" + id + "/comments";
          assertThat(api.post(comments).json(Map.of("text", "done soon")).send().status())
              .isEqualTo(201);
          assertThat(api.get(comments).send().json().get(0).path("text").asText())
              .isEqualTo("done soon");

          assertThat(api.get("/api/organizations/org-001/workitems/999999").send().status())
              .isEqualTo(404);
          Api.Response badField =
              api.request("PATCH", item).json(Map.of("fields", Map.of("Colour", "blue"))).send();
          assertThat(badField.code()).isEqualTo("invalid_input");
        });
  }
}
