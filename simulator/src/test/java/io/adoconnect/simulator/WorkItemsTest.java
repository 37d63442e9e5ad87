package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.http.PathCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WIQL, reads by id and in batches, JSON Patch creates and updates, comments. */
class WorkItemsTest {
  private static final String V = "api-version=7.1";
  private static Simulator simulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorConfig.defaults());
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static Project project(String org, int index) {
    return simulator.dataset().organization(org).orElseThrow().projects().get(index);
  }

  private static String at(String org, Project project) {
    return "/" + org + "/" + PathCodec.encodeSegment(project.name());
  }

  private static HttpResponse<String> send(
      String method, String pathAndQuery, String contentType, String body) {
    return TestClient.send(
        client
            .request(pathAndQuery)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> wiql(String path, String query) {
    return send(
        "POST",
        path + "/_apis/wit/wiql?" + V,
        "application/json",
        "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}");
  }

  private static List<Integer> ids(JsonNode result) {
    List<Integer> ids = new ArrayList<>();
    result.get("workItems").forEach(w -> ids.add(w.get("id").asInt()));
    return ids;
  }

  @Test
  void wiqlFiltersByProjectTypeStateAndTitleAndKeepsItsOrder() {
    Project project = project("org-001", 1);
    HttpResponse<String> response =
        wiql(
            at("org-001", project),
            "SELECT [System.Id], [System.Title] FROM WorkItems WHERE [System.TeamProject] = @project"
                + " AND [System.WorkItemType] = 'Bug' AND [System.State] <> 'Closed' ORDER BY"
                + " [System.Id] DESC");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = TestClient.json(response);
    // Project 1 holds ids 7..12; its Bugs are the 1st (Active) and 4th (Closed) seeded items.
    assertThat(ids(result)).containsExactly(7);
    assertThat(result.get("columns").get(1).get("name").asText()).isEqualTo("Title");
    assertThat(result.get("workItems").get(0).get("url").asText())
        .isEqualTo(simulator.baseUri() + "/org-001/_apis/wit/workItems/7");

    JsonNode contains =
        TestClient.json(
            wiql(
                at("org-001", project),
                "select [System.Id] from workitems where [System.TeamProject] = @project and"
                    + " [Title] contains 'upload' or [System.Id] = 1 order by [System.Id] desc"));
    assertThat(ids(contains)).containsExactly(10, 1);
  }

  @Test
  void theFixtureQueryRunsAndTopCutsTheResult() {
    String fixture =
        "Select [System.Id], [System.Title], [System.State] From WorkItems Where"
            + " [System.WorkItemType] = 'Task' AND [State] <> 'Closed' AND [State] <> 'Removed'"
            + " order by [Microsoft.VSTS.Common.Priority] asc, [System.CreatedDate] desc";
    HttpResponse<String> all = wiql("/org-002", fixture);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(ids(TestClient.json(all))).hasSizeGreaterThan(2);
    JsonNode sort = TestClient.json(all).get("sortColumns");
    assertThat(sort.get(1).get("descending").asBoolean()).isTrue();

    HttpResponse<String> top =
        send(
            "POST",
            "/org-002/_apis/wit/wiql?$top=2&" + V,
            "application/json",
            "{\"query\":\"" + fixture + "\"}");
    assertThat(ids(TestClient.json(top))).hasSize(2);
  }

  @Test
  void unsupportedWiqlAndUnknownFieldsAre400() {
    HttpResponse<String> links = wiql("/org-001", "SELECT [System.Id] FROM WorkItemLinks");
    assertThat(links.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(links).get("message").asText()).contains("WorkItemLinks");
    HttpResponse<String> field =
        wiql("/org-001", "SELECT [System.Id] FROM WorkItems WHERE [Flavour] = 'x'");
    assertThat(TestClient.json(field).get("message").asText()).startsWith("TF51005");
  }

  @Test
  void moreThanTwentyThousandResultsNeedTop() {
    Project project = project("org-003", 0);
    simulator.addWorkItems("org-003", project.name(), 20_000);
    String query = "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project";
    HttpResponse<String> tooMany = wiql(at("org-003", project), query);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(TestClient.json(tooMany).get("message").asText()).startsWith("VS402337");
    HttpResponse<String> limited =
        send(
            "POST",
            at("org-003", project) + "/_apis/wit/wiql?$top=5&" + V,
            "application/json",
            "{\"query\":\"" + query + "\"}");
    assertThat(ids(TestClient.json(limited))).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void readsByIdsInTheOrderAskedWithTheFieldsAsked() {
    JsonNode list =
        TestClient.json(
            client.get("/org-001/_apis/wit/workitems?ids=3,1&fields=System.Id,System.Title&" + V));
    assertThat(list.get("value").get(0).get("id").asInt()).isEqualTo(3);
    assertThat(list.get("value").get(1).get("fields").get("System.Id").asInt()).isEqualTo(1);
    assertThat(list.get("value").get(1).get("fields").has("System.State")).isFalse();

    HttpResponse<String> batch =
        send(
            "POST",
            "/org-001/_apis/wit/workitemsbatch?" + V,
            "application/json",
            "{\"ids\":[2,99999],\"fields\":[\"System.Title\"],\"errorPolicy\":\"omit\"}");
    JsonNode value = TestClient.json(batch).get("value");
    assertThat(value.get(0).get("fields").get("System.Title").isTextual()).isTrue();
    assertThat(value.get(1).isNull()).isTrue();

    String tooMany =
        IntStream.rangeClosed(1, 201).mapToObj(Integer::toString).collect(Collectors.joining(","));
    assertThat(
            send(
                    "POST",
                    "/org-001/_apis/wit/workitemsbatch?" + V,
                    "application/json",
                    "{\"ids\":[" + tooMany + "]}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aMissingWorkItemIsTf401232() {
    HttpResponse<String> missing = client.get("/org-001/_apis/wit/workitems/424242?" + V);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(TestClient.json(missing).get("message").asText())
        .isEqualTo(
            "TF401232: Work item 424242 does not exist, or you do not have permissions to read it.");
  }

  @Test
  void createAndUpdateWithJsonPatchCountRevisions() {
    Project project = project("org-002", 2);
    String path = at("org-002", project);
    HttpResponse<String> created =
        send(
            "POST",
            path + "/_apis/wit/workitems/$Bug?" + V,
            "application/json-patch+json",
            "[{\"op\":\"add\",\"path\":\"/fields/System.Title\",\"value\":\"Flaky login\"}]");
    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode item = TestClient.json(created);
    int id = item.get("id").asInt();
    assertThat(item.get("rev").asInt()).isEqualTo(1);
    assertThat(item.get("fields").get("System.State").asText()).isEqualTo("New");
    assertThat(item.get("fields").get("System.TeamProject").asText()).isEqualTo(project.name());

    HttpResponse<String> updated =
        send(
            "PATCH",
            "/org-002/_apis/wit/workitems/" + id + "?" + V,
            "application/json-patch+json",
            "[{\"op\":\"test\",\"path\":\"/rev\",\"value\":1},"
                + "{\"op\":\"replace\",\"path\":\"/fields/System.State\",\"value\":\"Active\"}]");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(TestClient.json(updated).get("rev").asInt()).isEqualTo(2);
    assertThat(TestClient.json(updated).get("fields").get("System.Rev").asInt()).isEqualTo(2);

    HttpResponse<String> stale =
        send(
            "PATCH",
            "/org-002/_apis/wit/workitems/" + id + "?" + V,
            "application/json-patch+json",
            "[{\"op\":\"test\",\"path\":\"/rev\",\"value\":1},"
                + "{\"op\":\"replace\",\"path\":\"/fields/System.Title\",\"value\":\"x\"}]");
    assertThat(stale.statusCode()).isEqualTo(412);
    HttpResponse<String> failedTest =
        send(
            "PATCH",
            "/org-002/_apis/wit/workitems/" + id + "?" + V,
            "application/json-patch+json",
            "[{\"op\":\"test\",\"path\":\"/fields/System.Title\",\"value\":\"other\"},"
                + "{\"op\":\"remove\",\"path\":\"/fields/Microsoft.VSTS.Common.Priority\"}]");
    assertThat(failedTest.statusCode()).isEqualTo(400);
    JsonNode after = TestClient.json(client.get("/org-002/_apis/wit/workitems/" + id + "?" + V));
    assertThat(after.get("rev").asInt()).isEqualTo(2);
    assertThat(after.get("fields").get("System.Title").asText()).isEqualTo("Flaky login");
    assertThat(after.get("fields").has("Microsoft.VSTS.Common.Priority")).isTrue();
  }

  @Test
  void writesNeedJsonPatchAKnownTypeAndATitle() {
    Project project = project("org-002", 0);
    String path = at("org-002", project);
    String patch = "[{\"op\":\"add\",\"path\":\"/fields/System.Title\",\"value\":\"t\"}]";
    HttpResponse<String> plainJson =
        send("POST", path + "/_apis/wit/workitems/$Task?" + V, "application/json", patch);
    assertThat(plainJson.statusCode()).isEqualTo(415);
    assertThat(TestClient.json(plainJson).get("message").asText())
        .contains("application/json-patch+json");
    HttpResponse<String> unknownType =
        send(
            "POST",
            path + "/_apis/wit/workitems/$Spaceship?" + V,
            "application/json-patch+json",
            patch);
    assertThat(unknownType.statusCode()).isEqualTo(404);
    assertThat(TestClient.json(unknownType).get("message").asText()).startsWith("VS402323");
    HttpResponse<String> noTitle =
        send(
            "POST",
            path + "/_apis/wit/workitems/$Task?" + V,
            "application/json-patch+json",
            "[{\"op\":\"add\",\"path\":\"/fields/System.Description\",\"value\":\"d\"}]");
    assertThat(TestClient.json(noTitle).get("message").asText()).startsWith("TF401320");
  }

  @Test
  void commentsAreAddedAndListedNewestFirst() {
    Project project = project("org-001", 2);
    String comments =
        at("org-001", project) + "/_apis/wit/workItems/13/comments?api-version=7.1-preview.4";
    assertThat(send("POST", comments, "application/json", "{\"text\":\"first\"}").statusCode())
        .isEqualTo(200);
    send("POST", comments, "application/json", "{\"text\":\"second\"}");
    JsonNode list = TestClient.json(client.get(comments));
    assertThat(list.get("totalCount").asInt()).isEqualTo(2);
    assertThat(list.get("comments").get(0).get("text").asText()).isEqualTo("second");
    JsonNode item = TestClient.json(client.get("/org-001/_apis/wit/workitems/13?" + V));
    assertThat(item.get("fields").get("System.CommentCount").asInt()).isEqualTo(2);
    assertThat(item.get("rev").asInt()).isEqualTo(3);
  }
}
