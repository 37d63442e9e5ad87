package io.adoconnect.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Json;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cursor stands for one offset of one call; anything else is refused. */
class CursorsTest {
  private final Cursors cursors = new Cursors(new SecureRandom(), Json.MAPPER);
  private final Map<String, Object> args =
      Map.of("organization", "fabrikam", "fields", Map.of("b", "1", "a", "2"));

  @Test
  void roundTrips() {
    String cursor = cursors.cursor("list_repositories", args, 50);
    assertThat(cursors.offset("list_repositories", args, cursor)).isEqualTo(50);
    // The same arguments in another order are the same call.
    Map<String, Object> reordered =
        new java.util.LinkedHashMap<>(
            Map.of("fields", new java.util.TreeMap<>(Map.of("a", "2", "b", "1"))));
    reordered.put("organization", "fabrikam");
    assertThat(cursors.offset("list_repositories", new java.util.TreeMap<>(reordered), cursor))
        .isEqualTo(50);
  }

  @Test
  void refusesAnEditedOffset() {
    byte[] raw = Base64.getUrlDecoder().decode(cursors.cursor("list_repositories", args, 50));
    ByteBuffer.wrap(raw).putInt(0, 5000);
    String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    assertThatThrownBy(() -> cursors.offset("list_repositories", args, edited))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not issued by this server");
  }

  @Test
  void refusesAnotherToolOrOtherArgumentsOrAnotherServer() {
    String cursor = cursors.cursor("list_repositories", args, 50);
    assertThatThrownBy(() -> cursors.offset("list_sources", args, cursor))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> cursors.offset("list_repositories", Map.of("organization", "contoso"), cursor))
        .isInstanceOf(InvalidInputException.class);
    Cursors otherServer = new Cursors(new SecureRandom(), Json.MAPPER);
    assertThatThrownBy(() -> otherServer.offset("list_repositories", args, cursor))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesGarbage() {
    for (String garbage : new String[] {"", "!!", "AAAA", "not-a-cursor-at-all-but-long-enough"}) {
      assertThatThrownBy(() -> cursors.offset("list_repositories", args, garbage))
          .as(garbage)
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
