package io.adoconnect.connect;

import java.time.Duration;

/**
 * How old a kept repository listing may be and still be used instead of asking Azure DevOps again.
 * A listing is kept only when every organization answered; it stops counting when the accounts it
 * was made with change (connect, disconnect), when a service hook event says a repository was
 * created, deleted or renamed, and when it is older than {@code maxAge}.
 *
 * @param maxAge zero to always ask Azure DevOps (the fresh listing is still kept)
 */
public record ListingFreshness(Duration maxAge) {
  /** Ten minutes: long enough for a burst of commands, short enough that a new repository shows. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

  /** Always ask Azure DevOps. */
  public static final ListingFreshness REFRESH = new ListingFreshness(Duration.ZERO);

  public ListingFreshness {
    if (maxAge == null || maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must be zero or positive");
    }
  }
}
