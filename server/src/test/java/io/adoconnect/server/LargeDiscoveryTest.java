package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.simulator.data.Repository;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 20 organizations × 100 projects × 10 repositories (20,000 configured), streamed with progress per
 * organization.
 */
class LargeDiscoveryTest extends ServerTestBase {
  @Override
  protected SimulatorConfig simulatorConfig() {
    return super.simulatorConfig().toBuilder().orgs(20).projects(100).repos(10).build();
  }

  @Test
  void twentyThousandRepositoriesStreamWithProgress() {
    serve(
        (service, api) -> {
          List<String> orgs =
              IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("org-%03d", i)).toList();
          Api.Response connect =
              api.post("/api/connections/pat")
                  .json(Map.of("organizations", orgs, "pat", CANARY_PAT))
                  .send();
          assertThat(connect.status()).as(connect.toString()).isEqualTo(201);

          long started = System.nanoTime();
          Api.Response r = api.get("/api/repositories").send();
          long millis = (System.nanoTime() - started) / 1_000_000;
          assertThat(r.status()).isEqualTo(200);
          List<JsonNode> lines = r.lines();
          List<JsonNode> progress =
              lines.stream().filter(l -> l.path("type").asText().equals("organization")).toList();
          assertThat(progress).hasSize(20);
          assertThat(progress.get(progress.size() - 1).path("done").asInt()).isEqualTo(20);
          assertThat(progress).allSatisfy(p -> assertThat(p.path("total").asInt()).isEqualTo(20));
          // progress comes before any repository line
          int lastProgress = lines.indexOf(progress.get(progress.size() - 1));
          int firstRepo =
              IntStream.range(0, lines.size())
                  .filter(i -> lines.get(i).path("type").asText().equals("repository"))
                  .findFirst()
                  .orElseThrow();
          assertThat(lastProgress).isLessThan(firstRepo);
          // 20 × 100 × 10 configured; the simulator makes some projects TFVC-only (no Git
          // repositories), so it serves
          // 16,000 Git repositories; discovery lists the ones with a clone URL (not empty, not
          // disabled)
          long served =
              orgs.stream()
                  .mapToLong(
                      o -> simulator.dataset().organization(o).orElseThrow().repositories().size())
                  .sum();
          assertThat(served).isGreaterThanOrEqualTo(16_000);
          List<String> expected =
              orgs.stream()
                  .flatMap(
                      o ->
                          simulator.dataset().organization(o).orElseThrow().repositories().stream()
                              .filter(Repository::cloneable))
                  .map(repo -> repo.id().toString())
                  .sorted()
                  .toList();
          List<String> listed =
              lines.stream()
                  .filter(l -> l.path("type").asText().equals("repository"))
                  .map(l -> l.path("id").asText())
                  .sorted()
                  .toList();
          assertThat(listed).isEqualTo(expected);
          long repos = listed.size();
          assertThat(progress.stream().mapToLong(p -> p.path("repositories").asLong()).sum())
              .isEqualTo(repos);
          JsonNode done = lines.get(lines.size() - 1);
          assertThat(done.path("type").asText()).isEqualTo("done");
          assertThat(done.path("repositories").asLong()).isEqualTo(repos);
          assertThat(done.path("failures")).isEmpty();
          System.out.println(
              served
                  + " repositories served, "
                  + repos
                  + " cloneable listed over NDJSON in "
                  + millis
                  + " ms, "
                  + r.body().length() / 1024
                  + " KiB");
        });
  }
}
