package io.adoconnect;

import java.time.Duration;

/** Azure DevOps rate limiting (429) outlasted the retries. */
public class ThrottledException extends AzureDevOpsApiException {
  private final Duration retryAfter;

  public ThrottledException(String message, Duration retryAfter) {
    super(
        429,
        "RequestBlockedException",
        message,
        NextStep.of(
            NextStep.Action.RETRY_LATER,
            "Azure DevOps is rate limiting this user.",
            "retryAfterSeconds",
            Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000))));
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
