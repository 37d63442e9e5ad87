package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagedTest {
  @Test
  void followsContinuationTokensLazilyAndRestartsOnEachIteration() {
    List<Optional<String>> asked = new ArrayList<>();
    Paged<Integer> paged =
        new Paged<>(
            token -> {
              asked.add(token);
              return token.isEmpty()
                  ? new Page<>(List.of(1, 2), Optional.of("2"))
                  : new Page<>(List.of(3), Optional.empty());
            });

    assertThat(asked).isEmpty();
    assertThat(paged.toList()).containsExactly(1, 2, 3);
    assertThat(paged.stream().count()).isEqualTo(3);
    assertThat(asked)
        .containsExactly(Optional.empty(), Optional.of("2"), Optional.empty(), Optional.of("2"));
  }
}
