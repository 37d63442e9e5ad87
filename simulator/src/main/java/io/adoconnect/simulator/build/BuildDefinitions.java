package io.adoconnect.simulator.build;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The definitions of each organization, derived from its repositories alone (so the same dataset
 * seed always gives the same ids and names): in every Git project, each repository that can be
 * cloned and has a default branch gets {@code <repo>-CI} in the root folder, at most three a
 * project; the first of them also gets {@code <repo>-nightly} in {@code \scheduled}. Ids count up
 * from 1 per organization, in project order.
 */
public final class BuildDefinitions {
  static final int PER_PROJECT = 3;

  private final Map<String, List<BuildDefinition>> byCollection = new ConcurrentHashMap<>();

  /** Every definition of {@code collection}, by id. */
  public List<BuildDefinition> of(Collection collection) {
    return byCollection.computeIfAbsent(collection.name(), name -> generate(collection));
  }

  /** The definitions of one project, by id. */
  public List<BuildDefinition> of(Collection collection, Project project) {
    return of(collection).stream().filter(d -> d.project().id().equals(project.id())).toList();
  }

  /** The definition {@code id} in {@code project}. */
  public Optional<BuildDefinition> find(Collection collection, Project project, int id) {
    return of(collection, project).stream().filter(d -> d.id() == id).findFirst();
  }

  private static List<BuildDefinition> generate(Collection collection) {
    List<BuildDefinition> all = new ArrayList<>();
    for (Project project : collection.projects()) {
      List<Repository> buildable =
          collection.repositoriesOf(project).stream()
              .filter(Repository::cloneable)
              .filter(r -> r.defaultBranch() != null)
              .limit(PER_PROJECT)
              .toList();
      for (Repository repository : buildable) {
        int id = all.size() + 1;
        all.add(
            new BuildDefinition(
                id, repository.name() + "-CI", "\\", 1 + id % 5, project, repository));
      }
      if (!buildable.isEmpty()) {
        int id = all.size() + 1;
        Repository first = buildable.get(0);
        all.add(
            new BuildDefinition(
                id, first.name() + "-nightly", "\\scheduled", 1 + id % 5, project, first));
      }
    }
    return List.copyOf(all);
  }
}
