package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.data.SimulatedUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's official Node client drives refs, items, commit statuses and pull requests (create,
 * list, get by id, threads, replies, PR statuses, abandon) through {@code
 * src/test/node/pull-requests.js}; the simulator must satisfy it on Services and on Server 2020.
 */
class OfficialNodeGitTest {

  // Node's PullRequestStatus and GitStatusState numbers.
  private static final int ACTIVE = 1;
  private static final int ABANDONED = 2;
  private static final int SUCCEEDED = 2;

  private static Simulator simulator;

  @BeforeAll
  static void start() {
    simulator = NodeScript.startSimulator(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    NodeScript.stop(simulator);
  }

  @Test
  void drivesPullRequestsOnAServicesOrganization() throws Exception {
    Collection org = simulator.dataset().organizations().get(0);
    Repository repo = withContent(org);

    JsonNode result = run(simulator.baseUri() + "/" + org.name(), repo);

    assertPullRequestFlow(result, repo);
    assertThat(prStatusVersions("/" + org.name() + "/")).containsOnly("7.2-preview.2");
  }

  @Test
  void drivesPullRequestsOnTheServerCollection() throws Exception {
    Repository repo = withContent(simulator.dataset().serverCollection());

    JsonNode result = run(simulator.baseUri() + "/tfs/DefaultCollection", repo);

    assertPullRequestFlow(result, repo);
    // Server 2020 serves PR statuses only in preview; the locations told the client so.
    assertThat(prStatusVersions("/tfs/DefaultCollection/")).containsOnly("6.0-preview.1");
  }

  private static void assertPullRequestFlow(JsonNode result, Repository repo) {
    SimulatedUser reviewer = simulator.people().all().get(1);
    assertThat(names(result.get("refs"), "name"))
        .contains(repo.defaultBranch(), "refs/heads/feature/search");
    assertThat(result.get("readme").asText()).contains(repo.name());
    assertThat(result.get("commitStatuses").get(0).get("state").asInt()).isEqualTo(SUCCEEDED);

    JsonNode created = result.get("created");
    assertThat(created.get("status").asInt()).isEqualTo(ACTIVE);
    assertThat(created.get("source").asText()).isEqualTo("refs/heads/feature/search");
    assertThat(created.get("createdBy").asText())
        .isEqualTo(simulator.dataset().user().id().toString());
    assertThat(created.get("reviewers").get(0).asText()).isEqualTo(reviewer.id().toString());
    assertThat(created.get("creationDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    int id = created.get("id").asInt();
    assertThat(result.get("listed").get(0).asInt()).isEqualTo(id);
    assertThat(result.get("byId").get("repository").asText()).isEqualTo(repo.id().toString());

    assertThat(result.get("thread").get("comments").asInt()).isEqualTo(1);
    assertThat(result.get("reply").get("parentCommentId").asInt()).isEqualTo(1);
    assertThat(result.get("threads").get(0).toString()).isEqualTo("[\"Looks good\",\"Thanks\"]");
    assertThat(result.get("prStatuses").get(0).get("context").asText()).isEqualTo("node-check");
    assertThat(result.get("abandoned").get("status").asInt()).isEqualTo(ABANDONED);
    assertThat(result.get("abandoned").get("closedDate").asText()).isNotEmpty();
    assertThat(result.get("activeAfter")).isEmpty();
  }

  private static Repository withContent(Collection collection) {
    return collection.repositories().stream()
        .filter(Repository::cloneable)
        .filter(r -> r.defaultBranch() != null)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.get(field).asText()));
    return names;
  }

  /** The api-versions of the PR status calls under {@code prefix}. */
  private static List<String> prStatusVersions(String prefix) {
    return simulator.requests().stream()
        .filter(
            r -> r.path().startsWith(prefix) && r.path().matches(".*/pullRequests/\\d+/statuses"))
        .map(r -> r.apiVersion().orElse("<none>"))
        .toList();
  }

  private static JsonNode run(String baseUrl, Repository repo) throws Exception {
    return NodeScript.run(
        "pull-requests.js",
        baseUrl,
        simulator.config().pat(),
        repo.project().name(),
        repo.id().toString(),
        "refs/heads/feature/search",
        repo.defaultBranch(),
        simulator.people().all().get(1).id().toString());
  }
}
