package io.adoconnect.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.NextStep;
import io.adoconnect.auth.pat.PatCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretAndPatTest {
  record Holder(String name, Secret secret) {}

  @Test
  void aSecretInsideARecordPrintsMasked() {
    assertThat(new Holder("pat", Secret.of("canary-value-123")).toString())
        .doesNotContain("canary-value-123")
        .contains("****");
  }

  @Test
  void patIsSentAsBasicWithAnEmptyUserName() {
    PatCredential credential = PatCredential.of(Secret.of("abc123"), false);

    String header = credential.authorization().reveal();
    assertThat(header).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8))
        .isEqualTo(":abc123");
    assertThat(credential.toString()).doesNotContain("abc123");
    assertThat(credential.refused().advice()).contains("Code (Read)");
    assertThat(credential.refused().action()).isEqualTo(NextStep.Action.NONE);
  }

  @Test
  void aSavedAccountsRefusedTokenAsksToReconnectThatAccount() {
    NextStep refused = PatCredential.of(Secret.of("abc123"), false).ofAccount("acc1").refused();

    assertThat(refused.action()).isEqualTo(NextStep.Action.RECONNECT);
    assertThat(refused.parameters())
        .containsEntry("accountId", "acc1")
        .containsEntry("method", "pat");
  }

  @Test
  void serverHintMentionsIisBasicAuthentication() {
    assertThat(PatCredential.of(Secret.of("abc"), true).refused().advice())
        .contains("IIS Basic Authentication");
  }

  @Test
  void malformedTokensAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> PatCredential.of(Secret.of("two words"), false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("two words");
    assertThatThrownBy(() -> PatCredential.of(Secret.of("x".repeat(2000)), false))
        .isInstanceOf(InvalidInputException.class);
  }
}
