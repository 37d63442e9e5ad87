package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.connect.SourceClones;
import io.adoconnect.simulator.data.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service keeps a clone of each source and fetches it, with the real {@code git}, when a
 * trusted push event for it reaches the hook receiver: exactly the pushed commit, shown as the
 * source's last sync; an untrusted delivery fetches nothing; a disconnected account's source keeps
 * its clone and says it can't be refreshed.
 */
class SourceFetchTest extends ServerTestBase {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Git's credential helper for the test: hands Git the PAT from the environment the service gives
   * Git (the real helper, {@code ado-connect credential}, lives in the CLI and has tests there).
   */
  private static final String HELPER =
      "!f() { test \"$1\" = get && printf 'username=ado\\npassword=%s\\n' \"$TEST_PAT\"; }; f";

  @Test
  void aTrustedPushIsFetchedIntoTheServicesCloneAndAnUntrustedOneIsNot() throws Exception {
    Path clonesDir = dir.resolve("clones");
    Repository repo =
        simulator.dataset().organization("org-001").orElseThrow().repositories().stream()
            .filter(Repository::cloneable)
            .filter(r -> "refs/heads/main".equals(r.defaultBranch()))
            .findFirst()
            .orElseThrow();
    String project = repo.project().name();
    try (SourceClones clones =
            new SourceClones(clonesDir, owner -> HELPER, Map.of("TEST_PAT", CANARY_PAT), 2);
        Service service =
            new Service(env(), Optional.empty(), c -> c.withSourceClones(Optional.of(clones)))) {
      serve(
          service,
          (s, api) -> {
            Api.Response connected =
                api.post("/api/connections/pat")
                    .json(Map.of("organizations", List.of("org-001"), "pat", CANARY_PAT))
                    .send();
            assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
            assertThat(
                    api.post("/api/sources")
                        .json(
                            Map.of(
                                "organization",
                                "org-001",
                                "project",
                                project,
                                "repository",
                                repo.name()))
                        .send()
                        .status())
                .isEqualTo(201);
            Api.Response subscribed =
                api.post("/api/hooks/subscriptions")
                    .json(
                        Map.of(
                            "organization",
                            "org-001",
                            "project",
                            project,
                            "repository",
                            repo.name(),
                            "eventTypes",
                            List.of("git.push")))
                    .send();
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            JsonNode subscription = subscribed.json().get(0);
            simulator
                .hookSubscriptions()
                .forEach(h -> canaries.add(h.consumerInputs().get("basicAuthPassword")));
            Path clone = clonesDir.resolve("org-001").resolve(project).resolve(repo.name());

            // The first trusted push clones the source; the second is fetched into that clone.
            String first = pushAndAwaitFetch(clones, subscription, project, repo);
            assertThat(originMain(clone)).isEqualTo(first);
            assertThat(lastSync(api).path("outcome").asText()).isEqualTo("cloned");

            String second = pushAndAwaitFetch(clones, subscription, project, repo);
            assertThat(second).isNotEqualTo(first);
            assertThat(originMain(clone)).isEqualTo(second);
            JsonNode sync = lastSync(api);
            assertThat(sync.path("outcome").asText()).isEqualTo("fetched");
            assertThat(sync.path("ref").asText()).isEqualTo("refs/heads/main");
            assertThat(sync.path("commit").asText()).isEqualTo(second);
            assertThat(sync.path("problem").isNull()).isTrue();

            // The subscription's own credential, but a push Azure DevOps doesn't show: stored
            // untrusted, and nothing is fetched.
            String password =
                simulator.hookSubscriptions().stream()
                    .filter(h -> h.id().toString().equals(subscription.path("remoteId").asText()))
                    .map(h -> h.consumerInputs().get("basicAuthPassword"))
                    .findFirst()
                    .orElseThrow();
            String forged =
                "{\"id\":\"forged-push\",\"eventType\":\"git.push\",\"resource\":{"
                    + "\"repository\":{\"id\":\""
                    + repo.id()
                    + "\"},\"refUpdates\":[{\"name\":\"refs/heads/main\",\"oldObjectId\":\""
                    + second
                    + "\",\"newObjectId\":\""
                    + "1".repeat(40)
                    + "\"}]}}";
            Api.Response delivered =
                api.post("/api/hooks/" + subscription.path("id").asText())
                    .noToken()
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("ado-connect:" + password).getBytes(StandardCharsets.UTF_8)))
                    .json(forged)
                    .send();
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(clones.awaitIdle(WAIT)).isTrue();
            JsonNode event =
                api.get("/api/events").send().json().findParents("eventId").stream()
                    .filter(e -> e.path("eventId").asText().equals("forged-push"))
                    .findFirst()
                    .orElseThrow();
            assertThat(event.path("trusted").asBoolean()).isFalse();
            assertThat(lastSync(api)).isEqualTo(sync);
            assertThat(originMain(clone)).isEqualTo(second);

            // Disconnected: the clone and its last sync stay, and the source says why.
            String account = connected.json().path("id").asText();
            assertThat(api.delete("/api/accounts/" + account).send().status()).isEqualTo(204);
            JsonNode source = api.get("/api/sources").send().json().get(0);
            assertThat(source.path("status").asText()).isEqualTo("disconnected");
            assertThat(source.path("lastSync")).isEqualTo(sync);
            assertThat(source.path("syncNote").asText())
                .contains("can't be refreshed until its organization is connected again");
            assertThat(Files.isDirectory(clone.resolve(".git"))).isTrue();
          });
    }
    assertNoFileHolds(clonesDir, CANARY_PAT);
  }

  /** Pushes one commit to main in the simulator; waits for its delivery and the fetch it causes. */
  private String pushAndAwaitFetch(
      SourceClones clones, JsonNode subscription, String project, Repository repo)
      throws InterruptedException {
    String url = subscription.path("receiverUrl").asText();
    long before = simulator.deliveries().stream().filter(d -> d.url().equals(url)).count();
    String pushed =
        simulator
            .push("org-001", project, repo.name(), "main")
            .path("refUpdates")
            .path(0)
            .path("newObjectId")
            .asText();
    simulator.awaitDeliveries(
        d -> d.stream().filter(x -> x.url().equals(url) && x.succeeded()).count() > before, WAIT);
    assertThat(clones.awaitIdle(WAIT)).isTrue();
    return pushed;
  }

  private static JsonNode lastSync(Api api) {
    return api.get("/api/sources").send().json().get(0).path("lastSync");
  }

  private static String originMain(Path clone) throws IOException, InterruptedException {
    Process git =
        new ProcessBuilder("git", "rev-parse", "refs/remotes/origin/main")
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as(out).isZero();
    return out;
  }

  /** No file under {@code root} (the clone's config and objects among them) holds the token. */
  private static void assertNoFileHolds(Path root, String token) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(token);
      }
    }
  }
}
