package io.adoconnect.connect;

import io.adoconnect.http.network.NoProxy;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Notices a Server whose public URL is still {@code http://localhost…}: it answers with its own
 * idea of where it lives, so its clone URLs and links point at localhost while you reached it under
 * another name. Clones and links then fail on every other machine. Appcircle's setup guide warns of
 * exactly this; the cure is on the server (Administration Console → Change Public URL), so it is a
 * warning on the connection check, not a failure.
 */
final class PublicUrlCheck {
  private PublicUrlCheck() {}

  /**
   * A warning when one of {@code answered} is on a loopback host while {@code connected} is not: a
   * Server reached as localhost may well call itself localhost.
   */
  static Optional<String> localhostWarning(URI connected, Stream<String> answered) {
    if (connected.getHost() == null || NoProxy.isLoopback(connected.getHost())) {
      return Optional.empty();
    }
    return answered
        .filter(url -> url != null && !url.isBlank())
        .map(PublicUrlCheck::parse)
        .flatMap(Optional::stream)
        .filter(url -> url.getHost() != null && NoProxy.isLoopback(url.getHost()))
        .findFirst()
        .map(
            url ->
                "This Server's public URL is set to "
                    + url.getScheme()
                    + "://"
                    + url.getRawAuthority()
                    + " (its URLs, such as "
                    + url
                    + ", point there), while you connected to "
                    + connected
                    + "; clone URLs and links won't work from other machines. Ask its"
                    + " administrator to set the Public URL in the Azure DevOps Server"
                    + " Administration Console.");
  }

  private static Optional<URI> parse(String url) {
    try {
      return Optional.of(URI.create(url));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
