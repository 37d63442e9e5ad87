package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PublicUrlCheckTest {
  private static final URI TFS = URI.create("https://tfs.example.com/tfs/DefaultCollection");

  @Test
  void aServerThatCallsItselfLocalhostIsNamedWithTheCure() {
    assertThat(
            PublicUrlCheck.localhostWarning(
                TFS,
                Stream.of(
                    "http://localhost:8080/tfs/DefaultCollection/Fiber/_git/web",
                    "http://localhost:8080/tfs/DefaultCollection/Fiber/_git/api")))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .startsWith("This Server's public URL is set to http://localhost:8080")
                    .contains("while you connected to " + TFS)
                    .contains(
                        "set the Public URL in the Azure DevOps Server Administration Console"));
  }

  @Test
  void urlsOnTheHostYouConnectedToAreFine() {
    assertThat(
            PublicUrlCheck.localhostWarning(
                TFS, Stream.of("https://tfs.example.com/tfs/DefaultCollection/F/_git/web", null)))
        .isEmpty();
  }

  @Test
  void aServerReachedOnLoopbackMayCallItselfLocalhost() {
    assertThat(
            PublicUrlCheck.localhostWarning(
                URI.create("http://127.0.0.1:8080/tfs/DefaultCollection"),
                Stream.of("http://localhost:8080/tfs/DefaultCollection/F/_git/web")))
        .isEmpty();
  }
}
