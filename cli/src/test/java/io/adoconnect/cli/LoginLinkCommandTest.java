package io.adoconnect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.server.ServerApp;
import io.adoconnect.server.ServerConfig;
import io.adoconnect.server.access.ApiToken;
import io.adoconnect.server.access.ServiceUrlFile;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ado-connect login-link} against a running service of the same data directory (as {@code
 * serve} starts it, with the address it records): the link it prints opens one tab's session once.
 */
class LoginLinkCommandTest extends CliTestBase {
  private AdoConnect serviceAdo;
  private ServerApp service;

  @BeforeEach
  void serve() {
    String base = simulator.baseUri().toString();
    serviceAdo =
        AdoConnect.open(
            ConnectSettings.fromEnvironment(
                cli.dataDir,
                Map.of(
                    "ADO_CONNECT_DEVOPS_URL", base,
                    "ADO_CONNECT_VSSPS_URL", base,
                    "ADO_CONNECT_LOGIN_URL", base,
                    "ADO_CONNECT_KEY_FILE", cli.keyFile.toString())));
    service =
        ServerApp.create(ServerConfig.local(ApiToken.loadOrCreate(cli.dataDir)), serviceAdo)
            .start();
    ServiceUrlFile.write(cli.dataDir, service.baseUri());
  }

  @AfterEach
  void stop() {
    ServiceUrlFile.remove(cli.dataDir, service.baseUri());
    service.stop();
    serviceAdo.close();
    String token = ApiToken.existing(cli.dataDir).map(ApiToken::reveal).orElse("none");
    assertThat(cli.runs())
        .allSatisfy(
            run ->
                assertThat(run.out() + run.err()).as(run.args().toString()).doesNotContain(token));
  }

  /** The page's login exchange for the link's ticket: its status. */
  private static int exchange(String link) throws Exception {
    String ticket = link.substring(link.indexOf("ticket=") + "ticket=".length());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(link).resolve("/api/session"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":\"" + ticket + "\"}"))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void printsALinkThatOpensOneTabsSessionOnce() throws Exception {
    Cli.Run run = cli.run("login-link").assertOk();
    String link = run.out().substring(run.out().indexOf("http")).strip();
    assertThat(link).startsWith(service.baseUri() + "/login?ticket=");
    assertThat(run.out()).contains("works once");
    assertThat(exchange(link)).isEqualTo(201);
    assertThat(exchange(link)).as("used").isEqualTo(400);
    // each run is a new link
    String second = cli.run("login-link").assertOk().out();
    assertThat(second).doesNotContain(link);
  }

  @Test
  void jsonGivesTheUrlAndWhenItExpires() throws Exception {
    Cli.Run run = cli.run("login-link", "--json").assertOk();
    String link = run.json().path("url").asText();
    assertThat(link).startsWith(service.baseUri() + "/login?ticket=");
    assertThat(run.json().path("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(exchange(link)).isEqualTo(201);
  }

  @Test
  void anExplicitUrlAndOpeningTheBrowser() throws Exception {
    List<URI> opened = new ArrayList<>();
    Files.delete(cli.dataDir.resolve(ServiceUrlFile.FILE_NAME));
    cli.invocation()
        .browser(opened::add)
        .run("login-link", "--url", service.baseUri().toString(), "--open")
        .assertOk();
    assertThat(opened).hasSize(1);
    assertThat(exchange(opened.get(0).toString())).isEqualTo(201);
    Cli.Run plainHttp = cli.run("login-link", "--url", "http://ado-connect.example.com");
    plainHttp.assertExit(2);
    assertThat(plainHttp.err()).contains("https");
  }

  @Test
  void saysWhatToDoWhenThereIsNoServiceOrToken() throws Exception {
    Files.delete(cli.dataDir.resolve(ServiceUrlFile.FILE_NAME));
    Cli.Run none = cli.run("login-link");
    none.assertExit(2);
    assertThat(none.err()).contains("No running ado-connect service").contains("ado-connect serve");

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ServiceUrlFile.write(cli.dataDir, URI.create("http://127.0.0.1:" + closed));
    Cli.Run stale = cli.run("login-link");
    stale.assertExit(4);
    assertThat(stale.err()).contains("did not answer").contains("ado-connect serve");
    ServiceUrlFile.write(cli.dataDir, service.baseUri());

    // a service of another data directory: its token is not this one
    Files.writeString(cli.dataDir.resolve(ApiToken.FILE_NAME), "y".repeat(43) + "\n");
    Cli.Run otherToken = cli.run("login-link");
    otherToken.assertExit(3);
    assertThat(otherToken.err()).contains("did not accept the API token");

    Files.delete(cli.dataDir.resolve(ApiToken.FILE_NAME));
    Cli.Run noToken = cli.run("login-link");
    noToken.assertExit(2);
    assertThat(noToken.err()).contains("no API token").contains("ado-connect serve");
  }

  @Test
  void helpSaysWhatItIsFor() {
    Cli.Run help = cli.run("login-link", "--help").assertOk();
    assertThat(help.out()).contains("login link").contains("--json").contains("--url");
  }
}
