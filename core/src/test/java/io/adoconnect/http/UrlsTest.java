package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {
  @Test
  void encodesSpacesAndUnicodeInSegmentsAsUtf8() {
    URI uri =
        Urls.at(URI.create("https://dev.azure.com/org/"))
            .segment("Zürich Payments")
            .path("_apis/git/repositories")
            .segment("web.api+1")
            .query("api-version", "7.1")
            .build();

    assertThat(uri.toString())
        .isEqualTo(
            "https://dev.azure.com/org/Z%C3%BCrich%20Payments/_apis/git/repositories/web.api%2B1?api-version=7.1");
  }

  @Test
  void keepsDollarInQueryNamesAsAzureDevOpsWritesThem() {
    assertThat(
            Urls.at(URI.create("http://h"))
                .path("_apis/projects")
                .query("$top", 5)
                .build()
                .toString())
        .isEqualTo("http://h/_apis/projects?$top=5");
  }

  @Test
  void copyIsIndependentOfTheOriginal() {
    Urls base = Urls.at(URI.create("http://h")).path("x").query("a", 1);
    URI withToken = base.copy().query("continuationToken", "abc").build();

    assertThat(withToken.toString()).isEqualTo("http://h/x?a=1&continuationToken=abc");
    assertThat(base.build().toString()).isEqualTo("http://h/x?a=1");
  }
}
