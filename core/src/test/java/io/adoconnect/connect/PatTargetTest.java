package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatTargetTest {
  @Test
  void servicesTargetsDropDuplicateOrganizationsIgnoringCase() {
    PatTarget target = PatTarget.services(List.of("fabrikam", "Fabrikam", "contoso"));

    assertThat(target.organizations()).containsExactly("fabrikam", "contoso");
    assertThat(target.host()).isEqualTo("services");
    assertThat(target.isServer()).isFalse();
  }

  @Test
  void serverUrlIsKeptAsGivenWithOrWithoutATfsPrefix() {
    assertThat(PatTarget.server("https://tfs.example.com/tfs/", "DefaultCollection").serverUrl())
        .isEqualTo(URI.create("https://tfs.example.com/tfs"));
    assertThat(PatTarget.server("https://ado.example.com", "DefaultCollection").serverUrl())
        .isEqualTo(URI.create("https://ado.example.com"));
  }

  @Test
  void aPrefixGivenWithTheCollectionMovesToTheServerUrl() {
    PatTarget target = PatTarget.server("https://azure.example.com", "tfs/DefaultCollection");

    assertThat(target.serverUrl()).isEqualTo(URI.create("https://azure.example.com/tfs"));
    assertThat(target.collection()).isEqualTo("DefaultCollection");
    assertThat(target.names()).containsExactly("DefaultCollection");
  }

  @Test
  void aServerUrlThatAlreadyEndsWithTheCollectionIsRefusedWithTheFix() {
    assertThatThrownBy(
            () ->
                PatTarget.server(
                    "https://tfs.example.com/tfs/DefaultCollection", "DefaultCollection"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already ends with the collection")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).nextStep())
                    .isEqualTo(
                        NextStep.connectServer("https://tfs.example.com/tfs", "DefaultCollection")
                            .withAdvice(
                                "Give the server URL without the collection, and the collection"
                                    + " apart.")));
  }

  @Test
  void missingOrMalformedPartsAreRefused() {
    assertThatThrownBy(() -> PatTarget.services(List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PatTarget.services(List.of("not an org")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PatTarget.server("tfs.example.com", "DefaultCollection"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PatTarget.server("https://tfs.example.com", " "))
        .isInstanceOf(InvalidInputException.class);
  }
}
