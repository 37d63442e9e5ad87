package io.adoconnect.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiscoveredRepositoryTest {
  private static DiscoveredRepository repo(String org, String project, String name, String id) {
    return new DiscoveredRepository(
        org, project, name, id, null, null, null, "https://x/" + name, 0, "https://x/" + org, null);
  }

  @Test
  void sortIgnoresCaseAndPutsAPrefixBeforeLongerNames() {
    List<DiscoveredRepository> sorted =
        DiscoveredRepository.sort(
            List.of(
                repo("org-002", "a", "x", "1"),
                repo("org-001", "Zürich", "b", "2"),
                repo("org-001", "app x", "a", "3"),
                repo("org-001", "App", "z", "4"),
                repo("ORG-001", "app", "Y", "5")));

    assertThat(sorted)
        .extracting(DiscoveredRepository::id)
        .containsExactly("5", "4", "3", "2", "1");
  }

  @Test
  void sortAgreesWithTheDocumentedComparatorOnShuffledInput() {
    List<DiscoveredRepository> all = new ArrayList<>();
    String[] names = {"a", "A", "a b", "ab", "Café", "cafe", "日本語", "web.api", "Web-API", "z"};
    int id = 0;
    for (String org : new String[] {"org-1", "Org-1", "org-2"}) {
      for (String project : names) {
        for (String name : names) {
          all.add(repo(org, project, name, String.valueOf(id++)));
        }
      }
    }
    Collections.shuffle(all, new Random(7));
    List<DiscoveredRepository> expected = new ArrayList<>(all);
    expected.sort(DiscoveredRepository.ORDER);

    assertThat(DiscoveredRepository.sort(all)).containsExactlyElementsOf(expected);
  }
}
