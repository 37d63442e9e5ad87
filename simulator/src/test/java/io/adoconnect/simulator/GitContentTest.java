package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.http.PathCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refs, items and commit statuses on the Services and the Server layout. */
class GitContentTest {
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

  private static Repository withContent(Collection collection) {
    return collection.repositories().stream()
        .filter(Repository::cloneable)
        .filter(r -> r.defaultBranch() != null)
        .findFirst()
        .orElseThrow();
  }

  private static String repoBase(String collectionPath, Repository repo) {
    return collectionPath
        + "/"
        + PathCodec.encodeSegment(repo.project().name())
        + "/_apis/git/repositories/"
        + PathCodec.encodeSegment(repo.name());
  }

  @Test
  void refsArePagedWithTopAndContinuationTokens() {
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    Repository repo = withContent(org);
    String refs = repoBase("/org-001", repo) + "/refs?filter=heads/&api-version=7.1";

    HttpResponse<String> all = client.get(refs);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(TestClient.json(all).get("count").asInt()).isEqualTo(3);
    assertThat(all.headers().firstValue("x-ms-continuationtoken")).isEmpty();

    List<String> paged = new ArrayList<>();
    String token = null;
    do {
      HttpResponse<String> page =
          client.get(refs + "&$top=2" + (token == null ? "" : "&continuationToken=" + token));
      TestClient.json(page).get("value").forEach(r -> paged.add(r.get("name").asText()));
      token = page.headers().firstValue("x-ms-continuationtoken").orElse(null);
    } while (token != null);
    List<String> names = new ArrayList<>();
    TestClient.json(all).get("value").forEach(r -> names.add(r.get("name").asText()));
    assertThat(paged).isEqualTo(names).contains(repo.defaultBranch());
    assertThat(names).isSorted();

    JsonNode features =
        TestClient.json(
            client.get(repoBase("/org-001", repo) + "/refs?filter=heads/feature/&api-version=7.1"));
    assertThat(features.get("count").asInt()).isEqualTo(2);
  }

  @Test
  void serverLayoutServesItemsAndHonoursItsApiVersions() {
    Repository repo = withContent(simulator.dataset().serverCollection());
    String items = repoBase("/tfs/DefaultCollection", repo) + "/items?path=README.md";

    HttpResponse<String> raw =
        TestClient.send(
            client
                .request(items + "&api-version=6.0")
                .setHeader("Accept", "application/octet-stream")
                .GET()
                .build());
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).contains("application/octet-stream");
    assertThat(raw.body()).contains(repo.name());

    JsonNode item = TestClient.json(client.get(items + "&api-version=6.0"));
    assertThat(item.get("gitObjectType").asText()).isEqualTo("blob");
    assertThat(item.get("path").asText()).isEqualTo("/README.md");
    assertThat(item.get("commitId").asText()).matches("[0-9a-f]{40}");

    assertThat(client.get(items + "&api-version=7.1").statusCode()).isEqualTo(400);
  }

  @Test
  void aMissingItemIsA404InTheErrorEnvelope() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow());
    HttpResponse<String> missing =
        client.get(
            repoBase("/org-001", repo)
                + "/items?path=nope.txt&versionDescriptor.version=feature/search"
                + "&versionDescriptor.versionType=branch&api-version=7.1");
    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode error = TestClient.json(missing);
    assertThat(error.get("message").asText()).startsWith("TF401174").contains("nope.txt");
    assertThat(error.get("typeKey").asText()).isEqualTo("GitItemNotFoundException");
    assertThat(error.get("$id").asText()).isEqualTo("1");

    assertThat(
            client
                .get(
                    repoBase("/org-001", repo).replaceAll("/[^/]+$", "/nope")
                        + "/refs?api-version=7.1")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void statusesAreStoredAndListedNewestFirst() {
    Repository repo = withContent(simulator.dataset().organization("org-001").orElseThrow());
    JsonNode refs =
        TestClient.json(client.get(repoBase("/org-001", repo) + "/refs?api-version=7.1"));
    String commit = refs.get("value").get(0).get("objectId").asText();
    String statuses =
        repoBase("/org-001", repo) + "/commits/" + commit + "/statuses?api-version=7.1";

    for (String state : List.of("pending", "succeeded")) {
      HttpResponse<String> created =
          TestClient.send(
              client
                  .request(statuses)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"state\":\""
                              + state
                              + "\",\"description\":\"d\",\"context\":{\"name\":\"ci\",\"genre\":\"g\"}}"))
                  .build());
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(TestClient.json(created).get("state").asText()).isEqualTo(state);
    }
    JsonNode listed = TestClient.json(client.get(statuses));
    assertThat(listed.get("count").asInt()).isEqualTo(2);
    assertThat(listed.get("value").get(0).get("state").asText()).isEqualTo("succeeded");
    assertThat(listed.get("value").get(1).get("state").asText()).isEqualTo("pending");

    HttpResponse<String> bad =
        TestClient.send(
            client
                .request(statuses)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"state\":\"done\",\"context\":{\"name\":\"ci\"}}"))
                .build());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(
            client
                .get(
                    repoBase("/org-001", repo)
                        + "/commits/"
                        + "0".repeat(40)
                        + "/statuses?api-version=7.1")
                .statusCode())
        .isEqualTo(404);
  }
}
