package io.adoconnect.connect;

import io.adoconnect.devops.Organization;
import java.util.Locale;

/**
 * What a connection test found on one organization or collection: who the credential belongs to and
 * how much it can read — or, in {@code skipped}, why this sign-in can't reach it at all. {@code
 * warning} (may be null) is something that works now but will bite later, such as a Server whose
 * public URL is still localhost (see {@link PublicUrlCheck}), or a collection already connected
 * through another URL. {@code instanceId} is the organization's or collection's id from
 * connectionData.
 */
public record ConnectionCheck(
    String organization,
    String url,
    String deployment,
    String apiVersion,
    String user,
    String userAccount,
    int projects,
    int repositories,
    String skipped,
    String warning,
    String instanceId) {

  /** This check with {@code note} added to its warning. */
  ConnectionCheck withWarning(String note) {
    return new ConnectionCheck(
        organization,
        url,
        deployment,
        apiVersion,
        user,
        userAccount,
        projects,
        repositories,
        skipped,
        warning == null ? note : warning + " " + note,
        instanceId);
  }

  static ConnectionCheck skipped(Organization org, String reason) {
    return new ConnectionCheck(
        org.name(),
        org.baseUrl().toString(),
        org.deployment().name().toLowerCase(Locale.ROOT),
        org.apiVersion().toString(),
        null,
        null,
        0,
        0,
        reason,
        null,
        null);
  }
}
