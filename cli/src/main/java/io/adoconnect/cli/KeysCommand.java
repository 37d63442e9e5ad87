package io.adoconnect.cli;

import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.connect.KeyRotation;
import io.adoconnect.store.StoreLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ado-connect keys rotate|status}: the operator's commands for the deployment's master key,
 * run on its host with its database and key source, like {@code apps}. A rotation runs while the
 * service does, and one that was interrupted is finished by running it again.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Rotate the master key that seals every owner's data key, or see where the keys stand.",
      "Run on the deployment's host with its data directory (or ADO_CONNECT_DATABASE_URL) and its"
          + " key source (ADO_CONNECT_KEY_FILE or the OS keychain); the service may keep running."
    },
    subcommands = {KeysCommand.Rotate.class, KeysCommand.Status.class})
public final class KeysCommand extends SubcommandRequired {

  /**
   * Test only: after this many durable changes the rotation stops and waits to be killed, so a test
   * can SIGKILL it at a known point (see KeysRotateKillTest). Never set it in production.
   */
  static final String PAUSE_AFTER = "ADO_CONNECT_TEST_ROTATION_PAUSE_AFTER";

  static KeyRotation open(CliContext ctx, CommonOptions common) {
    Path dataDir = common.dataDir(ctx);
    ConnectSettings settings =
        ConnectSettings.fromEnvironment(dataDir, ctx.env(), new RetryNotices(ctx.err()));
    return KeyRotation.open(
        StoreLocation.fromEnvironment(dataDir, ctx.env()), settings.keySource().get(), dataDir);
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Create a new master key, re-seal every data key under it (and move any secret an older"
            + " release sealed with the master key itself to its owner's data key), then remove the"
            + " old key from the key source.",
        "Safe to interrupt: the new key is saved beside the old one first, and the old one is"
            + " removed only when nothing uses it; run the command again to finish. Progress goes"
            + " to stderr."
      })
  static final class Rotate implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    Rotate(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (KeyRotation rotation = open(ctx, common)) {
        KeyRotation.Result result = rotation.rotate(progress());
        if (output.json) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("newKeyId", result.newKeyId());
          body.put("retiredKeyIds", result.retired().stream().sorted().toList());
          body.put("dataKeysResealed", result.dataKeysResealed());
          body.put("secretsMoved", result.secretsMoved());
          body.put("resumed", result.resumed());
          Output.json(ctx.out(), body);
        } else {
          ctx.out()
              .printf(
                  "%s the master key: new key %d; re-sealed %d data keys, moved %d secrets to their"
                      + " owners' data keys; removed key %s.%n",
                  result.resumed() ? "Finished rotating" : "Rotated",
                  result.newKeyId(),
                  result.dataKeysResealed(),
                  result.secretsMoved(),
                  result.retired().isEmpty()
                      ? "(none left)"
                      : result.retired().stream()
                          .sorted()
                          .map(String::valueOf)
                          .collect(Collectors.joining(", ")));
        }
        return ExitCodes.OK;
      }
    }

    /** "phase: n of m" on stderr, at most about a hundred lines per phase. */
    private KeyRotation.Progress progress() {
      long pauseAfter = pauseAfter();
      return (phase, done, total) -> {
        int step = Math.max(1, total / 100);
        if (done == total || done % step == 0) {
          ctx.err().printf("keys rotate: %s: %d of %d%n", phase, done, total);
        }
        if (done == pauseAfter) {
          ctx.err().printf("keys rotate: paused after change %d (%s)%n", done, PAUSE_AFTER);
          ctx.err().flush();
          waitToBeKilled();
        }
      };
    }

    private long pauseAfter() {
      String value = ctx.env().get(PAUSE_AFTER);
      return value == null || value.isBlank() ? -1 : Long.parseLong(value.strip());
    }

    @SuppressWarnings("InfiniteLoopStatement")
    private static void waitToBeKilled() {
      Object never = new Object();
      synchronized (never) {
        while (true) {
          try {
            never.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused for a test", e);
          }
        }
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Show the master key id(s) in the key source, how many data keys each seals, secrets"
              + " still sealed by the master key itself, and whether a rotation is unfinished.")
  static final class Status implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    Status(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (KeyRotation rotation = open(ctx, common)) {
        KeyRotation.Status status = rotation.status();
        if (output.json) {
          Output.json(ctx.out(), status);
          return ExitCodes.OK;
        }
        ctx.out().printf("Key source:  %s%n", status.keySource());
        ctx.out()
            .printf(
                "Master keys: %s (primary: %d)%n",
                status.masterKeys().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                status.primary());
        if (status.dataKeysByMasterKey().isEmpty()) {
          ctx.out().println("Data keys:   none yet (one is made with each owner's first secret)");
        }
        status
            .dataKeysByMasterKey()
            .forEach(
                (key, count) ->
                    ctx.out()
                        .printf(
                            "Data keys:   %d sealed by master key %d%s%n",
                            count,
                            key,
                            status.masterKeys().contains(key) ? "" : " (not in the key source!)"));
        ctx.out()
            .printf(
                "Secrets sealed by the master key itself: %d%n", status.secretsSealedByMasterKey());
        ctx.out()
            .println(
                status.rotationUnfinished()
                    ? "Rotation:    unfinished; run ado-connect keys rotate to finish it"
                    : "Rotation:    none unfinished");
        return ExitCodes.OK;
      }
    }
  }
}
