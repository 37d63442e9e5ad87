package io.adoconnect.bench.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Concurrent polls of one device sign-in (issue 15 item 4): the simulator approves each flow by
 * itself, and ten pollers ask at once, wave after wave, until it ends. Succeeded: a 5xx, a flow
 * that ends other than {@code authorized}, or a poll sent after another had already answered {@code
 * authorized} that says anything else (a poll that was in flight at that moment may still say
 * {@code pending}).
 */
final class DevicePollAttack {
  private static final int POLLERS = 10;

  private DevicePollAttack() {}

  /** One poll: when it was sent and answered (System.nanoTime) and what it said. */
  record Poll(long sent, long answered, int status, String state) {}

  static void run(Service service, Tally tally, int flows) throws Exception {
    Tally.Row row = tally.row("concurrent device-flow polls");
    row.notes.add(
        flows + " flows x " + POLLERS + " pollers at once, wave after wave, until each ends");
    ExecutorService pool = Executors.newFixedThreadPool(POLLERS);
    try {
      for (int flow = 0; flow < flows; flow++) {
        Http.Answer started =
            service.http.send("POST", "/api/connections/device", null, null, service.bearer());
        if (started.status() != 201) {
          row.attempt(false, "the flow did not start: " + started.status() + " " + started.body());
          continue;
        }
        String id = Service.JSON.readTree(started.body()).path("flowId").asText();
        List<Poll> polls = new ArrayList<>();
        boolean ended = false;
        for (int wave = 0; wave < 120 && !ended; wave++) {
          List<Future<Poll>> waves = new ArrayList<>();
          for (int i = 0; i < POLLERS; i++) {
            waves.add(pool.submit(() -> poll(service, id)));
          }
          for (Future<Poll> f : waves) {
            Poll p = f.get();
            polls.add(p);
            ended |= List.of("authorized", "expired", "denied").contains(p.state());
          }
          if (!ended) {
            Thread.sleep(1000); // the next wave a second later, as a page polls
          }
        }
        long authorizedAt =
            polls.stream()
                .filter(p -> p.state().equals("authorized"))
                .mapToLong(Poll::answered)
                .min()
                .orElse(Long.MAX_VALUE);
        for (Poll p : polls) {
          boolean bad =
              p.status() >= 500
                  || (p.status() == 200
                      && p.sent() > authorizedAt
                      && !p.state().equals("authorized"));
          row.attempt(!bad, "flow " + flow + ": a poll sent after authorized said " + p.state());
        }
        row.attempt(authorizedAt != Long.MAX_VALUE, "flow " + flow + " never became authorized");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Poll poll(Service service, String id) throws Exception {
    long sent = System.nanoTime();
    Http.Answer a =
        service.http.send("GET", "/api/connections/device/" + id, null, null, service.bearer());
    long answered = System.nanoTime();
    String state =
        a.status() == 200
            ? Service.JSON.readTree(a.body()).path("state").asText()
            : "http " + a.status();
    return new Poll(sent, answered, a.status(), state);
  }
}
