package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.http.Retry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a user sees on stderr while a host is silent, instead of minutes of nothing. */
class RetryNoticesTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final RetryNotices notices =
      new RetryNotices(new PrintStream(err, true, StandardCharsets.UTF_8));

  private String printed() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSilentHostIsSaidWithTheTryItIsOn() {
    notices.retrying(
        new Retry(
            "tfs.example.com",
            Retry.Reason.NO_ANSWER,
            0,
            Duration.ofSeconds(60),
            2,
            4,
            Duration.ofMillis(250)));
    assertThat(printed())
        .isEqualTo("tfs.example.com did not answer within 60 s; trying again (2 of 4)\u2026\n");
  }

  @Test
  void anUnreachableHostIsSaidAndBusyAnswersAreNot() {
    notices.retrying(
        new Retry(
            "dev.azure.com",
            Retry.Reason.UNREACHABLE,
            0,
            Duration.ofSeconds(60),
            3,
            4,
            Duration.ofSeconds(1)));
    notices.retrying(
        new Retry(
            "dev.azure.com",
            Retry.Reason.BUSY,
            503,
            Duration.ofSeconds(60),
            2,
            4,
            Duration.ofSeconds(1)));
    assertThat(printed()).isEqualTo("Could not reach dev.azure.com; trying again (3 of 4)\u2026\n");
  }
}
