package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.store.Store;
import io.adoconnect.store.StoredEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code events --follow} prints an event once its re-check is decided, never a verdict that is
 * about to change; and {@code --since} far from now is bad input. Events are written to the store
 * directly, as {@code ado-connect serve}'s receiver would.
 */
class EventsFollowTest extends CliTestBase {
  private static final String SUBSCRIPTION = "sub-follow";

  @Test
  void followWaitsForTheRecheckAndPrintsTheDecision() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (Store store = Store.open(cli.dataDir)) {
      store.addEvent(event("still-checking", now.minusSeconds(2)));
      store.addEvent(event("decided", now.minusSeconds(1)));
      store.verifyEvent(SUBSCRIPTION, "decided", true, "Re-checked with Azure DevOps.", now);
    }

    // the decided one comes out first; the one still being re-checked is not printed yet
    JsonNode only =
        Cli.JSON.readTree(cli.run("events", "--follow", "--count", "1", "--json").assertOk().out());
    assertThat(only.path("eventId").asText()).isEqualTo("decided");

    CompletableFuture<Cli.Run> following =
        CompletableFuture.supplyAsync(
            () -> cli.run("events", "--follow", "--count", "2", "--json"));
    try (Store store = Store.open(cli.dataDir)) {
      store.verifyEvent(
          SUBSCRIPTION, "still-checking", true, "Re-checked with Azure DevOps.", Instant.now());
    }
    List<JsonNode> printed = new ArrayList<>();
    for (String line : following.get(60, TimeUnit.SECONDS).assertOk().out().strip().split("\n")) {
      printed.add(Cli.JSON.readTree(line));
    }

    assertThat(printed)
        .extracting(e -> e.path("eventId").asText())
        .containsExactlyInAnyOrder("still-checking", "decided");
    assertThat(printed)
        .allSatisfy(
            e -> {
              assertThat(e.path("rechecked").asBoolean()).isTrue();
              assertThat(e.path("trusted").asBoolean()).isTrue();
            });
  }

  @Test
  void aStartTimeFarFromNowIsBadInput() {
    for (String far : List.of("+100000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z")) {
      assertThat(cli.run("events", "--since", far).assertExit(2).err())
          .as(far)
          .contains("between the years 0001 and 9999")
          .doesNotContain("bug");
    }
  }

  private static StoredEvent event(String id, Instant receivedAt) {
    return StoredEvent.received(
        id, SUBSCRIPTION, "git.push", "org-001", "project", "repo", "repo-id", receivedAt, "{}");
  }
}
