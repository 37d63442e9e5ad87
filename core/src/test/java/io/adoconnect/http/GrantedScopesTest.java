package io.adoconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an Entra token's granted permissions allow. */
class GrantedScopesTest {
  @Test
  void userImpersonationAndAnUnknownGrantAllowEverything() {
    for (String scp : new String[] {"user_impersonation", null, " "}) {
      GrantedScopes granted = GrantedScopes.parse(scp);
      assertThat(granted.all()).isTrue();
      for (AccessScope scope : AccessScope.values()) {
        assertThat(granted.allows(scope)).as(scope + " with " + scp).isTrue();
      }
    }
    assertThat(GrantedScopes.ALL.scp()).isEqualTo("user_impersonation");
  }

  @Test
  void aBroaderPermissionGrantsTheNarrowerOnesOfItsFamilyOnly() {
    GrantedScopes granted = GrantedScopes.parse("vso.code_write vso.build");

    assertThat(granted.allows(AccessScope.CODE_READ)).isTrue();
    assertThat(granted.allows(AccessScope.CODE_WRITE)).isTrue();
    assertThat(granted.allows(AccessScope.CODE_STATUS)).isTrue();
    assertThat(granted.allows(AccessScope.BUILD_READ)).isTrue();
    assertThat(granted.allows(AccessScope.BUILD_EXECUTE)).isFalse();
    assertThat(granted.allows(AccessScope.WORK_READ)).isFalse();
    assertThat(granted.allows(AccessScope.RELEASE_READ)).isFalse();
    assertThat(GrantedScopes.parse("vso.code").allows(AccessScope.CODE_STATUS)).isFalse();
  }

  @Test
  void aTokenResponsesScopeFieldReadsLikeTheScpClaim() {
    GrantedScopes granted =
        GrantedScopes.parse(
            "499b84ac-1321-427f-aa17-267ca6975798/vso.code"
                + " https://app.vssps.visualstudio.com/vso.work_write openid profile offline_access");

    assertThat(granted.names()).containsExactly("vso.code", "vso.work_write");
    assertThat(granted.scp()).isEqualTo("vso.code vso.work_write");
    assertThat(granted.known()).containsExactly(AccessScope.CODE_READ, AccessScope.WORK_WRITE);
    assertThat(
            GrantedScopes.parse(
                    "499b84ac-1321-427f-aa17-267ca6975798/user_impersonation openid profile")
                .all())
        .isTrue();
    assertThat(GrantedScopes.of(List.of("vso.code", "user_impersonation")).all()).isTrue();
    // another provider's names (a Keycloak realm in tests) say nothing about Azure DevOps
    assertThat(GrantedScopes.parse("openid profile email roles web-origins").all()).isTrue();
  }
}
