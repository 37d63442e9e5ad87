package io.adoconnect.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Leases on the background renewal of idle Microsoft sign-ins, one per account, across owners: an
 * instance claims the accounts due for renewal before it renews them, so two instances on one
 * database never renew the same account, and the claim of an instance that died lapses when its
 * lease ends. Deployment-wide, so reached through {@link Store#renewalLeases()}.
 *
 * <p>PostgreSQL claims with {@code FOR UPDATE SKIP LOCKED}: instances claiming at the same moment
 * pass over each other's rows instead of queueing for them. SQLite has one writer at a time (its
 * transactions take the write lock up front), so the conditional update alone suffices there.
 */
public final class RenewalLeases {
  /** An account claimed for renewal: whose, and which. */
  public record Claimed(Owner owner, String accountId) {}

  private static final String DUE =
      " method <> :pat AND status = :connected"
          + " AND (expires_at IS NULL OR expires_at < :idleSince)"
          + " AND (renewal_lease_until IS NULL OR renewal_lease_until < :now)";

  private final ApplicationStore.Transactions transactions;

  RenewalLeases(ApplicationStore.Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * Claims, for {@code leaseOwner} until {@code now + lease}, up to {@code max} connected Microsoft
   * sign-ins whose access token expired before {@code idleSince} (nobody used them since) and that
   * no live lease holds.
   */
  public List<Claimed> claimDue(
      String leaseOwner, Instant now, Instant idleSince, Duration lease, int max) {
    Require.text(leaseOwner, "The lease owner");
    long until = now.plus(lease).toEpochMilli();
    return transactions.in(
        handle -> {
          String skipLocked = isPostgres(handle) ? " FOR UPDATE SKIP LOCKED" : "";
          handle
              .createUpdate(
                  "UPDATE accounts SET renewal_lease_owner = :me, renewal_lease_until = :until"
                      + " WHERE (owner, id) IN (SELECT owner, id FROM accounts WHERE"
                      + DUE
                      + " ORDER BY owner, id LIMIT :max"
                      + skipLocked
                      + ") AND (renewal_lease_until IS NULL OR renewal_lease_until < :now)")
              .bind("me", leaseOwner)
              .bind("until", until)
              .bind("pat", ConnectionMethod.PAT.wireName())
              .bind("connected", AccountStatus.CONNECTED.wireName())
              .bind("idleSince", idleSince.toEpochMilli())
              .bind("now", now.toEpochMilli())
              .bind("max", max)
              .execute();
          return handle
              .createQuery(
                  "SELECT owner, id FROM accounts"
                      + " WHERE renewal_lease_owner = :me AND renewal_lease_until = :until"
                      + " ORDER BY owner, id")
              .bind("me", leaseOwner)
              .bind("until", until)
              .map((rs, ctx) -> new Claimed(Owner.ofKey(rs.getString("owner")), rs.getString("id")))
              .list();
        });
  }

  /** Ends {@code leaseOwner}'s lease on one account (renewed: it is no longer due). */
  public boolean release(Claimed claimed, String leaseOwner) {
    return transactions.in(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE accounts SET renewal_lease_owner = NULL, renewal_lease_until = NULL"
                            + " WHERE owner = :owner AND id = :id AND renewal_lease_owner = :me")
                    .bind("owner", claimed.owner().key())
                    .bind("id", claimed.accountId())
                    .bind("me", leaseOwner)
                    .execute()
                > 0);
  }

  /**
   * Ends every lease {@code leaseOwner} holds (an instance shutting down): another instance may
   * claim those accounts at once rather than after the leases end.
   *
   * @return how many it released
   */
  public int releaseAll(String leaseOwner) {
    Require.text(leaseOwner, "The lease owner");
    return transactions.in(
        handle ->
            handle
                .createUpdate(
                    "UPDATE accounts SET renewal_lease_owner = NULL, renewal_lease_until = NULL"
                        + " WHERE renewal_lease_owner = :me")
                .bind("me", leaseOwner)
                .execute());
  }

  static boolean isPostgres(Handle handle) {
    try {
      return "PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName());
    } catch (java.sql.SQLException e) {
      throw new org.jdbi.v3.core.ConnectionException(e);
    }
  }
}
