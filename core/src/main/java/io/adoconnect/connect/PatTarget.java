package io.adoconnect.connect;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.devops.HttpUrls;
import io.adoconnect.devops.Organization;
import io.adoconnect.http.Urls;
import io.adoconnect.store.Account;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a Personal Access Token is used: one or more Azure DevOps Services organizations, or one
 * Azure DevOps Server collection ({@code serverUrl} as given, e.g. {@code
 * https://tfs.example.com/tfs}; ado-connect never adds or removes a {@code /tfs} prefix itself).
 */
public record PatTarget(List<String> organizations, URI serverUrl, String collection) {
  /** Organizations one PAT request may name: each is checked with a few calls. */
  public static final int MAX_ORGANIZATIONS = 100;

  public PatTarget {
    organizations = List.copyOf(organizations);
  }

  public static PatTarget services(List<String> organizations) {
    if (organizations.isEmpty()) {
      throw new InvalidInputException(
          "No organization given.",
          "Name the organization, as in https://dev.azure.com/{organization}.");
    }
    if (organizations.size() > MAX_ORGANIZATIONS) {
      throw new InvalidInputException(
          "At most "
              + MAX_ORGANIZATIONS
              + " organizations can be connected with one token at a time; "
              + organizations.size()
              + " were given.",
          "Connect them in groups of at most " + MAX_ORGANIZATIONS + ".");
    }
    Set<String> unique = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : organizations) {
      String checked = Organization.checkServicesName(name.strip());
      if (seen.add(checked.toLowerCase(Locale.ROOT))) {
        unique.add(checked);
      }
    }
    return new PatTarget(List.copyOf(unique), null, null);
  }

  public static PatTarget server(String serverUrl, String collection) {
    if (serverUrl == null || serverUrl.isBlank()) {
      throw new InvalidInputException(
          "No server URL given.", "Give the server's URL, e.g. https://tfs.example.com/tfs.");
    }
    URI url = HttpUrls.parse(serverUrl, "The server URL");
    if (collection == null || collection.isBlank()) {
      return fromPastedUrl(url);
    }
    String trimmed = collection.strip().replaceAll("^/+|/+$", "");
    int slash = trimmed.lastIndexOf('/');
    if (slash > 0) {
      // Some products ask for "tfs/DefaultCollection" as the collection: the prefix belongs to the
      // server URL.
      url = HttpUrls.parse(url + "/" + trimmed.substring(0, slash), "The server URL");
      trimmed = trimmed.substring(slash + 1);
    }
    String name = Organization.checkCollectionName(trimmed);
    String path = url.getPath();
    if (path.toLowerCase(Locale.ROOT).endsWith("/" + name.toLowerCase(Locale.ROOT))) {
      String without = url.toString().substring(0, url.toString().length() - name.length() - 1);
      throw new InvalidInputException(
          "The server URL already ends with the collection '" + name + "'.",
          NextStep.connectServer(without, name)
              .withAdvice(
                  "Give the server URL without the collection, or leave the collection out."));
    }
    return new PatTarget(List.of(), url, name);
  }

  /**
   * The server and collection from one pasted URL: a collection URL ({@code
   * https://tfs.example.com/tfs/DefaultCollection}) or a clone or web URL inside it ({@code
   * …/DefaultCollection/Fabrikam/_git/web-app}). The collection is the segment after {@code tfs}
   * when there is one; otherwise the last segment of a collection URL, or, before {@code _git}, the
   * one in front of the project (a repository named like its project may leave the project out:
   * {@code …/DefaultCollection/_git/web-app}). Connecting checks it against the server.
   */
  static PatTarget fromPastedUrl(URI url) {
    List<String> segments = new java.util.ArrayList<>();
    for (String segment : url.getRawPath().split("/")) {
      if (!segment.isEmpty()) {
        segments.add(java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    int tfs = indexOfIgnoreCase(segments, "tfs");
    int git = indexOfIgnoreCase(segments, "_git");
    int collection;
    if (tfs >= 0) {
      collection = tfs + 1 < segments.size() && tfs + 1 != git ? tfs + 1 : -1;
    } else if (git > 1) {
      collection = git - 2;
    } else if (git == 1) {
      collection = 0;
    } else {
      collection = segments.size() - 1;
    }
    if (collection < 0) {
      throw new InvalidInputException(
          "The server URL names no collection.",
          NextStep.advice(
              "Give the collection too (e.g. DefaultCollection), or paste a collection or clone URL"
                  + " such as https://tfs.example.com/tfs/DefaultCollection."));
    }
    String server = url.getScheme() + "://" + url.getRawAuthority();
    for (int i = 0; i < collection; i++) {
      server += "/" + Urls.encodeSegment(segments.get(i));
    }
    return server(server, segments.get(collection));
  }

  private static int indexOfIgnoreCase(List<String> segments, String wanted) {
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    return -1;
  }

  public boolean isServer() {
    return serverUrl != null;
  }

  /** The account's host field: {@code services}, or the server URL. */
  public String host() {
    return isServer() ? serverUrl.toString() : Account.SERVICES;
  }

  /** The account's organizations field: the organizations, or the collection. */
  public List<String> names() {
    return isServer() ? List.of(collection) : organizations;
  }
}
