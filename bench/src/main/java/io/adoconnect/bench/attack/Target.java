package io.adoconnect.bench.attack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every attack works against: the simulator (Azure DevOps and Entra) and the service, each an
 * {@code ./ado-connect} process, and the canaries — every secret the run handed out, which no file,
 * output or answer may contain.
 */
final class Target {
  /** The PAT the simulator accepts, in the shape of a real one. */
  static final String CANARY_PAT = "attackcanarypat5q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k";

  final Path work;
  final Launcher launcher;

  /** The simulator the services and commands talk to (set once it listens). */
  URI simulator;

  final Set<String> canaries = ConcurrentHashMap.newKeySet();

  /** Canaries and the one answer that handed each out (where it belongs, so no leak). */
  final Map<String, Http.Answer> issuedBy = new ConcurrentHashMap<>();

  /** Canaries shown once, on purpose, in one process's output (a key as it is created). */
  final Map<String, Path> shownIn = new ConcurrentHashMap<>();

  /** Every answer any service gave during the run. */
  final List<Http.Answer> answers = new CopyOnWriteArrayList<>();

  Target(Path work, Launcher launcher) {
    this.work = work;
    this.launcher = launcher;
    canaries.add(CANARY_PAT);
  }

  /** The environment of an ado-connect process on {@code home} talking to the simulator. */
  Map<String, String> env(Path home) {
    return io.adoconnect.bench.SimulatorEnv.of(simulator, home);
  }
}
