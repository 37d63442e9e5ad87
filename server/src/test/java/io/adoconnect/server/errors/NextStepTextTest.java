package io.adoconnect.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adoconnect.NextStep;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextStepTextTest {

  @Test
  void everyActionIsASentenceWithoutCommandSyntaxAndADocumentedActionType() throws Exception {
    JsonNode documented;
    try (InputStream in =
        getClass().getResourceAsStream("/io/adoconnect/server/docs/openapi.json")) {
      documented =
          new ObjectMapper()
              .readTree(in)
              .at("/components/schemas/Error/properties/action/properties/type/enum");
    }
    List<String> types = new ArrayList<>();
    documented.forEach(t -> types.add(t.asText()));
    List<String> actions =
        Arrays.stream(NextStep.Action.values())
            .filter(a -> a != NextStep.Action.NONE)
            .map(NextStep.Action::wireName)
            .toList();
    assertThat(types).containsExactlyInAnyOrderElementsOf(actions);

    for (NextStep.Action action : NextStep.Action.values()) {
      if (action == NextStep.Action.NONE) {
        continue;
      }
      NextStep step =
          new NextStep(
              action,
              Map.of(
                  "organization", "fabrikam",
                  "accountId", "k3x9",
                  "scope", "vso.build",
                  "candidates", "a1,b2",
                  "pullRequestId", "42"),
              null);
      assertThat(NextStepText.hint(step))
          .as(action.name())
          .isNotBlank()
          .doesNotContain("ado-connect ");
      assertThat(NextStepText.hint(step)).doesNotContain("--").doesNotContain("null");
      assertThat(NextStepText.action(step).type()).isEqualTo(action.wireName());
      assertThat(NextStepText.action(step).parameters()).containsEntry("organization", "fabrikam");
    }
  }

  @Test
  void adviceComesFirstAndAdviceOnlyHasNoAction() {
    NextStep step = NextStep.listSources().withAdvice("Check the id.");
    assertThat(NextStepText.hint(step)).startsWith("Check the id. GET /api/sources");
    assertThat(NextStepText.action(NextStep.advice("Wait a minute."))).isNull();
    assertThat(NextStepText.hint(NextStep.advice("Wait a minute."))).isEqualTo("Wait a minute.");
  }
}
