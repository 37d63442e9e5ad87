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

  @Option(names = "--json", description = "One JSON object per event, one per line.")
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
      description = "Keep printing new events as they arrive (Ctrl-C stops).")
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
      throw new InvalidInputException("--count must be at least 1.", null);
    }
    try (AdoConnect ado = Commands.open(ctx, common)) {
      List<EventView> first = ado.events(from, limit);
      Set<String> seen = new HashSet<>();
      int printed = 0;
      if (!json && !follow && first.isEmpty()) {
        ctx.err()
            .println(
                "No events yet. Subscribe with ado-connect hooks subscribe, and run ado-connect serve.");
      }
      Instant last = from.orElse(Instant.EPOCH);
      for (EventView event : first) {
        if (done(printed)) {
          return ExitCodes.OK;
        }
        print(event);
        printed++;
        seen.add(event.eventId());
        last = event.receivedAt().isAfter(last) ? event.receivedAt() : last;
      }
      while (follow && !done(printed)) {
        Thread.sleep(POLL_MILLIS); // polls the store, which ado-connect serve writes to
        for (EventView event : ado.events(Optional.of(last), 1000)) {
          if (seen.add(event.eventId()) && !done(printed)) {
            print(event);
            printed++;
            last = event.receivedAt().isAfter(last) ? event.receivedAt() : last;
          }
        }
      }
      return ExitCodes.OK;
    }
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
              event.trusted() ? "trusted" : "UNTRUSTED",
              summary.isEmpty() ? "" : "  " + summary);
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
