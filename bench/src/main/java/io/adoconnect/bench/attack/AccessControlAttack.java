package io.adoconnect.bench.attack;

import java.util.List;

/**
 * Every operation in the service's own OpenAPI document (so a new route is attacked without editing
 * this), under each condition a caller without the right credentials or from the wrong place may
 * try: no credential, a wrong token, the session cookie without the tab's secret (what a listener
 * on another 127.0.0.1 port receives), a foreign {@code Host} with the real token (DNS rebinding),
 * and a foreign {@code Origin} with a fully signed-in tab on state-changing calls. Each must be
 * refused with its own answer — 401, 400 {@code host_not_allowed}, 403 {@code cross_origin} — and
 * the service must hold no more accounts or sources afterwards.
 */
final class AccessControlAttack {
  private static final String HOOK_RECEIVER = "/api/hooks/{subscription}";

  private AccessControlAttack() {}

  static void run(Service service, Tally tally, int rounds) throws Exception {
    List<Service.Operation> operations = service.operations();
    Tally.Row row = tally.row("access control (every OpenAPI operation)");
    row.notes.add(
        operations.size()
            + " operations from /openapi.json x (no credential, wrong token, cookie without tab"
            + " secret, foreign Host, foreign Origin)"
            + (rounds > 1 ? " x " + rounds + " rounds" : ""));
    int accounts = service.accounts();
    int sources = service.sources();
    Service.Tab tab = service.login();
    String body = "{\"organization\":\"org-001\",\"pat\":\"" + Target.CANARY_PAT + "\"}";
    for (int round = 0; round < rounds; round++) {
      for (Service.Operation op : operations) {
        String path = op.concrete();
        byte[] bytes = op.hasBody() ? body.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
        String type = "Content-Type: application/json";
        if (!op.isPublic()) {
          for (String[] headers :
              new String[][] {
                {type},
                {type, "Authorization: Bearer wrong"},
                {type, "Authorization: Bearer " + service.token + "x"},
                {type, "Authorization: Basic " + service.token},
                {
                  type,
                  "Cookie: " + tab.cookie(),
                  "Origin: http://127.0.0.1:" + service.http.port(),
                  "X-CSRF-Token: " + "x".repeat(43)
                },
              }) {
            Http.Answer a = service.http.send(op.method(), path, null, bytes, headers);
            row.attempt(
                a.status() == 401,
                op + " with " + headers[headers.length - 1] + " -> " + a.status());
          }
        }
        Http.Answer rebound =
            service.http.send(
                op.method(),
                path,
                "evil.example:" + service.http.port(),
                bytes,
                type,
                service.bearer());
        row.attempt(
            rebound.status() == 400 && Service.code(rebound).equals("host_not_allowed"),
            op + " with a foreign Host -> " + rebound.status());
        if (op.changesState()) {
          String[] tabHeaders = tab.headers();
          Http.Answer crossSite =
              service.http.send(
                  op.method(),
                  path,
                  null,
                  bytes,
                  type,
                  tabHeaders[0],
                  tabHeaders[1],
                  "Origin: http://evil.example");
          // The hook receiver is called server to server and never uses the session: without its
          // Basic credential it is a 401 (an unknown subscription too), Origin or not. The
          // OAuth endpoints MCP clients call (registration, token) never use the session either:
          // the cookie adds nothing, and the attack's body is refused as a bad request.
          boolean refused =
              op.path().equals(HOOK_RECEIVER)
                  ? crossSite.status() == 401
                  : op.path().startsWith("/oauth/")
                      ? crossSite.status() >= 400 && crossSite.status() < 500
                      : crossSite.status() == 403 && Service.code(crossSite).equals("cross_origin");
          row.attempt(refused, op + " with a foreign Origin -> " + crossSite.status());
        }
      }
    }
    row.attempt(service.accounts() == accounts, "an account appeared");
    row.attempt(service.sources() == sources, "a source appeared");
  }
}
