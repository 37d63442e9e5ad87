package io.adoconnect.discovery;

import io.adoconnect.AdoConnectException;
import java.util.List;

/** Progress of a discovery, called from worker threads; implementations must be thread-safe. */
public interface DiscoveryListener {
  DiscoveryListener NONE = new DiscoveryListener() {};

  /** The organizations that will be searched, before any is. */
  default void started(List<String> organizations) {}

  /** One organization finished; {@code done} of {@code total} are finished now. */
  default void organizationDone(String organization, int repositories, int done, int total) {}

  default void organizationFailed(
      String organization, AdoConnectException failure, int done, int total) {}
}
