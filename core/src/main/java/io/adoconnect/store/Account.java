package io.adoconnect.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.adoconnect.InvalidInputException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A connected Azure DevOps account — the public view: nothing here is secret, so it may be logged,
 * listed and returned by the API. Its tokens live beside it in the store, sealed.
 *
 * <p>{@code displayName}, {@code email}, {@code tenantId}, {@code scope} and {@code expiresAt} may
 * be null (a PAT has no tenant or scope). Instants are kept to the millisecond, as the store does.
 *
 * @param host {@code "services"} for Azure DevOps Services, or the server URL (e.g. {@code
 *     http://host:8080/tfs}) for Azure DevOps Server
 * @param organizations the organizations it reaches; for Azure DevOps Server, the collection name
 * @param scope for a Microsoft sign-in, the permissions its token was granted, as the token's
 *     {@code scp} spells them: {@code user_impersonation} (everything) or granular ones such as
 *     {@code vso.code vso.build}; null for a PAT, which can't tell its own
 * @param expiresAt when the access token or PAT expires, if known
 * @param status whether it works or its user must sign in again
 */
public record Account(
    String id,
    ConnectionMethod method,
    String host,
    String displayName,
    String email,
    String tenantId,
    String scope,
    Instant connectedAt,
    Instant expiresAt,
    List<String> organizations,
    AccountStatus status) {

  /** The {@link #host} of every Azure DevOps Services account. */
  public static final String SERVICES = "services";

  public Account {
    Require.text(id, "The account id");
    Require.present(method, "The connection method");
    Require.text(host, "The account host");
    if (!host.equals(SERVICES) && !isHttpUrl(host)) {
      throw new InvalidInputException(
          "The account host '" + host + "' is neither 'services' nor a server URL.",
          "For Azure DevOps Server use the server URL, e.g. http://host:8080/tfs.");
    }
    connectedAt = Require.millis(Require.present(connectedAt, "The connection time"));
    expiresAt = Require.millis(expiresAt);
    organizations = List.copyOf(Require.present(organizations, "The organization list"));
    organizations.forEach(org -> Require.text(org, "An organization name"));
    Require.present(status, "The account status");
  }

  /** A working account. */
  public Account(
      String id,
      ConnectionMethod method,
      String host,
      String displayName,
      String email,
      String tenantId,
      String scope,
      Instant connectedAt,
      Instant expiresAt,
      List<String> organizations) {
    this(
        id,
        method,
        host,
        displayName,
        email,
        tenantId,
        scope,
        connectedAt,
        expiresAt,
        organizations,
        AccountStatus.CONNECTED);
  }

  public Account withStatus(AccountStatus newStatus) {
    return new Account(
        id,
        method,
        host,
        displayName,
        email,
        tenantId,
        scope,
        connectedAt,
        expiresAt,
        organizations,
        newStatus);
  }

  public Account withExpiresAt(Instant newExpiresAt) {
    return new Account(
        id,
        method,
        host,
        displayName,
        email,
        tenantId,
        scope,
        connectedAt,
        newExpiresAt,
        organizations,
        status);
  }

  public Account withScope(String newScope) {
    return new Account(
        id,
        method,
        host,
        displayName,
        email,
        tenantId,
        newScope,
        connectedAt,
        expiresAt,
        organizations,
        status);
  }

  /** True for Azure DevOps Services, false for an Azure DevOps Server. */
  @JsonIgnore // a convenience, not a field of the public view
  public boolean isServices() {
    return host.equals(SERVICES);
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }
}
