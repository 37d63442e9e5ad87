package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  private static final String PAT = "canarypat0q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x";

  @ParameterizedTest
  @ValueSource(
      strings = {".", "..", "...", " .. ", "a/b", "a\\b", "a?b", "a#b", "a\u0000b", "a\nb"})
  void segmentsThatWouldChangeThePathAreRefusedBeforeAnyUrlIsBuilt(String name) {
    assertThatThrownBy(() -> Urls.at(URI.create("https://dev.azure.com/org")).segment(name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("never only dots");
    assertThatThrownBy(() -> Urls.encodeSegment(name)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void namesWithDotsInsideStayUsable() {
    assertThat(Urls.at(URI.create("http://h")).segment("web.api").segment(".github").build())
        .hasToString("http://h/web.api/.github");
  }

  @Test
  void shortPlainInputIsQuotedAndAnythingElseDescribed() {
    assertThat(Names.shown("org-999", "organization name")).isEqualTo("'org-999'");
    assertThat(Names.shown("org-001/Fabrikam Fiber/web-app", "path"))
        .isEqualTo("'org-001/Fabrikam Fiber/web-app'");
    assertThat(Names.shown(PAT, "organization name"))
        .isEqualTo("the organization name given (51 characters long)")
        .doesNotContain(PAT);
    assertThat(Names.shown("abc~" + PAT, "organization name"))
        .isEqualTo(
            "the organization name given (55 characters long, with characters an organization name"
                + " can't have)");
    assertThat(Names.shown("ghp_0123456789abcdefghij0123456789ABCDEF", "project name"))
        .doesNotContain("ghp_");
  }
}
