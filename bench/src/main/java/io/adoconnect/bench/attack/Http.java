package io.adoconnect.bench.attack;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to a service on 127.0.0.1, so the attack can send what a browser
 * never would (a foreign {@code Host}, broken bodies). Every answer is kept for the canary scan.
 */
final class Http {
  /** What came back: status, headers (lower-case names) and body. */
  record Answer(String request, int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return request + " -> " + status;
    }
  }

  private final int port;
  final List<Answer> answers;

  /** A client of the service on {@code port}; every answer is added to {@code answers}. */
  Http(int port, List<Answer> answers) {
    this.port = port;
    this.answers = answers;
  }

  int port() {
    return port;
  }

  /** Sends {@code method path} with {@code headers} ("Name: value") and {@code body} (or null). */
  Answer send(String method, String path, String host, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    head.append("Host: ").append(host == null ? "127.0.0.1:" + port : host).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      request.writeBytes(body);
    }
    Answer answer = exchange(method + " " + path, request.toByteArray());
    answers.add(answer);
    return answer;
  }

  Answer json(String method, String path, String json, String... headers) {
    String[] all = new String[headers.length + 1];
    System.arraycopy(headers, 0, all, 0, headers.length);
    all[headers.length] = "Content-Type: application/json";
    return send(method, path, null, json.getBytes(StandardCharsets.UTF_8), all);
  }

  private Answer exchange(String what, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(180_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException closedEarly) {
        // the service may answer and close before reading everything (an oversized body)
      }
      return parse(what, readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": " + e.getMessage(), e);
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

  private static Answer parse(String what, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return new Answer(what, 0, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(what, status, headers, body);
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
