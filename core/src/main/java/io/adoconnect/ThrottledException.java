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
        "Azure DevOps is rate limiting this user; wait "
            + retryAfter.toSeconds()
            + " s and try again.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
