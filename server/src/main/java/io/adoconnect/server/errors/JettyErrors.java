package io.adoconnect.server.errors;

import io.adoconnect.http.Json;
import io.adoconnect.server.access.SecurityHeaders;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals — a request it can't parse (bad percent-encoding, an ambiguous path, no or a
 * malformed {@code Host}, a header block or URI too large, an unknown HTTP version, both {@code
 * Transfer-Encoding} and {@code Content-Length}) — answered in the API's one error shape, with the
 * same security headers, instead of Jetty's HTML page. These never reach Javalin, so {@link
 * ErrorMapping} can't see them; nothing was done for such a request.
 */
public final class JettyErrors extends ErrorHandler {
  /** Jetty's reasons are fixed phrases ("Bad HostPort", "Illegal character SPACE=' '"). */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,.:;'=()_-]{1,80}");

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object reason = request.getAttribute(ERROR_MESSAGE);
    byte[] body = body(status, reason instanceof String text ? text : null);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    SecurityHeaders.ALL.forEach(headers::put);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** Used where Jetty answers a request it could not even parse into a {@link Request}. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    SecurityHeaders.ALL.forEach(fields::put);
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int status, String reason) {
    ApiError error = error(status, reason);
    try {
      return Json.MAPPER.writeValueAsBytes(error);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApiError error(int status, String reason) {
    String why =
        reason != null
                && PLAIN_REASON.matcher(reason).matches()
                && !reason.equalsIgnoreCase("Bad Request")
            ? " (" + reason + ")"
            : "";
    return switch (status) {
      case 400 ->
          new ApiError(
              "bad_request",
              "The request is not valid HTTP for this service" + why + ".",
              "Percent-encode each path segment (UTF-8), send one Host header naming this service,"
                  + " and either Content-Length or Transfer-Encoding.");
      case 404 -> ErrorMapping.routeNotFound();
      case 413 -> ErrorMapping.tooLarge().error();
      case 414 ->
          new ApiError(
              "uri_too_long",
              "The request's URI is too long.",
              "Send long values in a JSON body instead of the URL.");
      case 431 ->
          new ApiError(
              "headers_too_large",
              "The request's headers are too large.",
              "Send fewer or smaller headers (cookies included).");
      case 505 ->
          new ApiError(
              "http_version_not_supported",
              "This service speaks HTTP/1.0 and HTTP/1.1 only.",
              "Send the request as HTTP/1.1.");
      default ->
          status >= 500
              ? ErrorMapping.internalError()
              : new ApiError(
                  "http_" + status, "The request was refused" + why + ".", "See /openapi.json.");
    };
  }
}
