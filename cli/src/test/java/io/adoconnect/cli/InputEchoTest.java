package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token pasted into a name field never comes back in an error; names that would walk the URL path
 * ({@code .}, {@code ..}) are refused before any request; one PAT request names at most 100
 * organizations.
 */
class InputEchoTest extends CliTestBase {
  private static final String CANARY = "canarypat0q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x";

  private static void neverEchoed(Cli.Run run) {
    assertThat(run.out() + run.err())
        .doesNotContain(CANARY)
        .doesNotContain(CANARY.substring(0, 20));
  }

  @Test
  void aTokenInTheOrganizationFieldIsDescribedNotEchoed() {
    Cli.Run run = cli.connect("--org", CANARY).assertExit(2);
    assertThat(run.err()).contains("the organization name given (51 characters long)");
    neverEchoed(run);
    neverEchoed(cli.connect("--org", CANARY + "~x.").assertExit(2));
    neverEchoed(cli.connect("--org", "org-001", "--org", CANARY).assertExit(2));
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void aTokenInTheCollectionOrAPathIsNeverEchoed() {
    neverEchoed(cli.connect("--server", cli.base() + "/tfs", "--collection", CANARY).assertExit(2));
    cli.connect("--org", "org-001").assertOk();
    neverEchoed(cli.run("repos", "--org", CANARY).assertExit(2));
    neverEchoed(cli.run("sources", "add", "org-001/" + CANARY + "/repo").assertExit(2));
    neverEchoed(cli.run("sources", "add", "org-001/Project/" + CANARY).assertExit(2));
    neverEchoed(cli.run("sources", "remove", CANARY).assertExit(2));
    neverEchoed(cli.run("test", CANARY).assertExit(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"org-001/../repo", "org-001/./repo", "org-001/Project/..", "../x/y"})
  void dotSegmentsAreRefusedBeforeAnyRequest(String path) {
    cli.connect("--org", "org-001").assertOk();
    simulator.resetCounts();
    Cli.Run run = cli.run("sources", "add", path).assertExit(2);
    assertThat(run.err()).contains("never only dots").contains("hint:");
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void aDotCollectionIsRefusedBeforeAnyRequest() {
    for (String collection : List.of(".", "..")) {
      cli.connect("--server", cli.base() + "/tfs", "--collection", collection).assertExit(2);
    }
    assertThat(simulator.requestCount()).isZero();
  }

  @Test
  void atMostAHundredOrganizationsPerConnect() {
    List<String> args = new ArrayList<>();
    for (int i = 1; i <= 101; i++) {
      args.add("--org");
      args.add("org-" + i);
    }
    Cli.Run run = cli.connect(args.toArray(String[]::new)).assertExit(2);
    assertThat(run.err()).contains("At most 100 organizations");
    assertThat(simulator.requestCount()).isZero();
  }
}
