package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.InvalidInputException;
import io.adoconnect.auth.Secret;
import io.adoconnect.http.RetryingTransport;
import io.adoconnect.simulator.Simulator;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Owner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every use case runs for an owner; two owners over one database never see each other's rows. */
class OwnerTest {
  @TempDir Path tmp;

  @Test
  void anOwnersAccountsAreItsOwn() {
    try (Simulator sim = Simulator.start(SimulatorConfig.builder().orgs(1).build())) {
      ConnectSettings settings =
          EntraKit.settings(
              sim.baseUri(),
              tmp.resolve("data"),
              tmp.resolve("key"),
              RetryingTransport.standard(),
              new MutableClock());
      Owner alice = new Owner("orkestral", "alice");
      try (AdoConnect ado = AdoConnect.open(settings, alice)) {
        ado.connectPat(PatTarget.services(List.of("org-001")), Secret.of(sim.config().pat()));
        assertThat(ado.owner()).isEqualTo("orkestral/alice");
        assertThat(ado.accounts()).hasSize(1);
      }
      try (AdoConnect bob = AdoConnect.open(settings, new Owner("orkestral", "bob"));
          AdoConnect local = AdoConnect.open(settings)) {
        assertThat(bob.accounts()).isEmpty();
        assertThat(local.accounts()).isEmpty();
        assertThat(local.owner()).isEqualTo("local");
      }
      try (AdoConnect again = AdoConnect.open(settings, alice)) {
        assertThat(again.accounts()).hasSize(1);
      }
    }
    assertThatThrownBy(() -> new Owner("a/b", "alice")).isInstanceOf(InvalidInputException.class);
  }
}
