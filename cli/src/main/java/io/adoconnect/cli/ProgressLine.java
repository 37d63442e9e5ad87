package io.adoconnect.cli;

import io.adoconnect.AdoConnectException;
import io.adoconnect.discovery.DiscoveryListener;
import java.io.PrintStream;
import java.util.List;

/**
 * A one-line progress bar on stderr, redrawn in place; used only when stderr is a terminal so piped
 * output and logs stay clean.
 */
final class ProgressLine implements DiscoveryListener {
  private static final int WIDTH = 24;
  private final PrintStream err;
  private int repositories;

  ProgressLine(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void started(List<String> organizations) {
    draw(0, organizations.size());
  }

  @Override
  public synchronized void organizationDone(String organization, int found, int done, int total) {
    repositories += found;
    draw(done, total);
  }

  @Override
  public synchronized void organizationFailed(
      String organization, AdoConnectException failure, int done, int total) {
    draw(done, total);
  }

  /** Clears the line so the table starts on a clean one. */
  synchronized void finish() {
    err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
    err.flush();
  }

  private void draw(int done, int total) {
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    err.printf(
        "\r[%s%s] %d/%d organizations, %d repositories",
        "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, repositories);
    err.flush();
  }
}
