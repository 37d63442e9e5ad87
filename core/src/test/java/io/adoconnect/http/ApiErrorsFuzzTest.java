package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.NextStep;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Issue 15: an error answer is written by whatever sits at the URL (Azure DevOps, a proxy, or a
 * host that is not Azure DevOps at all). {@link ApiErrors#toException} turns every status, content
 * type, header and body into an {@link AzureDevOpsApiException} with a message of bounded length;
 * it never throws while doing so.
 */
class ApiErrorsFuzzTest {
  private static final ApiRequest REQUEST =
      ApiRequest.get(URI.create("https://dev.azure.com/fabrikam/_apis/projects?api-version=7.1"));
  private static final List<String> TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "text/html",
          "text/plain",
          "",
          "application/problem+json");

  @FuzzTest(maxDuration = "2m")
  void everyErrorAnswerBecomesOneException(FuzzedDataProvider data) {
    int status = data.consumeInt(100, 599);
    String type = data.pickValue(TYPES);
    String retryAfter = data.consumeString(20);
    String header = data.consumeString(40);
    byte[] body = data.consumeRemainingAsBytes();
    ApiResponse response =
        new ApiResponse(
            status,
            Map.of(
                "content-type", List.of(type),
                "retry-after", List.of(retryAfter),
                "x-ms-resource-unavailable-reason", List.of(header)),
            body);
    ApiErrors.isFailure(response);
    AzureDevOpsApiException e =
        ApiErrors.toException(REQUEST, response, NextStep.reconnect("acc1", "pat"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000);
  }
}
