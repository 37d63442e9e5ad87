package io.adoconnect.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import org.junit.jupiter.api.Test;

class ApiVersionTest {
  @Test
  void parsesReleasedAndPreviewVersionsAndOrdersThemByNumber() {
    assertThat(ApiVersion.parse("6.0")).isEqualTo(new ApiVersion(6, 0, null));
    assertThat(ApiVersion.parse("7.2-preview.4").toString()).isEqualTo("7.2-preview.4");
    assertThat(ApiVersion.parse("6.1"))
        .isGreaterThan(ApiVersion.parse("6.0"))
        .isLessThan(ApiVersion.SERVICES);
  }

  @Test
  void rejectsWhatIsNotAVersion() {
    assertThatThrownBy(() -> ApiVersion.parse("latest")).isInstanceOf(InvalidInputException.class);
  }
}
