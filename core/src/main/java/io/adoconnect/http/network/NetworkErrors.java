package io.adoconnect.http.network;

import io.adoconnect.TransportException;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Names what stood between ado-connect and the host when a call fails on the way: the server's
 * certificate (expired, unknown issuer, other host — see {@link CertificateProblem}) or the proxy
 * (it could not be reached, asked for credentials, refused them, or refused the tunnel). The proxy
 * appears as {@code http://host:port (from HTTPS_PROXY)}, never with its credentials.
 */
final class NetworkErrors implements HttpTransport {
  private final HttpTransport next;
  private final ProxyRoutes proxy;

  NetworkErrors(HttpTransport next, ProxyRoutes proxy) {
    this.next = next;
    this.proxy = proxy;
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    ApiResponse response;
    try {
      response = next.send(request);
    } catch (TransportException e) {
      throw explain(request, e);
    }
    if (response.status() == 407) {
      String via = proxy.proxyFor(request.uri()).orElse("The proxy in between");
      if (proxy.basicCredentialsFor(request.uri()).isPresent()) {
        throw new TransportException(
            via + " refused the proxy credentials (HTTP 407) for " + request + ".",
            "Check the user name and password in the proxy URL (percent-encode special"
                + " characters).",
            null);
      }
      throw new TransportException(
          via + " asked for credentials (HTTP 407) before it would forward " + request + ".",
          "Put the proxy's user name and password in the proxy URL, as"
              + " http://user:password@proxy.example.com:3128 (percent-encode special characters).",
          null);
    }
    return response;
  }

  private TransportException explain(ApiRequest request, TransportException e) {
    CertificateProblem certificate = find(e, CertificateProblem.class);
    String origin = request.uri().getScheme() + "://" + request.uri().getAuthority();
    if (certificate != null) {
      return new TransportException(
          "Could not connect securely to " + origin + ": " + certificate.getMessage() + ".",
          certificate.hint(),
          e);
    }
    Optional<String> via = proxy.proxyFor(request.uri());
    if (via.isEmpty() || find(e, SSLException.class) != null) {
      return e;
    }
    String detail = rootMessage(e);
    if (detail.startsWith("Tunnel failed")) {
      return new TransportException(
          via.get()
              + " refused to open a tunnel to "
              + request.uri().getAuthority()
              + " ("
              + detail
              + ").",
          "Ask your network administrator whether the proxy allows HTTPS to this host, or add the"
              + " host to NO_PROXY if it is reachable directly.",
          e);
    }
    return new TransportException(
        e.getMessage() + " Calls to this host go through the proxy " + via.get() + ".",
        "Check that the proxy is running and reachable, or add the host to NO_PROXY if it is"
            + " reachable directly.",
        e);
  }

  private static String rootMessage(Throwable e) {
    String message = "";
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
