package io.adoconnect.simulator.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Dataset;
import io.adoconnect.simulator.events.ServiceEvents;
import io.adoconnect.simulator.http.Json;
import io.adoconnect.simulator.http.Scope;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code build.complete} goes out once per build, with the build as its resource. */
class BuildQueueTest {
  record Event(String type, String projectId, JsonNode resource) {}

  @Test
  void completingPublishesBuildCompleteOnceWithTheBuildAsResource() {
    List<Event> events = new CopyOnWriteArrayList<>();
    ServiceEvents sink =
        (type, collection, projectId, resource) -> events.add(new Event(type, projectId, resource));
    Dataset dataset = Dataset.generate(1, 3, 2, 1);
    Collection org = dataset.organizations().get(0);
    BuildDefinition definition = new BuildDefinitions().of(org).get(0);
    Scope scope =
        new Scope(
            Scope.Kind.ORGANIZATION,
            URI.create("http://127.0.0.1:1"),
            "/org-001",
            org,
            dataset.user());
    try (BuildQueue queue = new BuildQueue(sink, Duration.ofHours(1), Clock.systemUTC())) {
      queue.failNext(1);
      QueuedBuild build =
          queue.queue(
              scope,
              org,
              definition,
              definition.repository().defaultBranch(),
              "0".repeat(40),
              null,
              Json.object(),
              Json.object(),
              dataset.user());
      assertThat(events).isEmpty();

      queue.completeAll();
      queue.completeAll();
      queue.builds(org, definition.project());

      assertThat(events).hasSize(1);
      Event event = events.get(0);
      assertThat(event.type()).isEqualTo("build.complete");
      assertThat(event.projectId()).isEqualTo(definition.project().id().toString());
      assertThat(event.resource().path("id").asInt()).isEqualTo(build.id());
      assertThat(event.resource().path("status").asText()).isEqualTo("completed");
      assertThat(event.resource().path("result").asText()).isEqualTo("failed");
    }
  }
}
