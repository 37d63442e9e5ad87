package io.adoconnect.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Opens a URL in the user's browser with the platform's own opener ({@code xdg-open}, {@code open},
 * {@code rundll32}); AWT's Desktop is not used because it fails on headless JVMs. Returns false
 * when nothing could be started, so the caller falls back to printing the URL.
 */
final class BrowserOpener {
  private BrowserOpener() {}

  static boolean open(URI uri) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command =
        os.contains("mac")
            ? List.of("open", uri.toString())
            : os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
                : List.of("xdg-open", uri.toString());
    try {
      new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
