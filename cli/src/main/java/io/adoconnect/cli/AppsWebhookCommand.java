package io.adoconnect.cli;

import io.adoconnect.auth.Secret;
import io.adoconnect.connect.Applications;
import io.adoconnect.store.ApplicationRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ado-connect apps webhook set|remove}, {@code apps deliveries} and {@code apps audit}:
 * where an application's events go, how their delivery went, and what it did for its end users.
 * Operator commands, like the rest of {@code apps}.
 */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    description =
        "An application's webhook: signed messages (Standard Webhooks) when its users connect,"
            + " need to reconnect or disconnect, add or remove sources, and for every Azure DevOps"
            + " event once re-checked.",
    subcommands = {AppsWebhookCommand.Set.class, AppsWebhookCommand.Remove.class})
final class AppsWebhookCommand extends SubcommandRequired {

  static void printSecret(CliContext ctx, Secret secret) {
    ctx.out().printf("  webhook signing secret: %s%n", secret.reveal());
    ctx.err()
        .println(
            "Store the signing secret now: it is not shown again. Verify each delivery's"
                + " webhook-signature with it (any Standard Webhooks library does).");
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description =
          "Set or replace the webhook URL with a new signing secret (shown once); the old secret"
              + " stops signing at once.")
  static final class Set implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(index = "0", paramLabel = "APP", description = "The application id.")
    String application;

    @Parameters(
        index = "1",
        paramLabel = "URL",
        description =
            "Where its events go. Must be a public address unless ADO_CONNECT_ALLOWED_TARGETS"
                + " names it.")
    String url;

    Set(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = AppsCommand.open(ctx, common)) {
        Applications.NewWebhook webhook = apps.setWebhook(application, url);
        if (output.json) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("application", webhook.application());
          body.put("webhookSecret", webhook.secret().reveal());
          Output.json(ctx.out(), body);
        } else {
          ctx.out()
              .printf(
                  "Webhook of application %s set to %s%n",
                  webhook.application().id(), webhook.application().webhookUrl());
          printSecret(ctx, webhook.secret());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove the webhook: no message is queued for the application from now on.")
  static final class Remove implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin CommonOptions common;
    @Mixin JsonOption output;

    @Parameters(paramLabel = "APP", description = "The application id.")
    String application;

    Remove(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      try (Applications apps = AppsCommand.open(ctx, common)) {
        ApplicationRecord app = apps.removeWebhook(application);
        if (output.json) {
          Output.json(ctx.out(), app);
        } else {
          ctx.out().printf("Application %s has no webhook now.%n", app.id());
        }
        return ExitCodes.OK;
      }
    }
  }
}
