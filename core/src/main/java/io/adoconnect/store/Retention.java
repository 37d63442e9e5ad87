package io.adoconnect.store;

import io.adoconnect.Durations;
import io.adoconnect.InvalidInputException;
import java.time.Duration;
import java.util.Map;

/**
 * How long the tables that grow on their own keep their rows. Accounts, sources, subscriptions and
 * organization tenants change only when a user acts, so only what arrives unasked is pruned:
 * delivered events and device code sign-ins. Pruning runs when a row of the same table is added (a
 * delivery, a new sign-in), as indexed deletes, so an idle store costs nothing.
 *
 * <p>Environment: {@value #EVENTS_ENV} (default 30 days), {@value #EVENTS_MAX_ENV} (default 10000
 * events per owner) and {@value #DEVICE_FLOWS_ENV} (default 1 day after the code expired).
 * Durations are read by {@link Durations} ({@code 30d}, {@code 12h}, ISO-8601 {@code P30D}).
 *
 * @param events how long a delivered event is kept after it arrived
 * @param eventsPerOwner how many events an owner keeps at most, newest first
 * @param deviceFlows how long a device code sign-in is kept after its code expired, whatever its
 *     outcome
 */
public record Retention(Duration events, int eventsPerOwner, Duration deviceFlows) {
  public static final String EVENTS_ENV = "ADO_CONNECT_EVENT_RETENTION";
  public static final String EVENTS_MAX_ENV = "ADO_CONNECT_EVENT_MAX";
  public static final String DEVICE_FLOWS_ENV = "ADO_CONNECT_DEVICE_FLOW_RETENTION";

  /** 30 days and 10000 events per owner; device flows 1 day after their code expired. */
  public static final Retention DEFAULTS =
      new Retention(Duration.ofDays(30), 10_000, Duration.ofDays(1));

  public Retention {
    positive(events, EVENTS_ENV);
    positive(deviceFlows, DEVICE_FLOWS_ENV);
    if (eventsPerOwner < 1) {
      throw new InvalidInputException(
          "At least one event must be kept (" + EVENTS_MAX_ENV + ").",
          "Set it to a number of events of 1 or more, e.g. 10000.");
    }
  }

  /** The defaults, with what the environment sets instead; a bad value is refused, naming it. */
  public static Retention fromEnvironment(Map<String, String> env) {
    return new Retention(
        duration(env, EVENTS_ENV, DEFAULTS.events()),
        count(env, EVENTS_MAX_ENV, DEFAULTS.eventsPerOwner()),
        duration(env, DEVICE_FLOWS_ENV, DEFAULTS.deviceFlows()));
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    String text = env.get(name);
    return text == null || text.isBlank() ? fallback : Durations.parse(name, text);
  }

  private static int count(Map<String, String> env, String name, int fallback) {
    String text = env.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new InvalidInputException(
        name + " is not a number of events ado-connect can use.",
        "Set it to a whole number of 1 or more, e.g. 10000, or leave it unset for the default.");
  }

  private static void positive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidInputException(
          name + " must be a positive duration.", "Set it to e.g. 30d, or leave it unset.");
    }
  }
}
