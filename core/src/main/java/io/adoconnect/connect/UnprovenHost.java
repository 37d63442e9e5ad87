package io.adoconnect.connect;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.NotFoundException;
import io.adoconnect.ThrottledException;
import io.adoconnect.TransportException;
import io.adoconnect.UnexpectedResponseException;
import io.adoconnect.UnsupportedApiVersionException;
import io.adoconnect.devops.Organization;
import io.adoconnect.organizations.ConnectionData;
import io.adoconnect.organizations.OrganizationsClient;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The first call to a Server URL someone typed: until its {@code connectionData} answers the way
 * Azure DevOps does, the host could be anything on the network, so its failures carry only the HTTP
 * status and a fixed message — never its body, its type key or the transport's reason — and every
 * way of not connecting reads the same. Otherwise an error message would read back an internal
 * service's answer, and "refused" vs "reset" vs "timed out" would scan ports.
 */
final class UnprovenHost {
  private UnprovenHost() {}

  /** The collection's connectionData, once it looks like Azure DevOps'. */
  static ConnectionData connectionData(OrganizationsClient organizations, Organization probe) {
    ConnectionData who = quietly(probe, () -> organizations.connectionData(probe.baseUrl()));
    if (!isGuid(who.instanceId())
        || who.authenticatedUser() == null
        || !isGuid(who.authenticatedUser().id())) {
      throw notAzureDevOps(probe, 200);
    }
    return who;
  }

  private static <T> T quietly(Organization probe, Supplier<T> call) {
    String where = "GET " + probe.baseUrl().getRawPath() + "/_apis/connectionData";
    try {
      return call.get();
    } catch (NotFoundException e) {
      throw new NotFoundException(
          null, "The server answered " + where + " with HTTP 404.", e.hint());
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException(
          e.status(),
          null,
          "The server refused the credential for " + where + " (HTTP " + e.status() + ").",
          e.hint());
    } catch (ThrottledException e) {
      throw new ThrottledException("The server throttled " + where + ".", e.retryAfter());
    } catch (UnsupportedApiVersionException e) {
      throw new UnsupportedApiVersionException(
          "The server does not support the REST API version ado-connect asked for.",
          e.supportedVersion());
    } catch (UnexpectedResponseException e) {
      throw notAzureDevOps(probe, e.status());
    } catch (AzureDevOpsApiException e) {
      throw new AzureDevOpsApiException(
          e.status(),
          null,
          "The server answered " + where + " with HTTP " + e.status() + ".",
          "Check the server URL points at Azure DevOps Server, then try again.");
    } catch (TransportException e) {
      throw new TransportException(
          "Could not connect to " + origin(probe.baseUrl()) + ".",
          "Check the server URL, your network connection and any proxy, then try again.",
          e);
    }
  }

  private static UnexpectedResponseException notAzureDevOps(Organization probe, int status) {
    return new UnexpectedResponseException(
        status,
        "The server at "
            + origin(probe.baseUrl())
            + " answered (HTTP "
            + status
            + ") but not the way Azure DevOps Server does.",
        "Check the server URL points at Azure DevOps Server (include a /tfs prefix only if your"
            + " server's URLs have one).");
  }

  private static boolean isGuid(String text) {
    if (text == null || text.length() != 36) {
      return false;
    }
    try {
      UUID.fromString(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String origin(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }
}
