package io.adoconnect.store;

import java.time.Instant;

/**
 * The account Git gets credentials of for one organization (or Server collection) that several
 * connected accounts reach.
 *
 * @param host {@code services} or the Server URL, as {@link Account#host()}
 * @param organization the organization or collection name (compared ignoring case)
 */
public record GitBinding(String host, String organization, String accountId, Instant boundAt) {
  public GitBinding {
    Require.text(host, "The host");
    Require.text(organization, "The organization");
    Require.text(accountId, "The account id");
    boundAt = Require.millis(Require.present(boundAt, "The binding time"));
  }
}
