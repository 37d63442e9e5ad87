package io.adoconnect.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsAndNamesTest {
  @Test
  void environmentOverridesEachBaseUrl() {
    AzureDevOpsEndpoints endpoints =
        AzureDevOpsEndpoints.fromEnvironment(
            Map.of(
                "ADO_CONNECT_DEVOPS_URL", "http://127.0.0.1:9000/",
                "ADO_CONNECT_VSSPS_URL", "http://127.0.0.1:9001"));

    assertThat(endpoints.devops()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(endpoints.vssps()).isEqualTo(URI.create("http://127.0.0.1:9001"));
    assertThat(endpoints.vsrm()).isEqualTo(AzureDevOpsEndpoints.PUBLIC_CLOUD.vsrm());
    assertThat(endpoints.organization("fabrikam"))
        .isEqualTo(URI.create("http://127.0.0.1:9000/fabrikam"));
  }

  @Test
  void aMalformedOverrideIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                AzureDevOpsEndpoints.fromEnvironment(
                    Map.of("ADO_CONNECT_DEVOPS_URL", "https://user:s3cr3t@host")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ADO_CONNECT_DEVOPS_URL")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(
            () ->
                AzureDevOpsEndpoints.fromEnvironment(
                    Map.of("ADO_CONNECT_DEVOPS_URL", "ftp://host")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void organizationNamesFollowAzureDevOpsRules() {
    assertThat(Organization.checkServicesName("Fabrikam-Fiber-Inc"))
        .isEqualTo("Fabrikam-Fiber-Inc");
    for (String bad : new String[] {"", "-lead", "trail-", "has space", "a/b", "x".repeat(51)}) {
      assertThatThrownBy(() -> Organization.checkServicesName(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("organization name");
    }
  }

  @Test
  void serverCollectionsKeepTheirPrefixAndEncodeTheName() {
    Organization org =
        Organization.server(
            URI.create("https://tfs.example.com/tfs"),
            "Default Collection",
            ApiVersion.parse("6.0"));

    assertThat(org.baseUrl())
        .isEqualTo(URI.create("https://tfs.example.com/tfs/Default%20Collection"));
    assertThat(org.deployment()).isEqualTo(Deployment.SERVER);
    assertThatThrownBy(() -> Organization.checkCollectionName("a/b"))
        .isInstanceOf(InvalidInputException.class);
  }
}
