package io.adoconnect.bench.attack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Malformed, oversized and mistyped bodies to every operation that takes one (from the OpenAPI
 * document), with the real API token: each must get a 4xx in the JSON error shape — never a 5xx —
 * and nothing may be stored.
 */
final class BodiesAttack {
  private BodiesAttack() {}

  /** A body and the content type it is sent as. */
  record Bad(String what, String contentType, byte[] bytes) {}

  static List<Bad> bodies() {
    String pat = Target.CANARY_PAT;
    List<Bad> all = new ArrayList<>();
    for (String json :
        List.of(
            "{",
            "[]",
            "null",
            "42",
            "\"text\"",
            "{} {}",
            "{\"pat\":1}",
            "{\"pat\":true}",
            "{\"organization\":[1],\"pat\":\"" + pat + "\"}",
            "{\"organization\":\"org-001\",\"pat\":\"" + pat + "\",\"unknown\":1}",
            "{\"organization\":\"org-001\",\"organization\":\"org-002\",\"pat\":\"" + pat + "\"}",
            "{\"organization\":\"org-001\",\"pat\":\"" + pat + "\"",
            "{\"organization\":\"../../etc\",\"project\":\"..\",\"repository\":\".\"}",
            "{\"top\":1e999999,\"id\":99999999999999999999999}",
            "{\"fields\":{\"a\":{\"b\":{\"c\":[[[[[]]]]]}}}}",
            "[".repeat(100_000),
            "{\"a\":\"\\ud800\"}",
            "\u0000\u0001\u0002",
            "{\"organization\":\"org-001\",\"pat\":\""
                + pat
                + "\",\"x\":\""
                + "a".repeat(70 * 1024)
                + "\"}")) {
      all.add(
          new Bad(
              json.length() > 40 ? json.substring(0, 40) + "…(" + json.length() + ")" : json,
              "application/json",
              json.getBytes(StandardCharsets.UTF_8)));
    }
    all.add(
        new Bad(
            "invalid UTF-8",
            "application/json",
            new byte[] {'{', '"', (byte) 0xc3, 0x28, '"', ':', '1', '}'}));
    all.add(new Bad("1.1 MB of zeros", "application/json", new byte[1100 * 1024]));
    all.add(
        new Bad("text/plain", "text/plain", "{\"pat\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    all.add(
        new Bad(
            "form",
            "application/x-www-form-urlencoded",
            "pat=x&organization=org-001".getBytes(StandardCharsets.UTF_8)));
    all.add(new Bad("no content type", null, "{\"pat\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    all.add(
        new Bad(
            "UTF-16", "application/json; charset=utf-16", "{}".getBytes(StandardCharsets.UTF_16)));
    return all;
  }

  static void run(Service service, Tally tally, int rounds) throws Exception {
    Tally.Row row = tally.row("malformed and oversized bodies");
    int accounts = service.accounts();
    int sources = service.sources();
    List<Service.Operation> withBodies =
        service.operations().stream().filter(Service.Operation::hasBody).toList();
    List<Bad> bodies = bodies();
    row.notes.add(withBodies.size() + " operations with a body x " + bodies.size() + " bodies");
    for (int round = 0; round < rounds; round++) {
      for (Service.Operation op : withBodies) {
        for (Bad bad : bodies) {
          List<String> headers = new ArrayList<>();
          headers.add(service.bearer());
          if (bad.contentType() != null) {
            headers.add("Content-Type: " + bad.contentType());
          }
          Http.Answer a =
              service.http.send(
                  op.method(), op.concrete(), null, bad.bytes(), headers.toArray(String[]::new));
          boolean refused =
              a.status() >= 400
                  && a.status() < 500
                  && a.header("content-type") != null
                  && a.header("content-type").startsWith("application/json");
          row.attempt(refused, op + " with " + bad.what() + " -> " + a.status());
        }
      }
    }
    row.attempt(service.accounts() == accounts, "an account appeared");
    row.attempt(service.sources() == sources, "a source appeared");
  }
}
