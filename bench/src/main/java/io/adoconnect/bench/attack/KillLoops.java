package io.adoconnect.bench.attack;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.AdoConnectException;
import io.adoconnect.auth.Secret;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.store.Account;
import io.adoconnect.store.AccountStatus;
import io.adoconnect.store.SecretKind;
import io.adoconnect.store.Source;
import io.adoconnect.store.Store;
import io.adoconnect.vault.KeyFileSource;
import io.adoconnect.vault.Keyring;
import io.adoconnect.vault.Vault;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * SIGKILL {@code ./ado-connect} at a random moment while it connects a PAT, creates the key,
 * changes sources and renews Entra tokens, over and over. After each kill the store must pass
 * SQLite's integrity check and open, and every credential saved before the kill must still be there
 * and decrypt; with single-use refresh tokens a kill in the renewal window may lose the session
 * (counted and reported, not gated; Entra's reusable tokens are gated at zero).
 */
final class KillLoops {
  private final Target target;
  private final Tally tally;
  private final Random random;

  KillLoops(Target target, Tally tally, long seed) {
    this.target = target;
    this.tally = tally;
    this.random = new Random(seed);
  }

  /** How long a normal run of {@code args} takes, in ms (the range the kills fall into). */
  private long measure(Map<String, String> env, String stdin, String... args) throws Exception {
    long started = System.nanoTime();
    Launcher.Result result = target.launcher.run("measure", env, stdin, args);
    long took = (System.nanoTime() - started) / 1_000_000;
    if (result.exit() != 0) {
      throw new IllegalStateException(
          "ado-connect " + String.join(" ", args) + " failed: " + result.output());
    }
    return took;
  }

  private void killAtRandom(
      String name, long range, Map<String, String> env, String stdin, String... args)
      throws Exception {
    Launcher.Running running = target.launcher.start(name, env, stdin, args);
    Thread.sleep(random.nextLong(range + 1)); // the random moment of the kill
    running.kill();
  }

  void connect(int kills) throws Exception {
    Tally.Row row = tally.row("kill -9 during connect (PAT)");
    Path home = Files.createDirectories(target.work.resolve("kill-connect"));
    Map<String, String> env = target.env(home);
    String pat = Target.CANARY_PAT + "\n";
    long range = measure(env, pat, "connect", "pat", "--org", "org-001");
    row.notes.add(kills + " kills within the " + range + " ms a connect takes");
    for (int kill = 0; kill < kills; kill++) {
      List<String> before = accountIds(home);
      killAtRandom("kill-connect", range, env, pat, "connect", "pat", "--org", "org-001");
      check(row, home, before, "connect kill " + kill);
    }
    Launcher.Result after =
        target.launcher.run("connect-after", env, pat, "connect", "pat", "--org", "org-001");
    row.attempt(after.exit() == 0, "connect after the kills exited " + after.exit());
  }

  void keyCreation(int kills) throws Exception {
    Tally.Row row = tally.row("kill -9 during key creation");
    Path first = Files.createDirectories(target.work.resolve("kill-key-measure"));
    String pat = Target.CANARY_PAT + "\n";
    long range = measure(target.env(first), pat, "connect", "pat", "--org", "org-001");
    row.notes.add(kills + " kills of a first run (fresh key and store) within " + range + " ms");
    for (int kill = 0; kill < kills; kill++) {
      Path home = Files.createDirectories(target.work.resolve("kill-key-" + kill));
      Map<String, String> env = target.env(home);
      killAtRandom("kill-key", range, env, pat, "connect", "pat", "--org", "org-001");
      Path key = home.resolve("key");
      if (Files.exists(key)) {
        try {
          Vault.open(new KeyFileSource(key));
        } catch (RuntimeException broken) {
          row.attempt(false, "kill " + kill + ": the key file is unusable: " + broken.getMessage());
          continue;
        }
      }
      check(row, home, List.of(), "key kill " + kill);
      if (kill % 3 == 0) {
        Launcher.Result again =
            target.launcher.run("key-after", env, pat, "connect", "pat", "--org", "org-001");
        row.attempt(
            again.exit() == 0, "kill " + kill + ": connecting again exited " + again.exit());
      }
    }
  }

  void sources(int kills) throws Exception {
    Tally.Row row = tally.row("kill -9 during source changes");
    Path home = Files.createDirectories(target.work.resolve("kill-sources"));
    Map<String, String> env = target.env(home);
    String pat = Target.CANARY_PAT + "\n";
    measure(env, pat, "connect", "pat", "--org", "org-001");
    Launcher.Result repos =
        target.launcher.run("repos", env, null, "repos", "--org", "org-001", "--json");
    JsonNode list = Service.JSON.readTree(repos.output().substring(repos.output().indexOf('[')));
    JsonNode repo = list.path(0);
    String path =
        repo.path("organization").asText()
            + "/"
            + repo.path("project").asText()
            + "/"
            + repo.path("name").asText();
    long range = measure(env, null, "sources", "add", path);
    row.notes.add(kills + " kills of sources add/remove within " + range + " ms");
    List<String> accounts = accountIds(home);
    for (int kill = 0; kill < kills; kill++) {
      List<Source> now;
      try (Store store = Store.open(home)) {
        now = store.sources();
      }
      if (now.isEmpty() || random.nextBoolean()) {
        killAtRandom("kill-sources-add", range, env, null, "sources", "add", path);
      } else {
        killAtRandom("kill-sources-remove", range, env, null, "sources", "remove", now.get(0).id());
      }
      check(row, home, accounts, "sources kill " + kill);
    }
  }

  /**
   * Renewals killed at random: {@code repos} renews the Entra access token first (the simulator's
   * tokens live under the renewal margin, so every run renews).
   */
  void refresh(int kills, URI simulator, boolean singleUse) throws Exception {
    String name =
        singleUse
            ? "kill -9 during refresh (single-use tokens)"
            : "kill -9 during refresh (reusable tokens)";
    Tally.Row row = tally.row(name);
    Path home =
        Files.createDirectories(
            target.work.resolve(singleUse ? "kill-refresh-single" : "kill-refresh"));
    Map<String, String> env = target.env(home);
    env.putAll(io.adoconnect.bench.SimulatorEnv.endpoints(simulator));
    String account = signIn(env, home);
    long range = measure(env, null, "test", account);
    int lost = 0;
    for (int kill = 0; kill < kills; kill++) {
      List<String> before = accountIds(home);
      killAtRandom("kill-refresh", range, env, null, "test", account);
      boolean intact = check(singleUse ? null : row, home, before, "refresh kill " + kill);
      String failure = works(home, env, account);
      if (failure != null) {
        lost++;
        if (singleUse) {
          row.survived();
          account = signIn(env, home);
          continue;
        }
        row.attempt(false, "kill " + kill + ": the session was lost: " + failure);
        account = signIn(env, home);
      } else if (singleUse) {
        row.attempt(intact, "kill " + kill + ": store damaged");
      }
    }
    row.notes.add(
        kills
            + " kills within the "
            + range
            + " ms an account test takes (it renews the token first); sessions lost: "
            + lost
            + (singleUse
                ? " (reported, not gated: a single-use token used in the window is gone)"
                : ""));
  }

  /**
   * Whether the stored session still works: the account tested in this process (which renews its
   * token as the CLI would); the failure, or null.
   */
  private static String works(Path home, Map<String, String> env, String account) {
    try (AdoConnect ado = AdoConnect.open(ConnectSettings.fromEnvironment(home, env))) {
      ado.test(account);
      return null;
    } catch (AdoConnectException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /** Signs in with the device flow (the simulator approves by itself); the account id. */
  private String signIn(Map<String, String> env, Path home) throws Exception {
    Launcher.Result signed =
        target.launcher.run("connect-device", env, null, "connect", "device", "--new");
    if (signed.exit() != 0) {
      throw new IllegalStateException("connect device failed: " + signed.output());
    }
    List<String> ids = accountIds(home);
    if (ids.size() != 1) {
      throw new IllegalStateException("expected one account after signing in, found " + ids);
    }
    return ids.get(0);
  }

  private static List<String> accountIds(Path home) {
    if (!Files.exists(home.resolve("ado-connect.db"))) {
      return List.of();
    }
    try (Store store = Store.open(home)) {
      return store.accounts().stream().map(Account::id).toList();
    }
  }

  /**
   * The store after a kill: integrity, and every account that was there before still there,
   * connected, with its credentials decrypting. Records an attempt on {@code row} (when not null).
   */
  private boolean check(Tally.Row row, Path home, List<String> before, String context)
      throws Exception {
    String problem = problem(home, before);
    if (row != null) {
      row.attempt(problem == null, context + ": " + problem);
    }
    return problem == null;
  }

  private static String problem(Path home, List<String> before) {
    Path db = home.resolve("ado-connect.db");
    if (!Files.exists(db)) {
      return before.isEmpty() ? null : "the store is gone";
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      r.next();
      if (!r.getString(1).equals("ok")) {
        return "corrupt store: " + r.getString(1);
      }
    } catch (Exception e) {
      return "the store cannot be read: " + e.getMessage();
    }
    try (Store store = Store.open(home)) {
      Vault vault =
          before.isEmpty()
              ? null
              : Keyring.open(new KeyFileSource(home.resolve("key")), store.dataKeys())
                  .vault(store.owner());
      for (String id : before) {
        Optional<Account> account = store.findAccount(id);
        if (account.isEmpty()) {
          return "account " + id + " was lost";
        }
        if (account.get().status() != AccountStatus.CONNECTED) {
          return "account " + id + " is " + account.get().status();
        }
        boolean any = false;
        for (SecretKind kind : List.of(SecretKind.PAT, SecretKind.REFRESH_TOKEN)) {
          Optional<byte[]> sealed = store.sealedSecret(id, kind);
          if (sealed.isPresent()) {
            Secret secret = vault.unseal(sealed.get(), id);
            any |= !secret.reveal().isEmpty();
          }
        }
        if (!any) {
          return "account " + id + " has no credential left";
        }
      }
      store.sources();
    } catch (RuntimeException e) {
      return "the store does not open: " + e;
    }
    return null;
  }
}
