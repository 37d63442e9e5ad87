package io.adoconnect.simulator.data;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Builds a {@link Dataset} following the rules documented there. */
final class DatasetGenerator {

  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private final int projectsPerCollection;
  private final int reposPerProject;
  private final long seed;

  DatasetGenerator(int projectsPerCollection, int reposPerProject, long seed) {
    this.projectsPerCollection = projectsPerCollection;
    this.reposPerProject = reposPerProject;
    this.seed = seed;
  }

  Dataset generate(int organizations) {
    List<Collection> orgs = new ArrayList<>();
    for (int i = 1; i <= organizations; i++) {
      orgs.add(
          collection(String.format(Locale.ROOT, "org-%03d", i), Deployment.SERVICES, "org/" + i));
    }
    Collection server =
        collection("DefaultCollection", Deployment.SERVER, "server/DefaultCollection");
    return new Dataset(user(), orgs, server);
  }

  private SimulatedUser user() {
    return new SimulatedUser(
        uuid("user"),
        "Simulated User",
        "simulated.user@example.com",
        "SIMULATOR\\simuser",
        uuid("tenant"));
  }

  private Collection collection(String name, Deployment deployment, String stream) {
    Random random = new Random(seed * 1_000_003L + stream.hashCode());
    Set<String> projectNames = new HashSet<>();
    List<Project> projects = new ArrayList<>();
    List<Repository> repositories = new ArrayList<>();
    for (int p = 0; p < projectsPerCollection; p++) {
      Project project = project(stream, p, random, projectNames);
      projects.add(project);
      if (!project.tfvc()) {
        addRepositories(stream, p, project, random, repositories);
      }
    }
    return new Collection(name, deployment, uuid(stream + "/instance"), projects, repositories);
  }

  private Project project(String stream, int p, Random random, Set<String> taken) {
    List<String> pool = NamePools.PROJECTS.get(p % NamePools.PROJECTS.size());
    String name = unique(pool.get(random.nextInt(pool.size())), " " + (p + 1), taken);
    String description = p % 3 == 2 ? null : "The " + name + " project.";
    String visibility = p % 6 == 5 ? "public" : "private";
    Instant updated =
        EPOCH.plusSeconds(random.nextInt(365 * 24 * 3600)).plusMillis(random.nextInt(1000));
    return new Project(
        uuid(stream + "/project/" + p),
        name,
        description,
        400_000_000L + random.nextInt(50_000_000),
        visibility,
        updated,
        p % 5 == 3);
  }

  private void addRepositories(
      String stream, int p, Project project, Random random, List<Repository> out) {
    Set<String> taken = new HashSet<>();
    for (int r = 0; r < reposPerProject; r++) {
      int k = out.size();
      String candidate = r == 0 && p % 2 == 0 ? project.name() : repositoryName(p + r, random);
      String name = unique(candidate, "-" + (r + 1), taken);
      boolean neverPushed = k % 7 == 3;
      boolean empty = neverPushed || k % 7 == 6;
      String defaultBranch = empty ? null : k % 4 == 1 ? "refs/heads/master" : "refs/heads/main";
      long size = empty ? 0 : 10_240L + random.nextInt(50 * 1024 * 1024);
      out.add(
          new Repository(
              uuid(stream + "/repo/" + k),
              name,
              project,
              defaultBranch,
              size,
              k % 7 == 5,
              false,
              !neverPushed));
    }
  }

  private static String repositoryName(int category, Random random) {
    String word = NamePools.WORDS.get(random.nextInt(NamePools.WORDS.size()));
    String lower = word.toLowerCase(Locale.ROOT);
    return switch (category % 5) {
      case 0 -> word + " Service";
      case 1 -> lower + ".api";
      case 2 -> lower + "_worker-" + (1 + random.nextInt(9));
      case 3 -> NamePools.UNICODE_REPOS.get(random.nextInt(NamePools.UNICODE_REPOS.size()));
      default -> random.nextBoolean() ? lower : word;
    };
  }

  /** Azure DevOps names are unique case-insensitively; append {@code suffix} until this one is. */
  private static String unique(String candidate, String suffix, Set<String> taken) {
    String name = candidate;
    while (!taken.add(name.toLowerCase(Locale.ROOT))) {
      name = name + suffix;
    }
    return name;
  }

  private UUID uuid(String key) {
    return UUID.nameUUIDFromBytes((seed + "/" + key).getBytes(StandardCharsets.UTF_8));
  }
}
