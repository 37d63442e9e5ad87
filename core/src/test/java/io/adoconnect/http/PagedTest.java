package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.UnexpectedResponseException;
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

  @Test
  void aServerThatCyclesItsTokensIsStoppedWithAClearError() {
    List<Optional<String>> asked = new ArrayList<>();
    // a → b → a → b …: no token repeats on consecutive pages, the cycle never ends.
    Paged<Integer> paged =
        new Paged<>(
            token -> {
              asked.add(token);
              return new Page<>(
                  List.of(asked.size()), Optional.of(asked.size() % 2 == 0 ? "a" : "b"));
            });
    assertThatThrownBy(paged::toList)
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("continuation token it had already sent");
    assertThat(asked).hasSize(3);
  }

  @Test
  void aServerThatNeverStopsIsCappedInPages() {
    int[] calls = {0};
    Paged<Integer> paged =
        new Paged<>(token -> new Page<>(List.of(calls[0]), Optional.of("t" + calls[0]++)), 50);
    assertThatThrownBy(() -> paged.stream().count())
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("more than 50 pages");
    assertThat(calls[0]).isEqualTo(50);
    assertThat(Paged.MAX_PAGES).isGreaterThanOrEqualTo(10_000);
  }
}
