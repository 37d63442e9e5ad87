package io.adoconnect.cli;

import io.adoconnect.OrganizationNotSupportedException;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ListingFreshness;
import io.adoconnect.connect.ListingSummary;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ado-connect repos}: every cloneable Git repository across the connected organizations. */
@Command(
    name = "repos",
    mixinStandardHelpOptions = true,
    description = {
      "List the Git repositories you can clone, across organizations, sorted by organization/project/name.",
      "Repositories without a clone URL (empty) and disabled ones are left out.",
      "A complete listing is kept in the store and used again, without asking Azure DevOps, for"
          + " the same command within --max-age (default 10m) while the connected accounts stay"
          + " the same and no repository event arrived; --refresh (or ADO_CONNECT_REPOS_CACHE=off)"
          + " always asks."
    })
public final class ReposCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption output;

  @Option(names = "--account", paramLabel = "ID", description = "Only this account (default: all).")
  String account;

  @Option(
      names = "--org",
      paramLabel = "ORG",
      description = "Only this organization or collection.")
  String organization;

  @Option(
      names = "--refresh",
      description = "Ask Azure DevOps now, even when a kept listing is fresh.")
  boolean refresh;

  @Option(
      names = "--max-age",
      paramLabel = "DURATION",
      description = "Use a kept listing younger than this (90s, 30m, 2h; default 10m).")
  String maxAge;

  public ReposCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  private ListingFreshness freshness() {
    if (refresh || "off".equalsIgnoreCase(ctx.env().get("ADO_CONNECT_REPOS_CACHE"))) {
      return ListingFreshness.REFRESH;
    }
    return new ListingFreshness(
        maxAge == null ? ListingFreshness.DEFAULT_MAX_AGE : DurationOption.parse(maxAge));
  }

  private static String ago(Duration age) {
    long seconds = Math.max(0, age.toSeconds());
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }

  @Override
  public Integer call() {
    try (AdoConnect ado = Commands.open(ctx, common)) {
      ProgressLine progress = ctx.interactive() ? new ProgressLine(ctx.err()) : null;
      // --json streams one organization at a time (100,000 repositories in a small heap); the
      // table needs every row for its column widths, so it collects them.
      JsonArrayStream json = output.json ? new JsonArrayStream(ctx.out()) : null;
      List<DiscoveredRepository> rows = new ArrayList<>();
      ListingSummary listing;
      try {
        listing =
            ado.repositories(
                Optional.ofNullable(account),
                Optional.ofNullable(organization),
                progress == null ? DiscoveryListener.NONE : progress,
                freshness(),
                json != null ? json : (org, found) -> rows.addAll(found));
      } finally {
        if (progress != null) {
          progress.finish();
        }
      }
      if (json != null) {
        json.finish();
      } else {
        // Several accounts (two Servers' DefaultCollection, say): say which account found each,
        // the id that --account takes.
        boolean severalAccounts =
            rows.stream().map(DiscoveredRepository::account).distinct().count() > 1;
        Output.table(
            ctx.out(),
            severalAccounts
                ? List.of("REPOSITORY", "DEFAULT BRANCH", "CLONE URL", "ACCOUNT")
                : List.of("REPOSITORY", "DEFAULT BRANCH", "CLONE URL"),
            rows.stream()
                .map(
                    r ->
                        severalAccounts
                            ? List.of(
                                r.path(),
                                Output.orDash(r.defaultBranch()),
                                r.cloneUrl(),
                                r.account())
                            : List.of(r.path(), Output.orDash(r.defaultBranch()), r.cloneUrl()))
                .toList());
        ctx.err().printf("%d repositories.%n", listing.repositories());
        listing
            .keptFrom()
            .ifPresent(
                at ->
                    ctx.err()
                        .printf(
                            "Listed %s ago (kept from %s); ado-connect repos --refresh asks Azure"
                                + " DevOps again.%n",
                            ago(Duration.between(at, Instant.now())),
                            at.truncatedTo(ChronoUnit.SECONDS)));
      }
      int exit = ExitCodes.OK;
      for (DiscoveryResult.Failure failure : listing.failures()) {
        // An organization this sign-in can never reach is a fact to report, not a failed run.
        boolean notSupported = failure.error() instanceof OrganizationNotSupportedException;
        ctx.err()
            .printf(
                "%s: organization %s was skipped: %s%n",
                notSupported ? "note" : "warning",
                failure.organization(),
                failure.error().getMessage());
        if (NextStepCommand.hint(failure.error().nextStep()) != null) {
          ctx.err().println("hint: " + NextStepCommand.hint(failure.error().nextStep()));
        }
        if (!notSupported && exit == ExitCodes.OK) {
          exit = ExitCodes.of(failure.error());
        }
      }
      return exit;
    }
  }
}
