package io.adoconnect.auth.entra;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the Nimbus SDK's OAuth messages through ado-connect's {@link HttpTransport}, so sign-in
 * requests get the same timeouts, size cap and pacing as every other call, and tests see them.
 * Token requests are POSTs and are never retried by the transport.
 */
final class NimbusTransport implements HTTPRequestSender {
  private final HttpTransport transport;

  NimbusTransport(HttpTransport transport) {
    this.transport = transport;
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request
        .getHeaderMap()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                headers.put(name, values.get(0));
              }
            });
    headers.putIfAbsent("Accept", "application/json");
    String body = request.getBody();
    ApiResponse response =
        transport.send(
            new ApiRequest(
                request.getMethod().name(),
                request.getURI(),
                headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    HTTPResponse out = new HTTPResponse(response.status());
    response
        .headers()
        .forEach((name, values) -> out.setHeader(name, values.toArray(String[]::new)));
    out.setBody(response.bodyText());
    return out;
  }

  HTTPResponse send(HTTPRequest request) {
    return (HTTPResponse) send((ReadOnlyHTTPRequest) request);
  }
}
