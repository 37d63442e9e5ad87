package io.adoconnect.connect;

import io.adoconnect.store.RenewalLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The idle-session renewals of a service that may run as several instances on one database: each
 * account due for renewal is claimed with a lease ({@link RenewalLeases}) before it is renewed, so
 * two instances never renew the same account, and the claims of an instance that died lapse after
 * {@link #LEASE}.
 *
 * <pre>{@code
 * LeasedRenewals renewals = ado.leasedRenewals("instance-1");
 * renewals.renewIdle(Duration.ofDays(7));   // each round
 * renewals.releaseAll();                    // when the instance stops
 * }</pre>
 */
public final class LeasedRenewals {
  /**
   * Far beyond one renewal with its retries; also how long a failed renewal waits to be retried.
   */
  static final Duration LEASE = Duration.ofMinutes(10);

  private static final int BATCH = 20;

  private final AdoConnect root;
  private final RenewalLeases leases;
  private final String instance;
  private final Clock clock;

  LeasedRenewals(AdoConnect root, RenewalLeases leases, String instance, Clock clock) {
    this.root = root;
    this.leases = leases;
    this.instance = instance;
    this.clock = clock;
  }

  /**
   * Claims and renews, batch by batch, every owner's sessions idle for {@code idle}. A renewed (or
   * refused, now reconnect-needed) account's lease is released; a failed one keeps its lease until
   * it lapses, which is when it is tried again, and so cannot come round again in this round.
   */
  public AdoConnect.IdleRenewal renewIdle(Duration idle) {
    AdoConnect.IdleRenewal.Tally tally = new AdoConnect.IdleRenewal.Tally();
    while (!Thread.currentThread().isInterrupted()) {
      Instant now = clock.instant();
      List<RenewalLeases.Claimed> claimed =
          leases.claimDue(instance, now, now.minus(idle), LEASE, BATCH);
      if (claimed.isEmpty()) {
        break;
      }
      for (RenewalLeases.Claimed one : claimed) {
        AdoConnect.IdleRenewal.Outcome outcome =
            root.forOwner(one.owner()).renewIfIdle(one.accountId(), idle);
        tally.add(outcome);
        if (outcome == AdoConnect.IdleRenewal.Outcome.RENEWED
            || outcome == AdoConnect.IdleRenewal.Outcome.RECONNECT_NEEDED) {
          leases.release(one, instance);
        }
      }
    }
    return tally.result();
  }

  /**
   * Releases every lease this instance holds (it is stopping): another instance may renew those
   * accounts at once.
   *
   * @return how many it released
   */
  public int releaseAll() {
    return leases.releaseAll(instance);
  }
}
