package io.adoconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.adoconnect.AdoConnectException;
import io.adoconnect.AuthenticationException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.TransportException;
import io.adoconnect.http.Json;
import io.adoconnect.server.access.ApiToken;
import io.adoconnect.server.access.ServiceUrlFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ado-connect login-link}: a new one-time login link for the running {@code ado-connect
 * serve} of a data directory. It reads the API token from {@code <data-dir>/api-token} and the
 * service's address from {@code <data-dir>/service-url} (written by {@code serve}), and asks the
 * service ({@code POST /api/session/login-link}): the links are the service's, which keeps the
 * tickets in memory.
 */
@Command(
    name = "login-link",
    mixinStandardHelpOptions = true,
    description = {
      "Print a new login link for the integrations page of the running ado-connect serve.",
      "A link works once, within 60 s, and opens the page in one browser tab; each tab needs its own.",
      "Uses the API token and the address that serve keeps in the data directory."
    })
public final class LoginLinkCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final CliContext ctx;

  @Mixin CommonOptions common;
  @Mixin JsonOption json;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The service's address, e.g. http://127.0.0.1:8080 (default: the one serve recorded in the data directory).")
  String url;

  @Option(names = "--open", description = "Also open the link in your browser.")
  boolean open;

  public LoginLinkCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Path dataDir = common.dataDir(ctx);
    ApiToken token =
        ApiToken.existing(dataDir)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "There is no API token in " + dataDir.resolve(ApiToken.FILE_NAME) + ".",
                        "Start the service with ado-connect serve (it creates the token), using the same"
                            + " --data-dir as here."));
    URI base = base(dataDir);
    JsonNode minted = mint(base, token);
    String link = minted.path("url").asText();
    if (json.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("url", link);
      out.put("expiresAt", minted.path("expiresAt").asText());
      Output.json(ctx.out(), out);
    } else {
      ctx.out().printf("Login link (works once, within 60 s, for one browser tab): %s%n", link);
    }
    if (open && !ctx.browser().test(URI.create(link))) {
      ctx.err().println("Could not open a browser; open the link yourself.");
    }
    return ExitCodes.OK;
  }

  private URI base(Path dataDir) {
    if (url == null) {
      return ServiceUrlFile.read(dataDir)
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      "No running ado-connect service is recorded in " + dataDir + ".",
                      "Start it with ado-connect serve (same --data-dir), or pass its address with --url."));
    }
    URI given;
    try {
      given = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--url is not a URL.", "E.g. --url http://127.0.0.1:8080");
    }
    boolean loopback =
        given.getHost() != null
            && (given.getHost().equals("127.0.0.1")
                || given.getHost().equals("localhost")
                || given.getHost().equals("[::1]"));
    if (!"https".equals(given.getScheme()) && !("http".equals(given.getScheme()) && loopback)) {
      throw new InvalidInputException(
          "--url must be https, or http on this machine (127.0.0.1, localhost): the API token is sent"
              + " to it.",
          "E.g. --url http://127.0.0.1:8080 or --url https://ado-connect.example.com");
    }
    return given;
  }

  private static JsonNode mint(URI base, ApiToken token) throws InterruptedException {
    URI endpoint = base.resolve("/api/session/login-link");
    HttpClient http =
        HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY) // the service is this machine's, or named by URL
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token.reveal())
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new TransportException(
          "The ado-connect service at " + base + " did not answer.",
          "Check that ado-connect serve is running with this --data-dir, or pass its address with --url.",
          e);
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    if (response.statusCode() == 201 && body != null && body.path("url").isTextual()) {
      return body;
    }
    if (response.statusCode() == 401) {
      throw new AuthenticationException(
          "The service at " + base + " did not accept the API token in " + token.file() + ".",
          "Is it the service of this data directory? Pass the same --data-dir as serve, or its --url.");
    }
    String message = body == null ? null : body.path("message").asText(null);
    throw new AdoConnectException(
        "The service at "
            + base
            + " did not make a login link (HTTP "
            + response.statusCode()
            + (message == null ? "" : ": " + message)
            + ").",
        body == null ? null : body.path("hint").asText(null));
  }
}
