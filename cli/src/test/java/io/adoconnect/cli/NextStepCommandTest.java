package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.NextStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextStepCommandTest {

  @Test
  void everyActionRendersAsACommandWithItsParameters() {
    for (NextStep.Action action : NextStep.Action.values()) {
      NextStep step =
          new NextStep(
              action,
              Map.of(
                  "organization", "fabrikam",
                  "project", "Fabrikam Fiber",
                  "repository", "web-app",
                  "accountId", "k3x9",
                  "scope", "vso.build_execute",
                  "candidates", "a1,b2",
                  "pullRequestId", "42"),
              "Advice.");
      String hint = NextStepCommand.hint(step);
      assertThat(hint).as(action.name()).startsWith("Advice.").doesNotContain("null");
      if (action != NextStep.Action.NONE) {
        assertThat(hint).as(action.name()).contains("Run: ");
      }
    }
  }

  @Test
  void namesWithSpacesAreQuotedForTheShell() {
    assertThat(
            NextStepCommand.hint(
                NextStep.of(
                    NextStep.Action.LIST_BRANCHES,
                    null,
                    "organization",
                    "fabrikam",
                    "project",
                    "Fabrikam Fiber",
                    "repository",
                    "it's")))
        .isEqualTo("Run: ado-connect branches 'fabrikam/Fabrikam Fiber/it'\\''s'");
    assertThat(NextStepCommand.hint(NextStep.chooseAccount("DefaultCollection", List.of("a", "b"))))
        .isEqualTo("Run: the same command with --account ID, one of: a,b");
  }

  @Test
  void aMissingScopeTakesANewTokenForAPatAndAnotherConsentForAMicrosoftSignIn() {
    NextStep forPat =
        NextStep.of(
            NextStep.Action.ADD_SCOPE,
            null,
            "scope",
            "vso.build_execute",
            "scopeName",
            "Build (read and execute)",
            "method",
            "pat");
    assertThat(NextStepCommand.hint(forPat))
        .isEqualTo(
            "Run: a new token with the Build (read and execute) (vso.build_execute) scope,"
                + " then ado-connect connect pat again");
    NextStep forDevice =
        NextStep.of(
            NextStep.Action.ADD_SCOPE,
            null,
            "scope",
            "vso.build_execute",
            "accountId",
            "k3x9",
            "method",
            "device_code");
    assertThat(NextStepCommand.hint(forDevice))
        .isEqualTo("Run: ado-connect connect device, and consent to the vso.build_execute scope")
        .doesNotContain("connect pat");
  }
}
