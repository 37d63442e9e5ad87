package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.adoconnect.discovery.DiscoveredRepository;
import io.adoconnect.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code repos --json} streamed: a valid array, in order, written out one organization at a time.
 */
class JsonArrayStreamTest {
  private static DiscoveredRepository repo(String org, String name) {
    return new DiscoveredRepository(
        org,
        "Project",
        name,
        org + "-" + name,
        "refs/heads/main",
        "https://dev.azure.com/" + org + "/Project/_git/" + name,
        "git@ssh.dev.azure.com:v3/" + org + "/Project/" + name,
        "https://dev.azure.com/" + org + "/Project/_git/" + name,
        7,
        "https://dev.azure.com/" + org,
        "acc1");
  }

  /** Counts flushes and what had reached it at each one. */
  private static final class Recording extends ByteArrayOutputStream {
    final List<String> atFlush = new ArrayList<>();

    @Override
    public void flush() {
      atFlush.add(toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void eachOrganizationIsWrittenOutBeforeTheNextArrivesAndTheWholeIsWhatOutputJsonPrints()
      throws Exception {
    List<DiscoveredRepository> orgA = List.of(repo("org-a", "api"), repo("org-a", "web"));
    List<DiscoveredRepository> orgB = List.of(repo("org-b", "tools"));
    Recording out = new Recording();
    JsonArrayStream stream = new JsonArrayStream(out);

    stream.accept("org-a", orgA);
    String afterA = out.toString(StandardCharsets.UTF_8);
    stream.accept("org-empty", List.of());
    stream.accept("org-b", orgB);
    String afterB = out.toString(StandardCharsets.UTF_8);
    stream.finish();

    // Nothing of an organization is held back once it is handed over: it is out, and flushed.
    assertThat(afterA).contains("\"name\" : \"web\"").doesNotContain("tools");
    assertThat(afterB).contains("\"name\" : \"tools\"");
    assertThat(out.atFlush).contains(afterA, afterB);

    String all = out.toString(StandardCharsets.UTF_8);
    List<DiscoveredRepository> parsed =
        Json.MAPPER.readValue(all, new TypeReference<List<DiscoveredRepository>>() {});
    assertThat(parsed).containsExactly(orgA.get(0), orgA.get(1), orgB.get(0));
    assertThat(all).isEqualTo(printed(List.of(orgA.get(0), orgA.get(1), orgB.get(0))));
  }

  @Test
  void noRepositoriesIsAnEmptyArrayAsBefore() {
    Recording out = new Recording();
    JsonArrayStream stream = new JsonArrayStream(out);
    stream.accept("org-empty", List.of());
    stream.finish();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(printed(List.of()));
  }

  private static String printed(List<DiscoveredRepository> all) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Output.json(new PrintStream(bytes, true, StandardCharsets.UTF_8), all);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
