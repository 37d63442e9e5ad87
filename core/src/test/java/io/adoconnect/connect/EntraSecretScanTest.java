package io.adoconnect.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.adoconnect.AdoConnectException;
import io.adoconnect.ReconnectRequiredException;
import io.adoconnect.discovery.DiscoveryListener;
import io.adoconnect.discovery.DiscoveryResult;
import io.adoconnect.http.Json;
import io.adoconnect.simulator.SimulatorConfig;
import io.adoconnect.store.Account;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a session with sign-in, renewals, a guest tenant, a refused organization and a revoked
 * session, no token or device code Entra handed out appears in the data directory's files, nor in
 * what the API returns or throws.
 */
class EntraSecretScanTest {
  @TempDir Path tmp;
  private EntraKit kit;

  @BeforeEach
  void start() {
    kit = new EntraKit(SimulatorConfig.defaults(), tmp);
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  @Test
  void noTokenOrDeviceCodeIsStoredInTheClearOrShown() throws Exception {
    List<String> shown = new ArrayList<>();
    try (AdoConnect ado = kit.open()) {
      // a flow left pending, and one that signs in
      DeviceFlowView abandoned = ado.startDevice();
      shown.add(abandoned.toString());
      shown.add(ado.pollDevice(abandoned.flowId()).toString());
      DeviceFlowView started = ado.startDevice();
      kit.sim.approve(started.userCode());
      kit.clock.advance(Duration.ofSeconds(5));
      DeviceFlowView done = ado.pollDevice(started.flowId());
      shown.add(started.toString());
      shown.add(done.toString());
      Account account = done.account();
      shown.add(Json.MAPPER.writeValueAsString(done));
      ado.resumableDevice().ifPresent(view -> shown.add(view.toString()));

      // home and guest tenant, the MSA organization refused
      RepositoryListing listing =
          ado.repositories(Optional.empty(), Optional.empty(), DiscoveryListener.NONE);
      shown.add(listing.toString());
      listing.failures().forEach(failure -> shown.add(describe(failure.error())));
      shown.add(ado.test(account.id()).toString());

      // renewals at both tenants
      kit.clock.advance(Duration.ofHours(2));
      RepositoryListing renewed =
          ado.repositories(Optional.empty(), Optional.empty(), DiscoveryListener.NONE);
      shown.add(renewed.toString());
      renewed.failures().stream()
          .map(DiscoveryResult.Failure::error)
          .forEach(e -> shown.add(describe(e)));

      // the session revoked
      kit.sim.revokeRefreshTokens();
      kit.clock.advance(Duration.ofHours(2));
      Throwable revoked =
          catchThrowable(
              () -> ado.repositories(Optional.empty(), Optional.empty(), DiscoveryListener.NONE));
      assertThat(revoked).isInstanceOf(ReconnectRequiredException.class);
      shown.add(describe(revoked));

      for (Account each : ado.accounts()) {
        shown.add(each.toString());
        shown.add(Json.MAPPER.writeValueAsString(each));
      }
    }

    Set<String> secrets = kit.transport.secrets();
    // tokens from the sign-in, the guest tenant's first token and the renewals at both tenants
    assertThat(kit.transport.issued())
        .extracting(RecordingTransport.Issued::path)
        .containsExactlyInAnyOrder(
            "/common/oauth2/v2.0/token",
            EntraKit.tokenPath(kit.secondTenant()),
            EntraKit.tokenPath(kit.secondTenant()),
            EntraKit.tokenPath(kit.homeTenant()));
    // their access and refresh tokens, two device codes, and id tokens (identical when minted in
    // the same second)
    assertThat(secrets.size()).isGreaterThanOrEqualTo(4 * 2 + 2 + 1);

    // the scan would see one: a planted token is found
    String planted = kit.transport.lastIssued().refreshToken();
    assertThat(
            indexOf(
                ("sealed:" + planted + ";").getBytes(StandardCharsets.US_ASCII),
                pieces(planted).iterator().next().getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(7);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(kit.dataDir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).extracting(path -> path.getFileName().toString()).contains("ado-connect.db");
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      for (String secret : secrets) {
        for (String piece : pieces(secret)) {
          assertThat(indexOf(content, piece.getBytes(StandardCharsets.US_ASCII)))
              .as("a secret (%s…) in %s", secret.substring(0, 8), kit.dataDir.relativize(file))
              .isEqualTo(-1);
        }
      }
    }
    for (String text : shown) {
      for (String secret : secrets) {
        for (String piece : pieces(secret)) {
          assertThat(text.contains(piece))
              .as("a secret (%s…) in %s", secret.substring(0, 8), text)
              .isFalse();
        }
      }
    }
  }

  /**
   * The whole value, and the parts that are unique to it: a JWT's signature, an opaque token's
   * middle.
   */
  private static Set<String> pieces(String secret) {
    Set<String> pieces = new LinkedHashSet<>();
    pieces.add(secret);
    String[] jwt = secret.split("\\.");
    if (jwt.length == 3 && jwt[2].length() >= 32) {
      pieces.add(jwt[2]);
    } else if (secret.length() >= 48) {
      pieces.add(secret.substring(secret.length() / 2 - 16, secret.length() / 2 + 16));
    }
    return pieces;
  }

  private static String describe(Throwable error) {
    assertThat(error).isInstanceOf(AdoConnectException.class);
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return error + " | " + ((AdoConnectException) error).hint() + " | " + trace;
  }

  private static int indexOf(byte[] haystack, byte[] needle) throws IOException {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
