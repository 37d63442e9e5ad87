package io.adoconnect.simulator.release;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import java.util.ArrayList;
import java.util.List;

/**
 * A classic release definition, generated from the dataset: one per Git repository, named {@code
 * <repo>-Release}, deploying the repository (artifact alias {@code _<repo>}) to Dev, Staging and
 * Production, one after another. Ids count from 1 across the collection in repository order, so
 * they are stable for a seed.
 */
record ReleaseDefinition(int id, String name, Project project, Repository repository) {

  /** The stages every generated definition deploys to, in order. */
  static final List<String> STAGES = List.of("Dev", "Staging", "Production");

  /** Every definition of {@code collection}, ids ascending. */
  static List<ReleaseDefinition> of(Collection collection) {
    List<ReleaseDefinition> definitions = new ArrayList<>();
    List<Repository> repositories = collection.repositories();
    for (int i = 0; i < repositories.size(); i++) {
      Repository repository = repositories.get(i);
      definitions.add(
          new ReleaseDefinition(
              i + 1, repository.name() + "-Release", repository.project(), repository));
    }
    return definitions;
  }

  /** The artifact alias a release of this definition must use. */
  String artifactAlias() {
    return "_" + repository.name();
  }
}
