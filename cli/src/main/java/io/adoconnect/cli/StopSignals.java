package io.adoconnect.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT handed to the service as a request to stop: without a handler the JVM runs its
 * shutdown hooks and exits with 143 (130 for Ctrl-C), which an orchestrator reads as a failure;
 * with one, {@code serve} drains, stops and exits 0. {@code sun.misc.Signal} is the JDK's supported
 * way ({@code jdk.unsupported}) to do it; where a signal can't be handled the shutdown hook still
 * stops the service.
 */
final class StopSignals {
  private StopSignals() {}

  static void onTermOrInterrupt(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> stop.run());
      } catch (IllegalArgumentException unavailable) {
        // e.g. the JVM was started with -Xrs, or the OS has no such signal: the hook stops it
      }
    }
  }
}
