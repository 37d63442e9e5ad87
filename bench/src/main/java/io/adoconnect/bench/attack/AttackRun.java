package io.adoconnect.bench.attack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code scripts/attack}: repeats every attack class of issue 15 against real {@code ./ado-connect}
 * processes (the simulator, {@code serve}, and CLI commands killed mid-write), counts each attempt,
 * prints one table (attack class | tried | refused | succeeded) and exits 1 when anything
 * succeeded: a bypass, a 5xx, a corrupt store, a lost credential (with Entra's reusable refresh
 * tokens) or a leaked canary. {@code --long} raises the counts. Every process it started is killed
 * at the end, however it ends.
 *
 * <p>Usage: {@code AttackRun --root CHECKOUT [--long] [--seed N] [--keep]}
 */
public final class AttackRun {
  /** How much of each attack one run does. */
  record Counts(
      int rounds, int flows, int connectKills, int keyKills, int sourceKills, int refreshKills) {
    static final Counts SHORT = new Counts(1, 2, 6, 4, 6, 5);
    static final Counts LONG = new Counts(5, 10, 100, 50, 100, 100);
  }

  private AttackRun() {}

  public static void main(String[] args) throws Exception {
    Path root = null;
    boolean longRun = false;
    boolean keep = false;
    long seed = System.nanoTime();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--long" -> longRun = true;
        case "--keep" -> keep = true;
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: AttackRun --root CHECKOUT [--long] [--seed N] [--keep]");
          System.exit(2);
        }
      }
    }
    if (root == null) {
      System.err.println("usage: AttackRun --root CHECKOUT [--long] [--seed N] [--keep]");
      System.exit(2);
    }
    Counts counts = longRun ? Counts.LONG : Counts.SHORT;
    Path work = Files.createTempDirectory("ado-connect-attack-");
    Tally tally = new Tally();
    long started = System.nanoTime();
    int exit;
    Launcher launcher = new Launcher(root, work);
    Target target = new Target(work, launcher);
    try {
      run(target, tally, counts, seed);
      exit = tally.anySucceeded() ? 1 : 0;
    } catch (Exception | AssertionError broken) {
      System.err.println("scripts/attack: the run broke off: " + broken);
      broken.printStackTrace();
      exit = 3;
    } finally {
      launcher.killAll();
    }
    serverErrors(target, tally);
    try {
      CanaryScan.run(target, tally);
    } catch (IOException e) {
      System.err.println("scripts/attack: the canary scan failed: " + e);
      exit = Math.max(exit, 3);
    }
    System.out.printf(
        "%nado-connect attack run (%s mode, seed %d, %d s)%n",
        longRun ? "long" : "short", seed, (System.nanoTime() - started) / 1_000_000_000L);
    tally.print(System.out);
    if (tally.anySucceeded()) {
      exit = Math.max(exit, 1);
    }
    System.out.println(
        exit == 0
            ? "Nothing succeeded."
            : exit == 1
                ? "FAILED: see the findings above."
                : "FAILED: the run broke off (see above).");
    if (keep || exit != 0) {
      System.out.println("Logs and stores of the run: " + work);
    } else {
      delete(work);
    }
    System.exit(exit);
  }

  private static void run(Target target, Tally tally, Counts counts, long seed) throws Exception {
    Launcher launcher = target.launcher;
    // Entra's access tokens live 60 s here, under the 90 s renewal margin: every command renews.
    String[] simulatorArgs = {
      "simulator",
      "--port",
      "0",
      "--pat",
      Target.CANARY_PAT,
      "--orgs",
      "2",
      "--projects",
      "2",
      "--repos",
      "2",
      "--auto-approve-after",
      "0",
      "--access-token-lifetime",
      "60"
    };
    URI simulator = launcher.startServer("simulator", java.util.Map.of(), simulatorArgs).url();
    target.simulator = simulator;
    Service service = Service.start(target, "service");
    AccessControlAttack.run(service, tally, counts.rounds());
    BodiesAttack.run(service, tally, counts.rounds());
    SsrfAttack.run(target, service, tally, counts.rounds());
    HookAttack.run(service, tally, counts.rounds());
    DevicePollAttack.run(service, tally, counts.flows());
    TeamAttack.run(target, tally, counts.rounds());
    KillLoops kills = new KillLoops(target, tally, seed);
    kills.connect(counts.connectKills());
    kills.keyCreation(counts.keyKills());
    kills.sources(counts.sourceKills());
    kills.refresh(counts.refreshKills(), simulator, false);
    String[] singleUse = java.util.Arrays.copyOf(simulatorArgs, simulatorArgs.length + 1);
    singleUse[simulatorArgs.length] = "--single-use-refresh-tokens";
    URI strict = launcher.startServer("simulator-single-use", java.util.Map.of(), singleUse).url();
    kills.refresh(counts.refreshKills(), strict, true);
  }

  private static void serverErrors(Target target, Tally tally) {
    Tally.Row row = tally.row("server errors (5xx) in every answer");
    for (Http.Answer answer : target.answers) {
      row.attempt(answer.status() < 500, answer.toString());
    }
  }

  private static void delete(Path work) throws IOException {
    try (Stream<Path> all = Files.walk(work)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
