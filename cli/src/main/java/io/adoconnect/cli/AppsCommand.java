package io.adoconnect.cli;

import io.adoconnect.connect.Applications;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.net.AddressPolicy;
import io.adoconnect.net.AllowedTargets;
import io.adoconnect.net.Resolver;
import io.adoconnect.store.ApiKeyRecord;
import io.adoconnect.store.ApplicationRecord;
import io.adoconnect.store.StoreLocation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect apps create|list|revoke|keys}: the operator's commands for a team deployment,
 * run on its host against its data directory — never over the API, so a leaked application key
 * can't mint itself more.
 */
@Command(
    name = "apps",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the applications a team deployment (serve --team) serves and their API keys.",
      "Run on the deployment's host with its data directory; a key is shown once, when created,"
          + " and stored only as a hash."
    },
    subcommands = {
      AppsCommand.Create.class,
      AppsCommand.ListApps.class,
      AppsCommand.Revoke.class,
      AppsCommand.Keys.class,
      AppsWebhookCommand.class,
      AppsLogCommands.Deliveries.class,
      AppsLogCommands.Audit.class
    })
public final class AppsCommand extends SubcommandRequired {

  static Applications open(CliContext ctx, CommonOptions common) {
    AddressPolicy policy =
        new AddressPolicy(
            AllowedTargets.parse(ctx.env().get(AddressPolicy.SETTING), AddressPolicy.SETTING),
            Resolver.SYSTEM);
    ConnectSettings settings =
        ConnectSettings.fromEnvironment(
            common.dataDir(ctx), ctx.env(), new RetryNotices(ctx.err()));
    return Applications.open(
        StoreLocation.fromEnvironment(common.dataDir(ctx), ctx.env()),
        settings.keySource(),
        policy,
        Clock.systemUTC());
  }

  /** What {@code create} and {@code keys create} print with {@code --json}: the key, once. */
  static Map<String, Object> newKey(Applications.NewKey created) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("application", created.application());
    body.put("keyId", created.keyId());
    body.put("key", created.key().reveal());
    if (created.webhookSecret() != null) {
      body.put("webhookSecret", created.webhookSecret().reveal());
    }
    return body;
  }

  static void printKey(CliContext ctx, Applications.NewKey created) {
    ctx.out().printf("  key id: %s%n  key:    %s%n", created.keyId(), created.key().reveal());
    ctx.err()
        .println(
            "Store the key now: it is not shown again. The application sends it as Authorization:"
                + " Bearer <key>.");
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an application and its first API key (shown once).")
  static final class Create implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "NAME", description = "What to call it (unique).")
    String name;

    @Option(
        names = "--webhook-url",
        paramLabel = "URL",
        description =
            "Where its events go, signed (Standard Webhooks; the signing secret is shown once)."
                + " Must be a public address unless ADO_CONNECT_ALLOWED_TARGETS names it.")
    String webhookUrl;

    Create(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = open(ctx, common)) {
        Applications.NewKey created = apps.create(name, Optional.ofNullable(webhookUrl));
        if (output.json) {
          Output.json(ctx.out(), newKey(created));
        } else {
          ctx.out()
              .printf(
                  "Created application %s (id %s)%n",
                  created.application().name(), created.application().id());
          printKey(ctx, created);
          if (created.webhookSecret() != null) {
            AppsWebhookCommand.printSecret(ctx, created.webhookSecret());
          }
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the applications and their keys (never a key itself).")
  static final class ListApps implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    ListApps(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = open(ctx, common)) {
        Output.list(
            ctx,
            output,
            apps.list(),
            "No applications yet. Create one: ado-connect apps create NAME",
            List.of("ID", "NAME", "STATUS", "KEYS", "WEBHOOK URL"),
            view -> {
              ApplicationRecord app = view.application();
              long live = view.keys().stream().filter(k -> !k.revoked()).count();
              return List.of(
                  app.id(),
                  app.name(),
                  app.revoked() ? "revoked" : "active",
                  live + " active of " + view.keys().size(),
                  Output.orDash(app.webhookUrl()));
            });
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke an application: all its keys stop working at once.")
  static final class Revoke implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "APP", description = "The application id (see ado-connect apps list).")
    String application;

    Revoke(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = open(ctx, common)) {
        ApplicationRecord revoked = apps.revoke(application);
        if (output.json) {
          Output.json(ctx.out(), revoked);
        } else {
          ctx.out()
              .printf(
                  "Revoked application %s (id %s); its keys no longer work.%n",
                  revoked.name(), revoked.id());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "An application's API keys: several at once, so they can be rotated.",
      subcommands = {KeysCreate.class, KeysList.class, KeysRevoke.class})
  static final class Keys extends SubcommandRequired {}

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Add an API key to an application (shown once); the others keep working.")
  static final class KeysCreate implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "APP", description = "The application id.")
    String application;

    KeysCreate(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = open(ctx, common)) {
        Applications.NewKey created = apps.createKey(application);
        if (output.json) {
          Output.json(ctx.out(), newKey(created));
        } else {
          ctx.out().printf("New key for application %s%n", created.application().id());
          printKey(ctx, created);
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List an application's keys: id, created, revoked.")
  static final class KeysList implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "APP", description = "The application id.")
    String application;

    KeysList(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = open(ctx, common)) {
        Output.list(
            ctx,
            output,
            apps.get(application).keys(),
            "The application has no keys.",
            List.of("KEY ID", "CREATED", "REVOKED"),
            k -> List.of(k.id(), k.createdAt().toString(), Output.orDash(k.revokedAt())));
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke one API key; the application's other keys keep working.")
  static final class KeysRevoke implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(index = "0", paramLabel = "APP", description = "The application id.")
    String application;

    @Parameters(index = "1", paramLabel = "KEY_ID", description = "The key id (apps keys list).")
    String keyId;

    KeysRevoke(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = open(ctx, common)) {
        ApiKeyRecord revoked = apps.revokeKey(application, keyId);
        if (output.json) {
          Output.json(ctx.out(), revoked);
        } else {
          ctx.out()
              .printf("Revoked key %s of application %s.%n", revoked.id(), revoked.applicationId());
        }
        return ExitCodes.OK;
      }
    }
  }
}
