package io.adoconnect.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment that points an ado-connect process at a simulator, with its own home and key. */
public final class SimulatorEnv {
  private SimulatorEnv() {}

  /** Azure DevOps, the profile host, the release host and Entra ID all at {@code simulator}. */
  public static Map<String, String> endpoints(URI simulator) {
    String base = simulator.toString();
    Map<String, String> env = new HashMap<>();
    env.put("ADO_CONNECT_DEVOPS_URL", base);
    env.put("ADO_CONNECT_VSSPS_URL", base);
    env.put("ADO_CONNECT_VSRM_URL", base);
    env.put("ADO_CONNECT_LOGIN_URL", base);
    return env;
  }

  /** {@link #endpoints}, a data directory {@code home} and the key file inside it. */
  public static Map<String, String> of(URI simulator, Path home) {
    Map<String, String> env = endpoints(simulator);
    env.put("ADO_CONNECT_HOME", home.toString());
    env.put("ADO_CONNECT_KEY_FILE", home.resolve("key").toString());
    return env;
  }
}
