package io.adoconnect.store;

import io.adoconnect.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the tables that grow on their own keep their rows. Accounts, sources, subscriptions and
 * organization tenants change only when a user acts, so only what arrives unasked is pruned:
 * delivered events and device code sign-ins. Pruning runs when a row of the same table is added (a
 * delivery, a new sign-in), as indexed deletes, so an idle store costs nothing.
 *
 * <p>Environment: {@value #EVENTS_ENV} (default 30 days), {@value #EVENTS_MAX_ENV} (default 10000
 * events per owner) and {@value #DEVICE_FLOWS_ENV} (default 1 day after the code expired).
 * Durations are a number with {@code d}, {@code h} or {@code m} ({@code 30d}, {@code 12h}) or
 * ISO-8601 ({@code P30D}).
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

  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhm])");

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
    if (text == null || text.isBlank()) {
      return fallback;
    }
    String value = text.strip().toLowerCase(Locale.ROOT);
    Matcher shortForm = SHORT.matcher(value);
    Duration parsed = null;
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      parsed =
          switch (shortForm.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
          };
    } else {
      try {
        parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException notIso) {
        // refused below
      }
    }
    if (parsed == null || parsed.isNegative() || parsed.isZero() || parsed.toDays() > 36_500) {
      throw new InvalidInputException(
          name + " is not a duration ado-connect can use.",
          "Set it to a number of days, hours or minutes, e.g. 30d, 12h or 90m (at most 100 years),"
              + " or leave it unset for the default.");
    }
    return parsed;
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
