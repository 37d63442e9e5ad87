package io.adoconnect.bench.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A running {@code ado-connect serve}: its port, API token (read from the data directory as a local
 * client would) and a way to sign a browser tab in with a fresh login link.
 */
final class Service {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path home;
  final Http http;
  final String token;
  final Launcher.Server process;
  private final Target target;

  Service(Target target, Path home, Launcher.Server process) throws IOException {
    this.target = target;
    this.home = home;
    this.process = process;
    this.http = new Http(process.url().getPort(), target.answers);
    this.token = Files.readString(home.resolve("api-token"), StandardCharsets.UTF_8).strip();
    target.canaries.add(token);
  }

  static Service start(Target target, String name) throws Exception {
    Path home = Files.createDirectories(target.work.resolve(name));
    Launcher.Server server =
        target.launcher.startServer(name, target.env(home), "serve", "--port", "0");
    return new Service(target, home, server);
  }

  String bearer() {
    return "Authorization: Bearer " + token;
  }

  /** A browser tab signed in with a new login link: its cookie header and tab secret. */
  record Tab(String cookie, String secret) {
    String[] headers() {
      return new String[] {"Cookie: " + cookie, "X-Tab-Secret: " + secret};
    }
  }

  Tab login() throws IOException {
    Http.Answer minted = http.json("POST", "/api/session/login-link", "{}", bearer());
    String link = minted.status() == 201 ? JSON.readTree(minted.body()).path("url").asText() : "";
    int at = link.indexOf("ticket=");
    if (at < 0) {
      throw new IllegalStateException("no login link in the answer " + minted);
    }
    String ticket = link.substring(at + "ticket=".length());
    target.canaries.add(ticket);
    target.issuedBy.put(ticket, minted);
    Http.Answer exchanged =
        http.json("POST", "/api/session", JSON.writeValueAsString(Map.of("ticket", ticket)));
    String set = exchanged.header("set-cookie");
    if (exchanged.status() != 201 || set == null) {
      throw new IllegalStateException("login exchange: " + exchanged + " " + exchanged.body());
    }
    String cookie = set.split(";")[0];
    String secret = JSON.readTree(exchanged.body()).path("tabSecret").asText();
    String session = cookie.substring(cookie.indexOf('=') + 1);
    target.canaries.add(session);
    target.canaries.add(secret);
    target.issuedBy.put(session, exchanged);
    target.issuedBy.put(secret, exchanged);
    return new Tab(cookie, secret);
  }

  /** A documented operation of the service. */
  record Operation(String method, String path, JsonNode spec) {
    boolean isPublic() {
      return spec.has("security") && spec.path("security").isEmpty();
    }

    boolean hasBody() {
      return spec.has("requestBody");
    }

    boolean changesState() {
      return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** The path with placeholder ids, as a caller would send it. */
    String concrete() {
      return path.replaceAll("\\{[^}]+}", "doesnotexist");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every operation the service documents in its own {@code /openapi.json}. */
  List<Operation> operations() throws IOException {
    return operations(http);
  }

  /** Every operation the service on {@code http} documents, and the document itself. */
  static List<Operation> operations(Http http) throws IOException {
    Http.Answer doc = http.send("GET", "/openapi.json", null, null);
    if (doc.status() != 200) {
      throw new IllegalStateException("/openapi.json answered " + doc.status());
    }
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths =
            JSON.readTree(doc.body()).path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
      }
    }
    return operations;
  }

  /** The JSON error code of an answer, or "" when it has none. */
  static String code(Http.Answer answer) {
    try {
      return JSON.readTree(answer.body()).path("code").asText("");
    } catch (IOException notJson) {
      return "";
    }
  }

  int accounts() throws IOException {
    return JSON.readTree(http.send("GET", "/api/accounts", null, null, bearer()).body()).size();
  }

  int sources() throws IOException {
    return JSON.readTree(http.send("GET", "/api/sources", null, null, bearer()).body()).size();
  }
}
