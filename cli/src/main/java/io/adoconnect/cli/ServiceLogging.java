package io.adoconnect.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.adoconnect.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s logging, on stderr: info and up by default (an access line per request, renewals,
 * webhook rounds), each line with its request id; {@code ADO_CONNECT_LOG_FORMAT=json} writes one
 * JSON object per line (logback's own JSON encoder: {@code timestamp}, {@code level}, {@code
 * loggerName}, {@code mdc.requestId}, {@code formattedMessage}, {@code throwable}) for a log
 * collector, {@code ADO_CONNECT_LOG_LEVEL} sets the level. Other commands keep {@link CliLogging}'s
 * warnings-only.
 */
final class ServiceLogging {
  static final String FORMAT = "ADO_CONNECT_LOG_FORMAT";
  static final String LEVEL = "ADO_CONNECT_LOG_LEVEL";
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%X{requestId:--}] %logger{0} %msg%n";

  private ServiceLogging() {}

  static void configure(Map<String, String> env) {
    String format = env.getOrDefault(FORMAT, "text").strip().toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new InvalidInputException(
          FORMAT + " must be text or json, not " + format + ".", "Set it to json, or unset it.");
    }
    String levelName = env.getOrDefault(LEVEL, "info").strip().toUpperCase(Locale.ROOT);
    Level level = Level.toLevel(levelName, null);
    if (level == null || !levelName.matches("ERROR|WARN|INFO|DEBUG|TRACE")) {
      throw new InvalidInputException(
          LEVEL + " must be error, warn, info, debug or trace.", "Set one of them, or unset it.");
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // embedded with another logging backend: its configuration rules
    }
    Encoder<ILoggingEvent> encoder;
    if (format.equals("json")) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // the message as written ("formattedMessage"), not its template and arguments apart
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithSequenceNumber(false);
      json.setWithContext(false);
      json.start();
      encoder = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern(PATTERN);
      text.start();
      encoder = text;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(CliLogging.stderr(context, encoder));
    root.setLevel(level);
    // the libraries' start-up chatter (Jetty's, Hikari's) stays out unless asked for
    for (String quiet : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "io.javalin"}) {
      context.getLogger(quiet).setLevel(level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN);
    }
  }
}
