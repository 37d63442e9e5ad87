package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code serve}'s logs: text or one JSON object per line, with the request id; bad values refused.
 */
class ServiceLoggingTest {
  @Test
  void jsonLogsAreOneObjectPerLineWithTheRequestId() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ServiceLogging.configure(Map.of(ServiceLogging.FORMAT, "json"));
      MDC.put("requestId", "req-0123456789");
      LoggerFactory.getLogger("io.adoconnect.server.access").info("GET {} 200", "/api/accounts");
    } finally {
      MDC.remove("requestId");
      System.setErr(original);
      context.reset();
      new CliLogging().configure(context);
    }
    String line =
        captured
            .toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.contains("GET"))
            .findFirst()
            .orElseThrow();
    JsonNode event = new ObjectMapper().readTree(line);
    assertThat(event.path("level").asText()).isEqualTo("INFO");
    assertThat(event.path("formattedMessage").asText()).isEqualTo("GET /api/accounts 200");
    assertThat(event.path("mdc").path("requestId").asText()).isEqualTo("req-0123456789");
  }

  @Test
  void anUnknownFormatOrLevelIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> ServiceLogging.configure(Map.of(ServiceLogging.FORMAT, "xml")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(ServiceLogging.FORMAT);
    assertThatThrownBy(() -> ServiceLogging.configure(Map.of(ServiceLogging.LEVEL, "loud")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(ServiceLogging.LEVEL);
  }
}
