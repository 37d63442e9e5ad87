package io.adoconnect.http;

/**
 * The one seam between ado-connect and the network: a request in, a response out. The default
 * {@link JdkHttpTransport} wraps {@code java.net.http}; retries, pacing and the sign-in-page check
 * are decorators around it, so tests can replace any layer.
 *
 * @throws io.adoconnect.TransportException when the host can't be reached or doesn't answer in time
 */
@FunctionalInterface
public interface HttpTransport {
  ApiResponse send(ApiRequest request);
}
