package io.adoconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.simulator.Simulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs ado-connect commands in-process ({@link Main#run}) against a simulator, with a fake
 * environment, fake stdin and captured stdout/stderr. Every run is kept so a test can scan all
 * output afterwards.
 */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper();

  final Simulator simulator;
  final Path dataDir;
  final Path keyFile;
  private final Map<String, String> baseEnv = new HashMap<>();
  private final List<Run> runs = Collections.synchronizedList(new ArrayList<>());

  Cli(Simulator simulator, Path dir) {
    this.simulator = simulator;
    this.dataDir = dir.resolve("data");
    this.keyFile = dir.resolve("keys").resolve("key");
    String base = simulator.baseUri().toString();
    baseEnv.put("ADO_CONNECT_DEVOPS_URL", base);
    baseEnv.put("ADO_CONNECT_VSSPS_URL", base);
    baseEnv.put("ADO_CONNECT_VSRM_URL", base);
    baseEnv.put("ADO_CONNECT_LOGIN_URL", base);
    baseEnv.put("ADO_CONNECT_KEY_FILE", keyFile.toString());
  }

  /** The environment commands run with (the simulator's URLs, the key file). */
  Map<String, String> env() {
    return Map.copyOf(baseEnv);
  }

  String pat() {
    return simulator.config().pat();
  }

  String base() {
    return simulator.baseUri().toString();
  }

  /** Every command run so far through this fixture. */
  List<Run> runs() {
    return List.copyOf(runs);
  }

  /** A command with the default environment, no stdin, not interactive, and {@code --data-dir}. */
  Run run(String... args) {
    return invocation().run(args);
  }

  /** {@code connect pat ARGS} with the simulator's PAT on stdin. */
  Run connect(String... args) {
    return invocation().stdin(pat()).run(concat(new String[] {"connect", "pat"}, args));
  }

  /** Connects and returns the new account id. */
  String connectedAccount(String... args) {
    Run run = connect(concat(args, new String[] {"--json"}));
    run.assertOk();
    return run.json().path("account").path("id").asText();
  }

  Invocation invocation() {
    return new Invocation();
  }

  static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** How one command is run; change what a test needs, then {@link #run}. */
  final class Invocation {
    private final Map<String, String> env = new HashMap<>(baseEnv);
    private byte[] stdin = new byte[0];
    private boolean interactive;
    private CliContext.SecretPrompt prompt =
        p -> {
          throw new AssertionError("unexpected prompt: " + p);
        };
    private boolean withDataDir = true;
    private Predicate<URI> browser =
        uri -> {
          throw new AssertionError("unexpected browser launch: " + uri);
        };

    /** What "opening a browser" does in this run (a test drives the page over HTTP instead). */
    Invocation browser(Predicate<URI> browser) {
      this.browser = browser;
      return this;
    }

    Invocation stdin(String text) {
      this.stdin = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    Invocation env(String name, String value) {
      if (value == null) {
        env.remove(name);
      } else {
        env.put(name, value);
      }
      return this;
    }

    Invocation interactive(CliContext.SecretPrompt prompt) {
      this.interactive = true;
      this.prompt = prompt;
      return this;
    }

    /** Passes the arguments exactly as given (no {@code --data-dir} appended). */
    Invocation raw() {
      this.withDataDir = false;
      return this;
    }

    Run run(String... args) {
      String[] all =
          withDataDir ? concat(args, new String[] {"--data-dir", dataDir.toString()}) : args;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        CliContext ctx =
            new CliContext(
                o,
                e,
                new ByteArrayInputStream(stdin),
                Map.copyOf(env),
                interactive,
                prompt,
                browser);
        exit = Main.run(ctx, all);
      }
      Run run =
          new Run(
              List.of(args),
              exit,
              out.toString(StandardCharsets.UTF_8),
              err.toString(StandardCharsets.UTF_8));
      runs.add(run);
      return run;
    }
  }

  /** What one command did. */
  record Run(List<String> args, int exit, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "stdout of " + args + " is not JSON:\n" + out + "\nstderr:\n" + err, e);
      }
    }

    Run assertOk() {
      return assertExit(0);
    }

    Run assertExit(int expected) {
      if (exit != expected) {
        throw new AssertionError(
            "ado-connect "
                + String.join(" ", args)
                + " exited "
                + exit
                + ", expected "
                + expected
                + "\n--- stdout ---\n"
                + out
                + "--- stderr ---\n"
                + err);
      }
      return this;
    }

    @Override
    public String toString() {
      return "ado-connect "
          + String.join(" ", args)
          + " → "
          + exit
          + "\n--- stdout ---\n"
          + out
          + "--- stderr ---\n"
          + err;
    }
  }
}
