package io.adoconnect.simulator.faults;

import io.adoconnect.simulator.http.ErrorEnvelope;
import io.adoconnect.simulator.http.Response;
import java.time.Instant;

/** The 429 answer Azure DevOps gives when a request is blocked by rate limiting. */
public final class Throttling {

  /**
   * TSTUs per sliding window that Azure DevOps documents; reported when no per-second limit is
   * configured.
   */
  static final int DEFAULT_LIMIT = 200;

  private Throttling() {}

  /**
   * A {@code 429} with the TF400733 envelope, {@code Retry-After} and the {@code X-RateLimit-*}
   * headers.
   */
  public static Response blocked(int retryAfterSeconds, int limit) {
    // typeName unverified; message and headers as in the rate-limits documentation.
    return ErrorEnvelope.of(
            429,
            "TF400733: The request has been canceled: Request was blocked due to exceeding usage of "
                + "resource 'Global' in namespace 'User'.",
            "Microsoft.TeamFoundation.Framework.Server.RequestBlockedException, "
                + "Microsoft.TeamFoundation.Framework.Server")
        .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
        .withHeader("X-RateLimit-Resource", "Global")
        .withHeader("X-RateLimit-Delay", "0.000")
        .withHeader("X-RateLimit-Limit", Integer.toString(limit))
        .withHeader("X-RateLimit-Remaining", "0")
        .withHeader(
            "X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + retryAfterSeconds));
  }
}
