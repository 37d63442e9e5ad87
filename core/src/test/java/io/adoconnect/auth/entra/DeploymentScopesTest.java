package io.adoconnect.auth.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scopes a deployment's Microsoft sign-ins ask for, from {@code ADO_CONNECT_ENTRA_SCOPES}. */
class DeploymentScopesTest {
  private static final String ADO = EntraSettings.AZURE_DEVOPS_RESOURCE + "/";
  private static final URI LOGIN = URI.create("https://login.microsoftonline.com");

  @Test
  void withoutTheSettingSignInsAskForUserImpersonationAsBefore() {
    assertThat(EntraSettings.fromEnvironment(LOGIN, Map.of()).scopes())
        .isEqualTo(EntraSettings.DEFAULT_SCOPES)
        .containsExactly(ADO + "user_impersonation", "offline_access", "openid", "profile");
    assertThat(DeploymentScopes.requested("  ")).isEqualTo(EntraSettings.DEFAULT_SCOPES);
  }

  @Test
  void granularScopesArePrefixedWithTheResourceAndKeepTheProfileASignInReads() {
    EntraSettings settings =
        EntraSettings.fromEnvironment(
            LOGIN,
            Map.of(
                "ADO_CONNECT_ENTRA_SCOPES", "vso.code_write, VSO.build_execute  vso.work_write"));

    assertThat(settings.scopes())
        .containsExactly(
            ADO + "vso.code_write",
            ADO + "vso.build_execute",
            ADO + "vso.work_write",
            ADO + "vso.profile",
            "offline_access",
            "openid",
            "profile");
    assertThat(DeploymentScopes.requested(ADO + "vso.code openid"))
        .containsExactly(
            ADO + "vso.code", ADO + "vso.profile", "offline_access", "openid", "profile");
  }

  @Test
  void aTypoStopsTheStartNamingTheUnknownScope() {
    assertThatThrownBy(
            () ->
                EntraSettings.fromEnvironment(
                    LOGIN, Map.of("ADO_CONNECT_ENTRA_SCOPES", "vso.code vso.biuld_execute")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ADO_CONNECT_ENTRA_SCOPES")
        .hasMessageContaining("'vso.biuld_execute'")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).hint())
                    .contains("user_impersonation")
                    .contains("vso.build_execute"));
  }

  @Test
  void userImpersonationMixedWithGranularScopesIsRefused() {
    assertThatThrownBy(() -> DeploymentScopes.requested("user_impersonation vso.code"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mixes user_impersonation vso.code");
  }
}
