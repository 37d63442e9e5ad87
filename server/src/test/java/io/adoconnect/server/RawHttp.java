package io.adoconnect.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes no well-behaved HTTP client would (a broken request line, bad percent-encoding, a
 * huge header, a foreign Host) over a plain socket and reads what the service answers, so tests can
 * check that even Jetty's own refusals come in the API's error shape.
 */
final class RawHttp {
  private RawHttp() {}

  /** What came back: the status line's code, the headers (lower-case names) and the body. */
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  static Answer send(int port, String request) {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Answer send(int port, byte[] request) {
    return parse(exchange(port, request));
  }

  /** Everything the service sent until it closed the connection: several answers when pipelined. */
  static byte[] exchange(int port, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException closedEarly) {
        // the server may answer and close before reading everything (a huge header): read on
      }
      return readAll(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // what arrived before the reset is the answer
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      throw new AssertionError("not an HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
