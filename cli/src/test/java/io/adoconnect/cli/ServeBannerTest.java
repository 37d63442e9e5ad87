package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code serve --host 0.0.0.0} once said "listening on 127.0.0.1": it says where it is bound. */
class ServeBannerTest {
  @Test
  void saysEveryInterfaceWhenBoundToTheWildcard() {
    assertThat(ServeCommand.listening("0.0.0.0", 8080, URI.create("http://127.0.0.1:8080")))
        .isEqualTo(
            "ado-connect service listening on http://0.0.0.0:8080 (every interface);"
                + " on this machine: http://127.0.0.1:8080");
  }

  @Test
  void loopbackIsOneAddress() {
    assertThat(ServeCommand.listening("127.0.0.1", 8080, URI.create("http://127.0.0.1:8080")))
        .isEqualTo("ado-connect service listening on http://127.0.0.1:8080");
  }
}
