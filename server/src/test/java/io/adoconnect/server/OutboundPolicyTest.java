package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.TransportException;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.net.Resolver;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address policy decides "through a proxy or not" by the route the transport really takes,
 * which comes from the environment ({@code HTTPS_PROXY}, {@code NO_PROXY}), not from the JVM's
 * default proxy selector that never reads it.
 */
class OutboundPolicyTest {
  private static final URI INTRANET = URI.create("https://tfs.corp.example/tfs/_apis/projects");
  private static final Resolver NOTHING_RESOLVES =
      host -> {
        throw new UnknownHostException(host);
      };

  @TempDir Path tmp;
  private final List<URI> sent = new ArrayList<>();

  private ConnectSettings checked(Map<String, String> env) {
    ConnectSettings settings =
        ConnectSettings.fromEnvironment(tmp, Map.of())
            .withTransport(
                request -> {
                  sent.add(request.uri());
                  return new ApiResponse(200, Map.of(), new byte[0]);
                });
    return OutboundPolicy.apply(settings, env, NOTHING_RESOLVES);
  }

  @Test
  void aNameOnlyTheProxyCanResolveGoesThroughTheProxyFromTheEnvironment() {
    checked(Map.of("HTTPS_PROXY", "http://127.0.0.1:3128"))
        .transport()
        .send(ApiRequest.get(INTRANET));

    assertThat(sent).containsExactly(INTRANET);
  }

  @Test
  void withTheHostInNoProxyTheSameNameIsCheckedHereAndRefused() {
    ConnectSettings settings =
        checked(Map.of("HTTPS_PROXY", "http://127.0.0.1:3128", "NO_PROXY", ".corp.example"));

    assertThatThrownBy(() -> settings.transport().send(ApiRequest.get(INTRANET)))
        .isInstanceOf(TransportException.class);
    assertThat(sent).isEmpty();
  }
}
