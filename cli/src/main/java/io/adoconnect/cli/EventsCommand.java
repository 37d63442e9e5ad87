package io.adoconnect.cli;

import io.adoconnect.InvalidInputException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.EventView;
import io.adoconnect.http.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect events [--since TIME] [--limit N] [--follow]}: what service hooks delivered to
 * {@code ado-connect serve}, read from the store.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "List the events Azure DevOps delivered (oldest first); --follow waits for more.")
public final class EventsCommand implements Callable<Integer> {
  private static final long POLL_MILLIS = 500;

  private final CliContext ctx;

  @Mixin CommonOptions common;

  @Option(
      names = "--json",
      description = "An array of events; with --follow, one JSON object per event, one per line.")
  boolean json;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Events received at or after this instant, e.g. 2024-05-01T12:00:00Z.")
  String since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N events (default: ${DEFAULT-VALUE}; the newest without --since).")
  int limit;

  @Option(
      names = "--follow",
      description =
          "Keep printing new events as they arrive, each once its re-check is decided (Ctrl-C"
              + " stops).")
  boolean follow;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "With --follow: stop after N events in all, e.g. to wait for the next push.")
  Integer count;

  public EventsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Optional<Instant> from = Optional.ofNullable(since).map(EventsCommand::instant);
    if (count != null && count < 1) {
      throw new InvalidInputException("--count must be at least 1.", io.adoconnect.NextStep.NONE);
    }
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<EventView> first = ado.events(from, limit);
      if (json && !follow) {
        // A listing is one JSON array, as every other --json listing; --follow stays one object
        // per line, so a reader can act on each event as it arrives.
        Output.json(ctx.out(), first);
        return ExitCodes.OK;
      }
      if (!json && !follow && first.isEmpty()) {
        ctx.err()
            .println(
                "No events yet. Subscribe with ado-connect hooks subscribe, and run ado-connect serve.");
      }
      Set<String> seen = new HashSet<>();
      int printed = 0;
      Instant cursor = from.orElse(Instant.EPOCH);
      List<EventView> batch = first;
      while (true) {
        // While following, an event is printed once its re-check is decided: printed earlier it
        // would say "not re-checked yet" and never be corrected. The cursor stays at the oldest
        // undecided event, so it is read again until it is decided.
        Instant undecided = null;
        for (EventView event : batch) {
          if (done(printed)) {
            return ExitCodes.OK;
          }
          if (seen.contains(key(event))) {
            continue;
          }
          if (follow && !event.rechecked()) {
            undecided = undecided == null ? event.receivedAt() : undecided;
            continue;
          }
          print(event);
          printed++;
          seen.add(key(event));
          if (undecided == null && event.receivedAt().isAfter(cursor)) {
            cursor = event.receivedAt();
          }
        }
        if (undecided != null) {
          cursor = undecided;
        }
        if (!follow || done(printed)) {
          return ExitCodes.OK;
        }
        Thread.sleep(POLL_MILLIS); // polls the store, which ado-connect serve writes to
        batch = ado.events(Optional.of(cursor), 1000);
      }
    }
  }

  /** Event ids are unique per subscription. */
  private static String key(EventView event) {
    return event.subscriptionId() + "/" + event.eventId();
  }

  private boolean done(int printed) {
    return follow && count != null && printed >= count;
  }

  private void print(EventView event) {
    if (json) {
      try {
        ctx.out().println(Json.MAPPER.writeValueAsString(event));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("could not write JSON", e);
      }
    } else {
      // One line per event, so --follow can print as events arrive; --json has every field.
      String summary = event.payload().path("message").path("text").asText("");
      ctx.out()
          .printf(
              "%s  %-23s  %s  %s%s%n",
              event.receivedAt(),
              event.eventType(),
              event.path(),
              !event.rechecked() ? "re-checking" : event.trusted() ? "trusted" : "UNTRUSTED",
              summary.isEmpty() ? "" : "  " + Output.printable(summary));
      if (!event.trusted()) {
        ctx.out().println("    " + event.verification());
      }
    }
    ctx.out().flush();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          io.adoconnect.http.Names.shown(text, "time") + " is not a time.",
          "Give an ISO-8601 instant, e.g. 2024-05-01T12:00:00Z.");
    }
  }
}
