package io.adoconnect.cli;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;

/** Opens the use cases for a command, with its data dir and the environment. */
final class Commands {
  private Commands() {}

  static AdoConnect open(CliContext ctx, CommonOptions common) {
    return AdoConnect.open(
        ConnectSettings.fromEnvironment(
            common.dataDir(ctx), ctx.env(), new RetryNotices(ctx.err())));
  }
}
