package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.simulator.build.BuildDefinition;
import io.adoconnect.simulator.data.Collection;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A token created with selected scopes reads, and a change it may not make fails with exit 3 and an
 * error naming the scope to add, in every area.
 */
class MissingScopeTest extends CliTestBase {
  private static final String READ_ONLY = "fake-read-only-pat-0123456789";

  @Test
  void eachAreaNamesTheScopeTheChangeNeeds() {
    simulator.addScopedPat(
        READ_ONLY, Set.of("vso.code", "vso.build", "vso.release", "vso.work", "vso.profile"));
    cli.invocation().stdin(READ_ONLY).run("connect", "pat", "--org", "org-001").assertOk();
    Collection org = simulator.dataset().organization("org-001").orElseThrow();
    BuildDefinition definition = simulator.buildDefinitions(org).get(0);
    String project = "org-001/" + definition.project().name();

    cli.run("builds", "definitions", project).assertOk();
    assertRefusedFor(
        "Build (Read & execute)",
        "builds",
        "queue",
        project,
        "--definition",
        String.valueOf(definition.id()));
    cli.run("releases", "definitions", project).assertOk();
    assertRefusedFor(
        "Release (Read, write & execute)", "releases", "create", project, "--definition", "1");
    assertRefusedFor(
        "Work Items (Read & write)",
        "workitems",
        "create",
        project,
        "--type",
        "Bug",
        "--title",
        "T");
  }

  private void assertRefusedFor(String scope, String... args) {
    Cli.Run run = cli.run(args);
    run.assertExit(3);
    assertThat(run.err()).contains(scope).contains("hint:");
    assertThat(run.err()).doesNotContain(READ_ONLY);
  }
}
