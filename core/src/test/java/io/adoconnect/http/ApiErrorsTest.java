package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.Fixtures;
import io.adoconnect.NextStep;
import io.adoconnect.NotFoundException;
import io.adoconnect.ThrottledException;
import io.adoconnect.UnsupportedApiVersionException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  private static final ApiRequest REQUEST =
      ApiRequest.get(URI.create("https://dev.azure.com/fabrikam/_apis/projects?api-version=7.1"));
  private static final NextStep REFUSED = NextStep.reconnect("acc1", "device_code");

  private static ApiResponse response(
      int status, String contentType, byte[] body, Map<String, List<String>> extra) {
    Map<String, List<String>> headers = new java.util.HashMap<>(extra);
    headers.put("content-type", List.of(contentType));
    return new ApiResponse(status, headers, body);
  }

  @Test
  void unauthorizedEnvelopeBecomesAccessDeniedWithTheCredentialsHint() {
    AzureDevOpsApiException e =
        ApiErrors.toException(
            REQUEST,
            response(
                401,
                "application/json; charset=utf-8",
                Fixtures.bytes("ado-error-401-tf400813.json"),
                Map.of()),
            NextStep.reconnect("acc1", "pat").withAdvice("make a new PAT"));

    assertThat(e).isInstanceOf(AccessDeniedException.class);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.typeKey()).isEqualTo("UnauthorizedRequestException");
    assertThat(e.getMessage())
        .contains("TF400813")
        .contains("/fabrikam/_apis/projects")
        .doesNotContain("api-version");
    assertThat(e.hint()).isEqualTo("make a new PAT");
    assertThat(e.nextStep().action()).isEqualTo(NextStep.Action.RECONNECT);
    assertThat(e.nextStep().parameter("accountId")).isEqualTo("acc1");
  }

  @Test
  void aRefusedCallThatNeedsAScopeAsksToAddItForTheSameAccount() {
    ApiRequest queue = REQUEST.withScope(AccessScope.BUILD_EXECUTE);
    for (int status : new int[] {401, 403}) {
      AzureDevOpsApiException e =
          ApiErrors.toException(
              queue,
              response(status, "application/json", new byte[0], Map.of()),
              NextStep.reconnect("acc1", "pat").withAdvice("make a new PAT"));

      assertThat(e.nextStep().action()).isEqualTo(NextStep.Action.ADD_SCOPE);
      assertThat(e.nextStep().parameters())
          .containsEntry("scope", "vso.build_execute")
          .containsEntry("scopeName", "Build (Read & execute)")
          .containsEntry("accountId", "acc1")
          .containsEntry("method", "pat");
      assertThat(e.hint()).contains("Build (Read & execute)").doesNotContain("ado-connect");
    }
  }

  @Test
  void signInPageIsAnAuthenticationFailureNotData() {
    byte[] html =
        "<html><title>Azure DevOps Services | Sign In</title></html>"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(ApiErrors.isFailure(response(203, "text/html; charset=utf-8", html, Map.of())))
        .isTrue();
    assertThat(ApiErrors.isFailure(response(200, "text/html", html, Map.of()))).isTrue();
    AzureDevOpsApiException e =
        ApiErrors.toException(REQUEST, response(203, "text/html", html, Map.of()), REFUSED);
    assertThat(e).isInstanceOf(AccessDeniedException.class);
    assertThat(e.getMessage()).contains("sign-in page").contains("203");
    AzureDevOpsApiException redirect =
        ApiErrors.toException(
            REQUEST,
            response(
                302,
                "text/html",
                new byte[0],
                Map.of("Location", List.of("https://login.example/signin"))),
            REFUSED);
    assertThat(redirect).isInstanceOf(AccessDeniedException.class);
    assertThat(e.nextStep()).isEqualTo(REFUSED);
  }

  @Test
  void versionOutOfRangeNamesTheVersionTheServerSupports() {
    byte[] body =
        ("{\"message\":\"The requested REST API version of 7.1 is out of range for this server. The latest REST API"
                + " version this server supports is 6.0.\",\"typeKey\":\"VssVersionOutOfRangeException\"}")
            .getBytes(StandardCharsets.UTF_8);

    AzureDevOpsApiException e =
        ApiErrors.toException(REQUEST, response(400, "application/json", body, Map.of()), REFUSED);

    assertThat(e)
        .isInstanceOfSatisfying(
            UnsupportedApiVersionException.class,
            v -> assertThat(v.supportedVersion()).isEqualTo("6.0"));
  }

  @Test
  void notFoundAndThrottledAreTheirOwnTypes() {
    assertThat(
            ApiErrors.toException(
                REQUEST,
                response(
                    404,
                    "application/json",
                    "{\"message\":\"TF401019: gone\"}".getBytes(StandardCharsets.UTF_8),
                    Map.of()),
                REFUSED))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("TF401019");
    assertThat(
            ApiErrors.toException(
                REQUEST,
                response(429, "application/json", new byte[0], Map.of("Retry-After", List.of("7"))),
                REFUSED))
        .isInstanceOfSatisfying(
            ThrottledException.class,
            t -> {
              assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(7));
              assertThat(t.nextStep().action()).isEqualTo(NextStep.Action.RETRY_LATER);
              assertThat(t.nextStep().parameter("retryAfterSeconds")).isEqualTo("7");
            });
  }

  @Test
  void longOrMultiLineServerMessagesAreTrimmedToOneLine() {
    String huge = "line one\nline two " + "x".repeat(1000);
    AzureDevOpsApiException e =
        ApiErrors.toException(
            REQUEST,
            response(500, "text/plain", huge.getBytes(StandardCharsets.UTF_8), Map.of()),
            REFUSED);

    assertThat(e.getMessage())
        .contains("line one line two")
        .doesNotContain("\n")
        .hasSizeLessThan(450);
  }
}
