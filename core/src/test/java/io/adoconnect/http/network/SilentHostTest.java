package io.adoconnect.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adoconnect.TransportException;
import io.adoconnect.http.ApiRequest;
import io.adoconnect.http.Retry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole stack against a socket that accepts and never answers, with timeouts of a fraction of a
 * second (configured as a user would, through the environment).
 */
class SilentHostTest {
  private ServerSocket silent;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private Thread acceptor;

  @BeforeEach
  void start() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  accepted.add(silent.accept()); // read nothing, answer nothing
                }
              } catch (IOException closed) {
                // the test is over
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    silent.close();
    for (Socket socket : accepted) {
      socket.close();
    }
    acceptor.join(5000);
  }

  @Test
  void saysEachRetryAndStatesTheTotalWhenTheHostNeverAnswers() {
    List<Retry> announced = new CopyOnWriteArrayList<>();
    NetworkSettings settings =
        NetworkSettings.fromEnvironment(
            Map.of("ADO_CONNECT_TIMEOUT", "0.3", "ADO_CONNECT_RETRY_DEADLINE", "2"),
            new Properties(),
            List.of());
    URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/_apis/connectionData");

    TransportException failure =
        catchThrowableOfType(
            TransportException.class,
            () -> settings.transport(announced::add).send(ApiRequest.get(uri)));

    // How many 0.3 s tries fit in 2 s depends on the machine's speed; each is announced and
    // counted.
    int tries = accepted.size();
    assertThat(tries).isBetween(2, 4);
    assertThat(failure)
        .hasMessageStartingWith("127.0.0.1 did not answer in " + tries + " tries over ")
        .hasMessageContaining("each try waited 0.3 s");
    assertThat(announced).hasSize(tries - 1);
    assertThat(announced)
        .allSatisfy(retry -> assertThat(retry.reason()).isEqualTo(Retry.Reason.NO_ANSWER));
    assertThat(announced.get(0).nextAttempt()).isEqualTo(2);
  }
}
