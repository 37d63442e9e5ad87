package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.adoconnect.InvalidInputException;
import io.adoconnect.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Issue 15: the parsers of what users paste and type — a Server URL and collection ({@link
 * PatTarget#server}, {@link PatTarget#fromPastedUrl}), a path ({@link RefParser}) and the names
 * that become URL segments ({@link Urls}) — return a value or refuse with {@link
 * InvalidInputException}; nothing else escapes, and an accepted name stays one path segment.
 */
class UrlParsersFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void aServerUrlIsATargetOrARefusal(FuzzedDataProvider data) {
    String collection = data.consumeBoolean() ? null : data.consumeString(40);
    String url = data.consumeRemainingAsString();
    try {
      PatTarget target = PatTarget.server(url, collection);
      assertThat(target.isServer()).isTrue();
      assertThat(target.serverUrl().getScheme()).isIn("http", "https");
    } catch (InvalidInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "2m")
  void aPastedUrlIsATargetOrARefusal(FuzzedDataProvider data) {
    URI url;
    try {
      url = new URI(data.consumeRemainingAsString());
    } catch (URISyntaxException notAUri) {
      return;
    }
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      return; // PatTarget.server hands only http(s) URLs on
    }
    try {
      PatTarget.fromPastedUrl(url);
    } catch (InvalidInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "2m")
  void aPathIsARefOrARefusal(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    try {
      RepositoryRef ref = RefParser.repository(text, null);
      assertThat(segment(ref.organization())).doesNotContain("/");
      assertThat(segment(ref.project())).doesNotContain("/");
      assertThat(segment(ref.repository())).doesNotContain("/");
    } catch (InvalidInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    try {
      RefParser.project(text, null);
      RefParser.organization(text, null);
    } catch (InvalidInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "2m")
  void aNameIsOneEncodedSegmentOrARefusal(FuzzedDataProvider data) {
    String name = data.consumeString(300);
    String query = data.consumeRemainingAsString();
    try {
      URI uri =
          Urls.at(URI.create("https://dev.azure.com/fabrikam"))
              .segment(name)
              .path("_apis/git/repositories")
              .query("continuationToken", query)
              .build();
      assertThat(uri.getHost()).isEqualTo("dev.azure.com");
      assertThat(uri.getRawPath()).startsWith("/fabrikam/").endsWith("/_apis/git/repositories");
      assertThat(uri.getRawPath().split("/")).hasSize(6);
    } catch (InvalidInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  /** A name as the URL segment it becomes. */
  private static String segment(String name) {
    return Urls.encodeSegment(name);
  }
}
