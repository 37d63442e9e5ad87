package io.adoconnect.bench.attack;

import io.adoconnect.auth.Secret;
import io.adoconnect.connect.AdoConnect;
import io.adoconnect.connect.ConnectSettings;
import io.adoconnect.http.ApiResponse;
import io.adoconnect.http.HttpTransport;
import io.adoconnect.net.Resolver;
import io.adoconnect.server.OutboundPolicy;
import io.adoconnect.server.ServerApp;
import io.adoconnect.server.ServerConfig;
import io.adoconnect.server.access.ApiToken;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-side request forgery through every entry point that takes a URL from a caller: the PAT
 * connection's Server URL, in {@code POST /api/connections/pat/test} and {@code POST
 * /api/connections/pat}. Loopback targets aim at a listener on 127.0.0.1 that counts every
 * connection and answers with a canary (so a read-back would show); private, link-local, metadata
 * and other internal targets go to an in-process service whose resolver maps names to those
 * addresses and whose transport counts anything that gets past the policy, so no packet leaves
 * loopback. Refused: a 4xx and no connection. (Hook subscriptions' receiver URLs are called by
 * Azure DevOps, never by ado-connect, so they are no entry point of the service's.)
 */
final class SsrfAttack {
  static final String INTERNAL_CANARY = "internal-service-canary-4f1c9e2b7d";
  private static final List<String> ENTRY_POINTS =
      List.of("/api/connections/pat/test", "/api/connections/pat");

  private SsrfAttack() {}

  /** Loopback forms of 127.0.0.1 (and ::1) with the listener's port. */
  static List<String> loopbackHosts(int port, int port6) {
    List<String> hosts = new ArrayList<>();
    for (String h :
        List.of(
            "127.0.0.1",
            "localhost",
            "LOCALHOST",
            "localhost.",
            "sub.localhost",
            "tfs.localhost",
            "0.0.0.0",
            "2130706433",
            "0x7f000001",
            "0177.0.0.1",
            "0x7f.0.0.1",
            "127.1",
            "127.0.1",
            "017700000001",
            "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]",
            "[0:0:0:0:0:ffff:127.0.0.1]",
            "[::127.0.0.1]",
            "127.0.0.1.",
            "dev.azure.com@127.0.0.1")) {
      hosts.add(h + ":" + port);
    }
    if (port6 > 0) {
      hosts.add("[::1]:" + port6);
      hosts.add("[0:0:0:0:0:0:0:1]:" + port6);
      hosts.add("ip6-localhost:" + port6);
    }
    return hosts;
  }

  /** Internal names the in-process resolver maps, and literal internal addresses. */
  static final Map<String, String> INTERNAL_NAMES =
      Map.ofEntries(
          Map.entry("tfs.corp.example", "10.0.0.5"),
          Map.entry("db.corp.example", "192.168.1.10"),
          Map.entry("vpn.corp.example", "172.16.4.4"),
          Map.entry("meta.corp.example", "169.254.169.254"),
          Map.entry("wire.corp.example", "168.63.129.16"),
          Map.entry("cgnat.corp.example", "100.64.0.1"),
          Map.entry("ula.corp.example", "fd12:3456::1"),
          Map.entry("ec2v6.corp.example", "fd00:ec2::254"),
          Map.entry("linklocal6.corp.example", "fe80::1"),
          Map.entry("mapped.corp.example", "::ffff:10.0.0.1"),
          Map.entry("nat64.corp.example", "64:ff9b::a00:1"),
          Map.entry("sixtofour.corp.example", "2002:a00:1::1"),
          Map.entry("zero.corp.example", "0.0.0.0"),
          Map.entry("multicast.corp.example", "224.0.0.251"),
          Map.entry("doc.corp.example", "192.0.2.10"),
          Map.entry("rebind.corp.example", "127.0.0.1"),
          Map.entry("mixed.corp.example", "8.8.8.8,10.0.0.1"));

  static final List<String> INTERNAL_LITERALS =
      List.of(
          "10.0.0.1",
          "172.31.255.254",
          "192.168.0.1",
          "169.254.169.254",
          "169.254.170.2",
          "168.63.129.16",
          "100.100.100.200",
          "[fd00:ec2::254]",
          "[fe80::1]",
          "[::ffff:169.254.169.254]",
          "[::ffff:a9fe:a9fe]",
          "0xa9fea9fe",
          "2852039166",
          "metadata.google.internal",
          "metadata",
          "instance-data");

  static void run(Target target, Service service, Tally tally, int rounds) throws Exception {
    target.canaries.add(INTERNAL_CANARY);
    loopback(
        service.http,
        new String[] {service.bearer()},
        tally.row("SSRF, loopback targets (listener on 127.0.0.1)"),
        rounds);
    internal(target, tally, rounds);
  }

  /** The loopback targets through a team service's routes, as an application's end user. */
  static void team(TeamService team, TeamService.Caller caller, Tally tally, int rounds)
      throws Exception {
    loopback(
        team.http,
        caller.headers(),
        tally.row("team: SSRF, loopback targets (as an end user)"),
        rounds);
  }

  private static void loopback(Http http, String[] auth, Tally.Row row, int rounds)
      throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        ServerSocket listener6 = listen6()) {
      AtomicInteger connections = new AtomicInteger();
      accept(listener, connections);
      if (listener6 != null) {
        accept(listener6, connections);
      }
      List<String> urls = new ArrayList<>();
      for (String host :
          loopbackHosts(
              listener.getLocalPort(), listener6 == null ? 0 : listener6.getLocalPort())) {
        urls.add("http://" + host + "/tfs/DefaultCollection");
        urls.add("https://" + host + "/DefaultCollection/Project/_git/repo");
      }
      row.notes.add(
          urls.size()
              + " URLs x "
              + ENTRY_POINTS.size()
              + " entry points (Server URL of pat/test and pat); connections the listener saw: counted"
              + " as succeeded");
      for (int round = 0; round < rounds; round++) {
        attack(http, auth, urls, row, connections);
      }
    }
  }

  private static ServerSocket listen6() {
    try {
      return new ServerSocket(0, 50, InetAddress.getByName("::1"));
    } catch (IOException noIpv6) {
      return null;
    }
  }

  private static void accept(ServerSocket listener, AtomicInteger connections) {
    Thread thread =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                  connections.incrementAndGet();
                  OutputStream out = s.getOutputStream();
                  byte[] body =
                      ("{\"authenticatedUser\":{\"providerDisplayName\":\""
                              + INTERNAL_CANARY
                              + "\"},\"instanceId\":\""
                              + INTERNAL_CANARY
                              + "\"}")
                          .getBytes(StandardCharsets.UTF_8);
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                              + body.length
                              + "\r\nConnection: close\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(body);
                } catch (IOException closed) {
                  // the listener closed, or a client hung up
                }
              }
            },
            "ssrf-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private static void attack(
      Http http, String[] auth, List<String> urls, Tally.Row row, AtomicInteger connections)
      throws IOException {
    for (String entry : ENTRY_POINTS) {
      for (String url : urls) {
        int before = connections.get();
        String body =
            Service.JSON.writeValueAsString(
                Map.of(
                    "serverUrl", url, "collection", "DefaultCollection", "pat", Target.CANARY_PAT));
        Http.Answer a = http.json("POST", entry, body, auth);
        boolean refused =
            a.status() >= 400
                && a.status() < 500
                && connections.get() == before
                && !a.body().contains(INTERNAL_CANARY);
        row.attempt(refused, entry + " " + url + " -> " + a.status() + " " + Service.code(a));
      }
    }
  }

  /**
   * The service as {@code serve} builds it, in this process, with a resolver that maps the internal
   * names and a transport that counts what reaches it instead of sending.
   */
  private static void internal(Target target, Tally tally, int rounds) throws Exception {
    Path home = Files.createDirectories(target.work.resolve("ssrf-internal"));
    AtomicInteger sent = new AtomicInteger();
    HttpTransport tripwire =
        request -> {
          if (!request.uri().toString().startsWith(target.simulator.toString())) {
            sent.incrementAndGet();
          }
          return new ApiResponse(599, Map.of(), new byte[0]);
        };
    Resolver resolver =
        host -> {
          String mapped = INTERNAL_NAMES.get(host.toLowerCase(java.util.Locale.ROOT));
          if (mapped == null) {
            throw new UnknownHostException(host);
          }
          List<InetAddress> all = new ArrayList<>();
          for (String address : mapped.split(",")) {
            all.add(InetAddress.getByName(address)); // literals: no lookup
          }
          return all;
        };
    Map<String, String> env = target.env(home);
    ConnectSettings settings = ConnectSettings.fromEnvironment(home, env).withTransport(tripwire);
    List<String> urls = new ArrayList<>();
    for (String host : INTERNAL_NAMES.keySet()) {
      urls.add("https://" + host + "/tfs/DefaultCollection");
      urls.add("http://" + host + ":8080/tfs/DefaultCollection/P/_git/r");
    }
    for (String host : INTERNAL_LITERALS) {
      urls.add("http://" + host + "/tfs/DefaultCollection");
      urls.add("https://" + host + ":443/DefaultCollection");
    }
    Tally.Row row = tally.row("SSRF, internal targets (injected resolver)");
    row.notes.add(
        urls.size()
            + " URLs (private, link-local, CGNAT, ULA, metadata, IPv4-in-IPv6, mixed answers) x "
            + ENTRY_POINTS.size()
            + " entry points; requests that reached the transport: counted as succeeded");
    try (AdoConnect ado =
        AdoConnect.open(OutboundPolicy.apply(settings, env, resolver), Optional.<Secret>empty())) {
      ApiToken token = ApiToken.loadOrCreate(home);
      target.canaries.add(token.reveal());
      ServerApp app =
          ServerApp.create(
                  new ServerConfig("127.0.0.1", 0, token, Optional.empty(), Clock.systemUTC()), ado)
              .start();
      try {
        Http http = new Http(app.port(), target.answers);
        for (int round = 0; round < rounds; round++) {
          attack(http, new String[] {"Authorization: Bearer " + token.reveal()}, urls, row, sent);
        }
        row.attempt(ado.accounts().isEmpty(), "an account to an internal host was saved");
      } finally {
        app.stop();
      }
    }
  }
}
