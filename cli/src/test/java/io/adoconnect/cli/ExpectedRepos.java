package io.adoconnect.cli;

import static io.adoconnect.simulator.http.PathCodec.encodeSegment;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@code repos --json} must list, computed from the simulator's Dataset: every repository that
 * has a remote URL and is not disabled, with the URLs the simulator serves (see its CloneUrls),
 * sorted by organization/project/name ignoring case.
 */
record ExpectedRepos(
    String organization,
    String project,
    String name,
    String id,
    String defaultBranch,
    String webUrl,
    String sshUrl,
    String cloneUrl,
    long size) {

  static final Comparator<ExpectedRepos> ORDER =
      Comparator.comparing((ExpectedRepos r) -> r.organization.toLowerCase(Locale.ROOT))
          .thenComparing(r -> r.project.toLowerCase(Locale.ROOT))
          .thenComparing(r -> r.name.toLowerCase(Locale.ROOT))
          .thenComparing(ExpectedRepos::path)
          .thenComparing(ExpectedRepos::id);

  String path() {
    return organization + "/" + project + "/" + name;
  }

  /** Cloneable repositories of Services organizations. */
  static List<ExpectedRepos> services(Simulator simulator, String... organizations) {
    List<ExpectedRepos> all = new ArrayList<>();
    for (String name : organizations) {
      Collection org = simulator.dataset().organization(name).orElseThrow();
      for (Repository r : cloneable(org)) {
        String base = simulator.baseUri().toString();
        String git = gitPath(r);
        all.add(
            new ExpectedRepos(
                org.name(),
                r.project().name(),
                r.name(),
                r.id().toString(),
                r.defaultBranch(),
                base + "/" + org.name() + git,
                "git@ssh."
                    + simulator.baseUri().getHost()
                    + ":v3/"
                    + encodeSegment(org.name())
                    + "/"
                    + encodeSegment(r.project().name())
                    + "/"
                    + encodeSegment(r.name()),
                "http://"
                    + encodeSegment(org.name())
                    + "@"
                    + simulator.baseUri().getRawAuthority()
                    + "/"
                    + org.name()
                    + git,
                r.size()));
      }
    }
    all.sort(ORDER);
    return all;
  }

  /**
   * Cloneable repositories of the Server collection served under {@code basePath} (e.g.
   * /tfs/DefaultCollection).
   */
  static List<ExpectedRepos> server(Simulator simulator, String basePath) {
    Collection collection = simulator.dataset().serverCollection();
    List<ExpectedRepos> all = new ArrayList<>();
    for (Repository r : cloneable(collection)) {
      String url = simulator.baseUri() + basePath + gitPath(r);
      all.add(
          new ExpectedRepos(
              collection.name(),
              r.project().name(),
              r.name(),
              r.id().toString(),
              r.defaultBranch(),
              url,
              "ssh://"
                  + simulator.baseUri().getHost()
                  + ":22"
                  + basePath
                  + "/"
                  + encodeSegment(r.project().name())
                  + "/_git/"
                  + encodeSegment(r.name()),
              url,
              r.size()));
    }
    all.sort(ORDER);
    return all;
  }

  static List<Repository> cloneable(Collection collection) {
    return collection.repositories().stream().filter(Repository::cloneable).toList();
  }

  private static String gitPath(Repository r) {
    String repo = encodeSegment(r.name());
    return r.name().equals(r.project().name())
        ? "/_git/" + repo
        : "/" + encodeSegment(r.project().name()) + "/_git/" + repo;
  }

  /** {@code repos --json} output as records, in printed order. */
  static List<ExpectedRepos> parse(JsonNode array) {
    List<ExpectedRepos> repos = new ArrayList<>();
    for (JsonNode n : array) {
      repos.add(
          new ExpectedRepos(
              text(n, "organization"),
              text(n, "project"),
              text(n, "name"),
              text(n, "id"),
              text(n, "defaultBranch"),
              text(n, "webUrl"),
              text(n, "sshUrl"),
              text(n, "cloneUrl"),
              n.path("size").asLong(-1)));
    }
    return repos;
  }

  static List<ExpectedRepos> concat(List<ExpectedRepos> a, List<ExpectedRepos> b) {
    return Stream.concat(a.stream(), b.stream()).sorted(ORDER).toList();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
