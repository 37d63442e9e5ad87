package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Dataset;
import io.adoconnect.simulator.data.Repository;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.git.GitContent;
import io.adoconnect.simulator.git.Pushes;
import io.adoconnect.simulator.http.ApiCall;
import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Scope;
import io.adoconnect.simulator.identities.People;
import io.adoconnect.simulator.pullrequests.PullRequestEndpoints;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating and updating a pull request raise the service-hook events subscribers rely on. */
class PullRequestEventsTest {
  private record Event(String type, String projectId, JsonNode resource) {}

  @Test
  void createAndUpdatePublishThePullRequestAsResource() {
    Dataset dataset = Dataset.generate(1, 2, 2, 42);
    Collection org = dataset.organizations().get(0);
    Repository repo =
        org.repositories().stream()
            .filter(r -> r.cloneable() && r.defaultBranch() != null)
            .findFirst()
            .orElseThrow();
    List<Event> events = new ArrayList<>();
    ServiceEvents sink =
        (type, collection, project, resource) -> events.add(new Event(type, project, resource));
    PullRequestEndpoints endpoints =
        new PullRequestEndpoints(
            sink,
            new Pushes(sink, Clock.systemUTC(), new GitContent()),
            new People(List.of(dataset.user())),
            Clock.systemUTC());
    Scope scope =
        new Scope(
            Scope.Kind.ORGANIZATION,
            URI.create("http://127.0.0.1:1"),
            "/" + org.name(),
            org,
            dataset.user());

    endpoints.handle(
        call(
            scope,
            "POST",
            List.of("git", "repositories", repo.id().toString(), "pullrequests"),
            "{\"sourceRefName\":\"refs/heads/feature/search\",\"targetRefName\":\""
                + repo.defaultBranch()
                + "\",\"title\":\"Search\"}"));
    endpoints.handle(
        call(
            scope,
            "PATCH",
            List.of("git", "repositories", repo.id().toString(), "pullrequests", "1"),
            "{\"title\":\"Search, faster\"}"));

    assertThat(events)
        .extracting(Event::type)
        .containsExactly("git.pullrequest.created", "git.pullrequest.updated");
    assertThat(events).extracting(Event::projectId).containsOnly(repo.project().id().toString());
    assertThat(events.get(1).resource().get("title").asText()).isEqualTo("Search, faster");
    assertThat(events.get(1).resource().get("pullRequestId").asInt()).isEqualTo(1);
  }

  private static ApiCall call(Scope scope, String method, List<String> route, String body) {
    Request request =
        Request.parse(method, "/" + String.join("/", route), "api-version=7.1", Map.of());
    return new ApiCall(request, scope, null, route, body.getBytes(StandardCharsets.UTF_8));
  }
}
