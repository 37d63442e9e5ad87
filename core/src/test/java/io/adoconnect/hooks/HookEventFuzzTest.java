package io.adoconnect.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.adoconnect.InvalidInputException;

/**
 * Issue 15: a service hook delivery is whatever anyone with the hook password POSTs. {@link
 * HookEvent#parse} either returns an event with the id and type every caller relies on, or refuses
 * with {@link InvalidInputException} (a 400, nothing stored); any other exception would be a 500
 * and a retried, duplicated delivery. The suite replays the committed seeds ({@code
 * HookEventFuzzTestInputs}); {@code scripts/attack --fuzz} searches for new inputs.
 */
class HookEventFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void aDeliveryIsAnEventOrARefusal(byte[] body) {
    try {
      HookEvent event = HookEvent.parse(body);
      assertThat(event.id()).isNotBlank();
      assertThat(event.eventType()).isNotBlank();
    } catch (InvalidInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
