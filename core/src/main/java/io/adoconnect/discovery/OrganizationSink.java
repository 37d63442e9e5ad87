package io.adoconnect.discovery;

import java.util.List;

/**
 * Takes a listing one organization at a time, in {@link DiscoveredRepository#ORDER}, so that a
 * front-end can print (and the store keep) 100,000 repositories without holding them all.
 */
@FunctionalInterface
public interface OrganizationSink {
  /**
   * The repositories of the next organization, sorted; empty when it has none. Organizations named
   * alike on different hosts (two Servers' {@code DefaultCollection}) come in one call, because the
   * sort order interleaves their projects. Called from one thread, in order.
   *
   * @param organization the organization's name (as the first of those named alike spells it; in
   *     lower case when read back from the store)
   */
  void accept(String organization, List<DiscoveredRepository> repositories);
}
