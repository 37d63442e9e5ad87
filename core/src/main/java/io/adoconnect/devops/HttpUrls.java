package io.adoconnect.devops;

import io.adoconnect.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks URLs users type: absolute http(s), a host, no user info, query or fragment. */
public final class HttpUrls {
  private HttpUrls() {}

  /**
   * @param what how the user gave it (an option or variable name), for the error message
   */
  public static URI parse(String text, String what) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw invalid(what, "it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw invalid(what, "it must start with https:// (or http:// for a server on your network)");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid(what, "it has no host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(
          what,
          "it must not contain a user name or password — ado-connect asks for the token separately");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(what, "it must not contain ? or #");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  private static InvalidInputException invalid(String what, String why) {
    return new InvalidInputException(
        // The value is not echoed: a URL someone pasted may carry a token in its user part.
        what + " can't be used: " + why + ".",
        "Give the address as it appears in your browser, e.g. https://dev.azure.com or https://tfs.example.com/tfs.");
  }
}
