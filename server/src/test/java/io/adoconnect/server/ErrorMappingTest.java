package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.AdoConnectException;
import io.adoconnect.AuthenticationException;
import io.adoconnect.AzureDevOpsApiException;
import io.adoconnect.ConditionalAccessException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.NotFoundException;
import io.adoconnect.OrganizationNotSupportedException;
import io.adoconnect.ReconnectRequiredException;
import io.adoconnect.ThrottledException;
import io.adoconnect.TransportException;
import io.adoconnect.UnexpectedResponseException;
import io.adoconnect.UnsupportedApiVersionException;
import io.adoconnect.VaultException;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.errors.ErrorMapping;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The exception → status table of ErrorMapping; upstream credential failures are never our own
 * 401/403.
 */
class ErrorMappingTest {
  private static void maps(Throwable failure, int status, String code) {
    ErrorMapping.Mapped mapped = ErrorMapping.map(failure);
    assertThat(mapped.status()).as(failure.getClass().getSimpleName()).isEqualTo(status);
    assertThat(mapped.error().code()).as(failure.getClass().getSimpleName()).isEqualTo(code);
  }

  @Test
  void everyFailureHasOneStatusAndCode() {
    maps(new InvalidInputException("m", "h"), 400, "invalid_input");
    maps(new NotFoundException("t", "m", "h"), 404, "not_found");
    maps(new AccessDeniedException(401, "t", "m", "h"), 424, "azure_devops_access_denied");
    maps(new AccessDeniedException(203, "t", "m", "h"), 424, "azure_devops_access_denied");
    maps(new ReconnectRequiredException("m", "h"), 424, "reconnect_required");
    maps(new ConditionalAccessException("m", "h"), 424, "conditional_access");
    maps(new AuthenticationException("m", "h"), 424, "authentication_failed");
    maps(new OrganizationNotSupportedException("m", "h"), 424, "organization_not_supported");
    maps(new ThrottledException("m", Duration.ofSeconds(30)), 429, "throttled");
    maps(new UnsupportedApiVersionException("m", "6.0"), 502, "unsupported_api_version");
    maps(new AzureDevOpsApiException(500, "t", "m", "h"), 502, "azure_devops_error");
    maps(new UnexpectedResponseException(200, "m", "h"), 502, "azure_devops_bad_response");
    maps(new TransportException("m", "h", null), 504, "upstream_unreachable");
    maps(new VaultException("m", "h"), 503, "vault_unavailable");
    maps(new AdoConnectException("m", "h"), 500, "error");
    maps(new ApiException(409, "conflict", "m", "h"), 409, "conflict");
    maps(new IllegalStateException("secret detail"), 500, "internal_error");
    assertThat(ErrorMapping.map(new IllegalStateException("secret detail")).error().message())
        .doesNotContain("secret detail");
  }
}
