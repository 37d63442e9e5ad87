package io.adoconnect.bench.attack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code ado-connect serve --team} with two applications, each made by the operator's
 * {@code apps create} with a webhook to the run's receiver. Keys and signing secrets become
 * canaries; the {@code apps create} output they were shown in once is where they belong.
 */
final class TeamService {
  /** Short enough that the run sees a link expire; the shortest the deployment may choose. */
  static final int LINK_LIFETIME_SECONDS = 2;

  /** An application: its id, API key and webhook signing secret. */
  record App(String id, String key, String webhookSecret) {}

  /** An application acting for one end user: the headers each of its calls sends. */
  record Caller(App app, String endUser) {
    String[] headers() {
      return new String[] {"Authorization: Bearer " + app.key(), "X-End-User: " + endUser};
    }

    Caller as(String other) {
      return new Caller(app, other);
    }

    @Override
    public String toString() {
      return endUser + " of " + app.id();
    }
  }

  final Http http;
  final App first;
  final App second;
  final Launcher.Server process;

  private TeamService(Http http, App first, App second, Launcher.Server process) {
    this.http = http;
    this.first = first;
    this.second = second;
    this.process = process;
  }

  /** Creates the two applications, then starts the team service on the same data directory. */
  static TeamService start(Target target, String name, int receiverPort) throws Exception {
    Path home = Files.createDirectories(target.work.resolve(name));
    Map<String, String> env = new HashMap<>(target.env(home));
    // the receiver is on 127.0.0.1: only the deployment may allow such an address
    env.put("ADO_CONNECT_ALLOWED_TARGETS", "127.0.0.1:" + receiverPort);
    env.put("ADO_CONNECT_CONNECT_LINK_LIFETIME", LINK_LIFETIME_SECONDS + "s");
    env.put("ADO_CONNECT_WEBHOOK_BACKOFF", "1s,1s");
    App first = create(target, env, "orchestrator", receiverPort);
    App second = create(target, env, "ci-service", receiverPort);
    Launcher.Server server =
        target.launcher.startServer(name, env, "serve", "--team", "--port", "0");
    return new TeamService(new Http(server.url().getPort(), target.answers), first, second, server);
  }

  private static App create(Target target, Map<String, String> env, String name, int port)
      throws Exception {
    String url = "http://127.0.0.1:" + port + "/" + name;
    Launcher.Running run =
        target.launcher.start(
            "apps-create-" + name,
            env,
            null,
            "apps",
            "create",
            name,
            "--webhook-url",
            url,
            "--json");
    if (!run.process().waitFor(3, TimeUnit.MINUTES) || run.process().exitValue() != 0) {
      throw new IllegalStateException("apps create " + name + ":\n" + run.output());
    }
    String output = run.output();
    JsonNode made = Service.JSON.readTree(output.substring(output.indexOf('{')));
    App app =
        new App(
            made.path("application").path("id").asText(),
            made.path("key").asText(),
            made.path("webhookSecret").asText());
    for (String secret : List.of(app.key(), app.webhookSecret())) {
      target.canaries.add(secret);
      target.shownIn.put(secret, run.log());
    }
    return app;
  }

  Caller caller(App app, String endUser) {
    return new Caller(app, endUser);
  }

  /** Connects {@code org} with the simulator's PAT for {@code caller}; the account id. */
  String connect(Caller caller, String org) throws IOException {
    Http.Answer a =
        http.json(
            "POST",
            "/api/connections/pat",
            Service.JSON.writeValueAsString(
                Map.of("organizations", List.of(org), "pat", Target.CANARY_PAT)),
            caller.headers());
    if (a.status() != 201) {
      throw new IllegalStateException("connect " + org + " for " + caller + ": " + a + a.body());
    }
    return Service.JSON.readTree(a.body()).path("id").asText();
  }
}
