package io.adoconnect.simulator.data;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only view of everything the simulator serves, generated deterministically by {@link
 * #generate(int, int, int, long)}. The same arguments always give the same names and ids.
 *
 * <h2>Rules tests can rely on</h2>
 *
 * <ul>
 *   <li>Organizations are named {@code org-001}, {@code org-002}, …; the Server collection is
 *       {@code DefaultCollection}. Each has {@code projects} projects and draws names and ids from
 *       its own seed stream, so the Server collection differs from every organization.
 *   <li>Project {@code p} (0-based) takes its name from a category chosen by {@code p % 4}: names
 *       with spaces ("Mobile App"), with dots/dashes/underscores ("web.api"), non-ASCII ("Zürich
 *       Payments", "日本語", "Café"), and lower/mixed case ("alpha", "Beta"). Names are unique per
 *       collection, case-insensitively.
 *   <li>Project {@code p} with {@code p % 5 == 3} is a TFVC project: it has no Git repositories.
 *   <li>Every other project has exactly {@code repos} repositories. In projects with even {@code p}
 *       the first repository is named exactly like the project (its clone URL then omits the
 *       project segment, as the real service does). Other repository names vary like project names.
 *   <li>With {@code k} the 0-based position of a repository in {@link Collection#repositories()}:
 *       {@code k % 7 == 3} never pushed (no remoteUrl/sshUrl/webUrl, no defaultBranch, size 0);
 *       {@code k % 7 == 5} disabled; {@code k % 7 == 6} empty (URLs present, no defaultBranch, size
 *       0). Everything else has {@code refs/heads/main} (or {@code refs/heads/master} when {@code k
 *       % 4 == 1}). No repository is in maintenance.
 *   <li>Ids are name-based UUIDs of (seed, collection, kind, index): they do not change when other
 *       size parameters change.
 * </ul>
 */
public record Dataset(
    SimulatedUser user, List<Collection> organizations, Collection serverCollection) {

  public Dataset {
    organizations = List.copyOf(organizations);
  }

  /** Generates the dataset; see the class documentation for the rules. */
  public static Dataset generate(int organizations, int projects, int repos, long seed) {
    return new DatasetGenerator(projects, repos, seed).generate(organizations);
  }

  /**
   * The same data with another {@code instanceId} for the Server collection: what tells two Servers
   * apart whose collections have the same name (every Server's default is {@code
   * DefaultCollection}).
   */
  public Dataset withServerInstanceId(UUID instanceId) {
    Collection server = serverCollection;
    return new Dataset(
        user,
        organizations,
        new Collection(
            server.name(),
            server.deployment(),
            instanceId,
            server.projects(),
            server.repositories()));
  }

  /** Finds an organization by name, case-insensitively. */
  public Optional<Collection> organization(String name) {
    return organizations.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
  }
}
