package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.auth.Secret;
import io.adoconnect.auth.pat.PatCredential;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Issue 15: the continuation tokens and list envelopes of a paged listing come from the server.
 * Whatever pages it sends (any token, repeated or not, any body), a listing ends: with the items,
 * or with an {@link AzureDevOpsApiException} (an {@code UnexpectedResponseException} for an
 * unreadable page or a paging loop) — and each token goes back inside the query, encoded.
 */
class PagedFuzzTest {
  record Item(String id, String name) {}

  @FuzzTest(maxDuration = "2m")
  void aListingEndsWithItsItemsOrAClearError(FuzzedDataProvider data) {
    int[] requests = {0};
    HttpTransport server =
        request -> {
          requests[0]++;
          assertThat(request.uri().getRawPath()).isEqualTo("/fabrikam/_apis/items");
          assertThat(request.uri().getHost()).isEqualTo("dev.azure.com");
          boolean last = data.remainingBytes() == 0 || data.consumeBoolean();
          String token = last ? "" : data.consumeString(64);
          String body =
              data.consumeBoolean()
                  ? "{\"count\":1,\"value\":[{\"id\":\"" + requests[0] + "\",\"name\":\"n\"}]}"
                  : data.consumeString(200);
          return new ApiResponse(
              200,
              Map.of(
                  "content-type",
                  List.of("application/json"),
                  "x-ms-continuationtoken",
                  List.of(token)),
              body.getBytes(StandardCharsets.UTF_8));
        };
    AzureDevOpsHttp http =
        new AzureDevOpsHttp(server, PatCredential.of(Secret.of("p".repeat(52)), false));
    Paged<Item> paged =
        http.getPaged(
            Urls.at(URI.create("https://dev.azure.com/fabrikam")).path("_apis/items"), Item.class);
    try {
      assertThat(paged.toList()).hasSizeLessThanOrEqualTo(requests[0]);
    } catch (AzureDevOpsApiException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    assertThat(requests[0]).isLessThanOrEqualTo(Paged.MAX_PAGES);
  }
}
