package io.adoconnect.bench.attack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multi-user routes of {@code serve --team}: isolation between end users and applications on
 * every operation of the team service's own {@code /openapi.json} that takes an id, the credentials
 * each call needs, and connect links used twice, after expiry or forged. (SSRF through the team
 * routes is {@link SsrfAttack}'s, with a team caller; webhook forgery is {@link
 * WebhookForgeryAttack}'s.)
 */
final class TeamAttack {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
  private static final List<String> BODY_IDS =
      List.of("organization", "project", "repository", "account");

  private TeamAttack() {}

  /**
   * The team stage: two applications (orchestrator: bob, alice; ci-service: its own bob, carol),
   * each with a webhook to one receiver, then every attack on the team routes.
   */
  static void run(Target target, Tally tally, int rounds) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      TeamService team = TeamService.start(target, "team-service", receiver.port());
      TeamService.Caller bob = team.caller(team.first, "bob");
      TeamService.Caller alice = bob.as("alice");
      TeamService.Caller otherBob = team.caller(team.second, "bob");
      TeamService.Caller carol = otherBob.as("carol");
      String alices = team.connect(alice, "org-001");
      String carols = team.connect(carol, "org-001");
      Map<String, String> b = bobsRows(team, bob);
      isolation(team, bob, b, List.of(alice, otherBob), tally);
      credentials(team, alice, tally);
      SsrfAttack.team(team, alice, tally, rounds);
      webhookUrls(target, team, receiver.port(), tally);
      connectLinks(team, bob, target, tally);
      // connection.created for alice, carol and bob, and bob's source.added, at least
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (receiver.messages.size() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(100); // deliveries run on the service's own schedule
      }
      WebhookForgeryAttack.run(
          team,
          receiver,
          Map.of(
              "/orchestrator", List.of(alices, b.get("account")),
              "/ci-service", List.of(carols)),
          tally);
    }
  }

  /**
   * The operator's {@code apps webhook set} with internal URLs the deployment did not allow-list:
   * each refused (exit 2), the application's webhook unchanged.
   */
  static void webhookUrls(Target target, TeamService team, int allowedPort, Tally tally)
      throws Exception {
    Tally.Row row = tally.row("team: SSRF through webhook URLs (apps webhook set)");
    int other = allowedPort == 65535 ? allowedPort - 1 : allowedPort + 1;
    List<String> urls =
        List.of(
            "http://127.0.0.1:" + other + "/hooks",
            "http://localhost:" + allowedPort + "/hooks",
            "http://0x7f000001:" + allowedPort + "/hooks",
            "http://[::1]:" + allowedPort + "/hooks",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/hooks",
            "file:///etc/passwd");
    for (String url : urls) {
      Launcher.Result result =
          target.launcher.run(
              "apps-webhook-set",
              target.env(target.work.resolve("team-service")),
              null,
              "apps",
              "webhook",
              "set",
              team.first.id(),
              url);
      row.attempt(result.exit() == 2, "apps webhook set " + url + " -> exit " + result.exit());
    }
    row.notes.add(urls.size() + " internal URLs; the deployment allows 127.0.0.1:" + allowedPort);
  }

  /** Bob (of the first application) connects org-002 and adds a source; his ids. */
  static Map<String, String> bobsRows(TeamService team, TeamService.Caller bob) throws Exception {
    Map<String, String> b = new LinkedHashMap<>();
    b.put("account", team.connect(bob, "org-002"));
    Http.Answer listing = team.http.send("GET", "/api/repositories", null, null, bob.headers());
    JsonNode repo = null;
    for (String line : listing.body().split("\n")) {
      JsonNode node = line.isBlank() ? null : Service.JSON.readTree(line);
      if (node != null && node.path("type").asText().equals("repository")) {
        repo = node;
        break;
      }
    }
    if (repo == null) {
      throw new IllegalStateException("bob has no repository: " + listing + listing.body());
    }
    b.put("organization", repo.path("organization").asText());
    b.put("project", repo.path("project").asText());
    b.put("repository", repo.path("name").asText());
    Http.Answer source =
        team.http.json(
            "POST",
            "/api/sources",
            Service.JSON.writeValueAsString(
                Map.of(
                    "organization", b.get("organization"),
                    "project", b.get("project"),
                    "repository", b.get("repository"))),
            bob.headers());
    if (source.status() != 201) {
      throw new IllegalStateException("bob's source: " + source + source.body());
    }
    b.put("source", Service.JSON.readTree(source.body()).path("id").asText());
    return b;
  }

  /**
   * Bob's ids used by {@code others} on every operation that takes an id (path, {@code account}
   * query or body): each must be a 404 (not a missing route); every listing must hold none of them;
   * bob must keep his rows.
   */
  static void isolation(
      TeamService team,
      TeamService.Caller bob,
      Map<String, String> b,
      List<TeamService.Caller> others,
      Tally tally)
      throws Exception {
    Tally.Row row = tally.row("team: isolation (every OpenAPI operation)");
    JsonNode doc = Service.JSON.readTree(team.http.send("GET", "/openapi.json", null, null).body());
    List<Service.Operation> operations = Service.operations(team.http);
    int probes = 0;
    int listings = 0;
    for (Service.Operation op : operations) {
      if (op.isPublic() || !op.path().startsWith("/api/")) {
        continue;
      }
      for (TeamService.Caller other : others) {
        if (takesAnId(doc, op)) {
          JsonNode schema = requestSchema(op);
          String path = concrete(doc, op, b);
          Http.Answer a =
              schema == null
                  ? team.http.send(op.method(), path, null, null, other.headers())
                  : team.http.json(
                      op.method(),
                      path,
                      Service.JSON.writeValueAsString(example(doc, schema, b)),
                      other.headers());
          probes++;
          row.attempt(
              a.status() == 404 && !Service.code(a).equals("route_not_found"),
              op + " as " + other + " with bob's ids -> " + a.status() + " " + Service.code(a));
        } else if (op.method().equals("GET")) {
          Http.Answer a = team.http.send("GET", op.path(), null, null, other.headers());
          listings++;
          row.attempt(
              !a.body().contains(b.get("account")) && !a.body().contains(b.get("source")),
              op + " as " + other + " shows bob's rows");
        }
      }
    }
    row.notes.add(
        probes + " probes with bob's ids by " + others + "; " + listings + " listings read");
    Http.Answer mine = team.http.send("GET", "/api/sources", null, null, bob.headers());
    row.attempt(mine.body().contains(b.get("source")), "bob lost his source");
    mine = team.http.send("GET", "/api/accounts", null, null, bob.headers());
    row.attempt(mine.body().contains(b.get("account")), "bob lost his account");
  }

  /**
   * Every protected operation without a key, with a wrong or altered key, and with a good key but
   * no or a malformed end user: 401 for the key, 400 for the end user, nothing changed.
   */
  static void credentials(TeamService team, TeamService.Caller alice, Tally tally)
      throws Exception {
    Tally.Row row = tally.row("team: keys and end users (every OpenAPI operation)");
    List<Service.Operation> operations = Service.operations(team.http);
    String key = alice.app().key();
    String altered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
    String body = "{\"organizations\":[\"org-001\"],\"pat\":\"" + Target.CANARY_PAT + "\"}";
    int before = accounts(team, alice);
    int tried = 0;
    for (Service.Operation op : operations) {
      if (op.isPublic() || !op.path().startsWith("/api/")) {
        continue;
      }
      byte[] bytes = op.hasBody() ? body.getBytes(StandardCharsets.UTF_8) : null;
      String type = "Content-Type: application/json";
      String user = "X-End-User: alice";
      for (String[] headers :
          new String[][] {
            {type, user},
            {type, user, "Authorization: Bearer " + altered},
            {type, user, "Authorization: Bearer adc_" + "a".repeat(12) + "_" + "b".repeat(43)},
            {type, user, "Authorization: Basic " + key},
            {type, user, "Authorization: Bearer " + key.substring(0, key.lastIndexOf('_'))},
          }) {
        Http.Answer a = team.http.send(op.method(), op.concrete(), null, bytes, headers);
        tried++;
        row.attempt(
            a.status() == 401, op + " with " + headers[headers.length - 1] + " -> " + a.status());
      }
      for (String badUser : new String[] {null, "X-End-User: ", "X-End-User: ../bob"}) {
        List<String> headers = new ArrayList<>(List.of(type, "Authorization: Bearer " + key));
        if (badUser != null) {
          headers.add(badUser);
        }
        Http.Answer a =
            team.http.send(op.method(), op.concrete(), null, bytes, headers.toArray(String[]::new));
        tried++;
        row.attempt(a.status() == 400, op + " with end user " + badUser + " -> " + a.status());
      }
    }
    row.notes.add(tried + " calls over " + operations.size() + " operations");
    row.attempt(accounts(team, alice) == before, "an account appeared for alice");
  }

  /**
   * Connect links: the one an application minted opens one end user's page once; used again, after
   * its lifetime, forged, or minted by one application and looked at for another user, it opens
   * nothing.
   */
  static void connectLinks(TeamService team, TeamService.Caller bob, Target target, Tally tally)
      throws Exception {
    Tally.Row row = tally.row("team: connect links (twice, expired, forged)");
    String ticket = mint(team, bob, target);
    Http.Answer first = exchange(team, ticket);
    if (first.status() != 201) {
      throw new IllegalStateException("a fresh connect link did not open: " + first + first.body());
    }
    String cookie = first.header("set-cookie").split(";")[0];
    String secret = Service.JSON.readTree(first.body()).path("tabSecret").asText();
    target.canaries.add(cookie.substring(cookie.indexOf('=') + 1));
    target.canaries.add(secret);
    target.issuedBy.put(cookie.substring(cookie.indexOf('=') + 1), first);
    target.issuedBy.put(secret, first);
    Http.Answer page =
        team.http.send(
            "GET", "/api/session", null, null, "Cookie: " + cookie, "X-Tab-Secret: " + secret);
    row.attempt(
        page.status() == 200 && page.body().contains("\"endUser\":\"" + bob.endUser() + "\""),
        "the link's page is not bob's: " + page.body());
    Http.Answer again = exchange(team, ticket);
    row.attempt(again.status() == 400, "a used link opened again -> " + again.status());
    String late = mint(team, bob, target);
    long expires = System.nanoTime() + (TeamService.LINK_LIFETIME_SECONDS + 1) * 1_000_000_000L;
    while (System.nanoTime() < expires) {
      Thread.sleep(100); // waiting out the link's lifetime: the rule under test is time itself
    }
    Http.Answer expired = exchange(team, late);
    row.attempt(expired.status() == 400, "an expired link opened -> " + expired.status());
    for (String forged :
        List.of(
            "x".repeat(43),
            ticket.substring(0, ticket.length() - 1) + (ticket.endsWith("A") ? "B" : "A"),
            late + "A",
            "",
            "../" + ticket)) {
      Http.Answer a = exchange(team, forged);
      row.attempt(a.status() == 400, "a forged ticket opened -> " + a.status());
    }
    row.notes.add(
        "1 genuine use, 1 reuse, 1 expired (after "
            + TeamService.LINK_LIFETIME_SECONDS
            + " s), 5 forged tickets");
  }

  private static String mint(TeamService team, TeamService.Caller who, Target target)
      throws Exception {
    Http.Answer minted = team.http.json("POST", "/api/connect-links", "{}", who.headers());
    String url =
        minted.status() == 201 ? Service.JSON.readTree(minted.body()).path("url").asText() : "";
    int at = url.indexOf("ticket=");
    if (at < 0) {
      throw new IllegalStateException("no connect link: " + minted + minted.body());
    }
    String ticket = url.substring(at + "ticket=".length());
    target.canaries.add(ticket);
    target.issuedBy.put(ticket, minted);
    return ticket;
  }

  private static Http.Answer exchange(TeamService team, String ticket) throws Exception {
    return team.http.json(
        "POST", "/api/session", Service.JSON.writeValueAsString(Map.of("ticket", ticket)));
  }

  private static int accounts(TeamService team, TeamService.Caller who) throws Exception {
    return Service.JSON
        .readTree(team.http.send("GET", "/api/accounts", null, null, who.headers()).body())
        .size();
  }

  private static boolean takesAnId(JsonNode doc, Service.Operation op) {
    if (op.path().contains("{")) {
      return true;
    }
    for (JsonNode p : op.spec().path("parameters")) {
      if (p.path("name").asText().equals("account")) {
        return true;
      }
    }
    JsonNode schema = requestSchema(op);
    return schema != null && deref(doc, schema).path("properties").has("account");
  }

  private static JsonNode requestSchema(Service.Operation op) {
    JsonNode schema =
        op.spec().path("requestBody").path("content").path("application/json").path("schema");
    return schema.isMissingNode() ? null : schema;
  }

  private static JsonNode deref(JsonNode doc, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.isEmpty() ? schema : deref(doc, doc.at(ref.substring(1)));
  }

  private static String concrete(JsonNode doc, Service.Operation op, Map<String, String> b) {
    Matcher m = PATH_PARAM.matcher(op.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(encode(pathValue(op, m.group(1), b))));
    }
    m.appendTail(path);
    String separator = "?";
    for (JsonNode p : op.spec().path("parameters")) {
      String name = p.path("name").asText();
      if (!p.path("in").asText().equals("query")
          || !(name.equals("account") || p.path("required").asBoolean())) {
        continue;
      }
      String value =
          name.equals("account")
              ? b.get("account")
              : String.valueOf(example(doc, p.path("schema"), b));
      path.append(separator).append(name).append('=').append(encode(value));
      separator = "&";
    }
    return path.toString();
  }

  private static String pathValue(Service.Operation op, String name, Map<String, String> b) {
    if (name.equals("id")) {
      if (op.path().startsWith("/api/accounts/")) {
        return b.get("account");
      }
      if (op.path().startsWith("/api/sources/")) {
        return b.get("source");
      }
      return "1";
    }
    if (name.equals("commitId")) {
      return "0123456789abcdef0123456789abcdef01234567";
    }
    return b.getOrDefault(name, "1");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A value the schema accepts: its required properties, and bob's ids where it has them. */
  private static Object example(JsonNode doc, JsonNode schema, Map<String, String> b) {
    schema = deref(doc, schema);
    if (schema.has("enum")) {
      return schema.path("enum").get(0).asText();
    }
    switch (schema.path("type").asText("object")) {
      case "string":
        return schema.path("format").asText().equals("date-time") ? "2024-01-01T00:00:00Z" : "x1";
      case "integer":
      case "number":
        return 1;
      case "boolean":
        return false;
      case "array":
        return schema.path("minItems").asInt(0) > 0
            ? List.of(example(doc, schema.path("items"), b))
            : List.of();
      default:
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> wanted = new ArrayList<>();
        schema.path("required").forEach(r -> wanted.add(r.asText()));
        BODY_IDS.stream().filter(schema.path("properties")::has).forEach(wanted::add);
        for (String name : wanted) {
          body.put(
              name,
              b.containsKey(name)
                  ? b.get(name)
                  : example(doc, schema.path("properties").path(name), b));
        }
        return body;
    }
  }
}
