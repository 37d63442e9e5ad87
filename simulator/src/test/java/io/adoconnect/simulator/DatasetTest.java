package io.adoconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.data.Collection;
import io.adoconnect.simulator.data.Dataset;
import io.adoconnect.simulator.data.Project;
import io.adoconnect.simulator.data.Repository;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DatasetTest {

  @Test
  void sameSeedGivesSameDataAndOtherSeedsDiffer() {
    Dataset first = Dataset.generate(3, 6, 4, 42);

    assertThat(Dataset.generate(3, 6, 4, 42)).isEqualTo(first);
    assertThat(Dataset.generate(3, 6, 4, 43).organizations().get(0).projects().get(0).id())
        .isNotEqualTo(first.organizations().get(0).projects().get(0).id());
  }

  @Test
  void organizationsAreNumberedAndTheServerCollectionHasItsOwnData() {
    Dataset dataset = Dataset.generate(12, 4, 3, 1);

    assertThat(dataset.organizations())
        .extracting(Collection::name)
        .startsWith("org-001", "org-002")
        .contains("org-012");
    assertThat(dataset.serverCollection().name()).isEqualTo("DefaultCollection");
    assertThat(dataset.serverCollection().projects().get(0).id())
        .isNotEqualTo(dataset.organizations().get(0).projects().get(0).id());
  }

  @Test
  void sizesFollowTheDocumentedRules() {
    Collection org = Dataset.generate(1, 10, 5, 7).organizations().get(0);

    assertThat(org.projects()).hasSize(10);
    assertThat(org.projects().stream().filter(Project::tfvc)).hasSize(2);
    org.projects()
        .forEach(
            project -> assertThat(org.repositoriesOf(project)).hasSize(project.tfvc() ? 0 : 5));
  }

  @Test
  void repositoriesVaryInTheWaysDiscoveryMustHandle() {
    Collection org = Dataset.generate(1, 10, 5, 7).organizations().get(0);
    List<Repository> repos = org.repositories();

    assertThat(repos).anyMatch(Repository::disabled);
    assertThat(repos).anyMatch(r -> !r.hasRemoteUrl());
    assertThat(repos).anyMatch(r -> r.hasRemoteUrl() && r.defaultBranch() == null);
    assertThat(repos).anyMatch(r -> r.name().equals(r.project().name()));
    assertThat(repos).anyMatch(Repository::cloneable);
    assertThat(repos.stream().filter(Repository::cloneable).count()).isLessThan(repos.size());
  }

  @Test
  void namesHaveSpacesPunctuationUnicodeAndMixedCase() {
    Collection org = Dataset.generate(1, 8, 5, 3).organizations().get(0);
    List<String> names =
        Stream.concat(
                org.projects().stream().map(Project::name),
                org.repositories().stream().map(Repository::name))
            .toList();

    assertThat(names).anyMatch(n -> n.contains(" "));
    assertThat(names).anyMatch(n -> n.contains(".") || n.contains("_") || n.contains("-"));
    assertThat(names).anyMatch(n -> n.chars().anyMatch(c -> c > 127));
    assertThat(names).anyMatch(n -> Character.isLowerCase(n.charAt(0)));
    assertThat(names).anyMatch(n -> Character.isUpperCase(n.charAt(0)));
  }

  @Test
  void namesAreUniqueCaseInsensitivelyWhereAzureDevOpsRequiresIt() {
    Collection org = Dataset.generate(1, 30, 12, 5).organizations().get(0);

    assertThat(org.projects().stream().map(p -> p.name().toLowerCase(Locale.ROOT)))
        .doesNotHaveDuplicates();
    org.projects()
        .forEach(
            project ->
                assertThat(
                        org.repositoriesOf(project).stream()
                            .map(r -> r.name().toLowerCase(Locale.ROOT)))
                    .doesNotHaveDuplicates());
  }
}
