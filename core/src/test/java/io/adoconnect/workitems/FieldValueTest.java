package io.adoconnect.workitems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import org.junit.jupiter.api.Test;

class FieldValueTest {
  private static final String PASTED_TOKEN = "canarypat0q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l";

  @Test
  void shorthandsAndReferenceNamesBothName() {
    assertThat(FieldValue.parse("Priority=1"))
        .isEqualTo(new FieldValue("Microsoft.VSTS.Common.Priority", "1"));
    assertThat(FieldValue.parse("Custom.Team=a=b")).isEqualTo(new FieldValue("Custom.Team", "a=b"));
  }

  @Test
  void anUnknownShortFieldIsNamedInTheError() {
    assertThatThrownBy(() -> FieldValue.parse("Colour=red"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("No work item field ado-connect knows is named 'Colour'.");
  }

  @Test
  void aPastedTokenIsNeverRepeatedInTheError() {
    assertThatThrownBy(() -> FieldValue.parse(PASTED_TOKEN))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASTED_TOKEN))
        .hasMessageContaining("47 characters long");
    assertThatThrownBy(() -> FieldValue.parse(PASTED_TOKEN + "=x"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASTED_TOKEN));
  }
}
