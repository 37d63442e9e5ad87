package io.adoconnect.http.network;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real forward proxy for tests: Debian's Squid on a free loopback port, with Basic authentication
 * (user {@code alice}) from a generated password file. Squid resolves names from its own hosts
 * file, which maps {@link #HOST} to 127.0.0.1: a test addresses its server as {@code ado.test},
 * which isn't loopback to ado-connect (so it takes the proxy, as a real Server's name would), and
 * nothing is ever asked of DNS — any query would go to 127.0.0.1 too ({@code dns_nameservers}).
 * Stopped, with its helpers, by {@link #close()}.
 */
final class SquidProxy implements AutoCloseable {
  static final String HOST = "ado.test";
  static final String USER = "alice";
  static final String PASSWORD = "s3cret:pa ss";

  private final Process process;
  private final List<ProcessHandle> helpers;
  private final int port;

  private SquidProxy(Process process, int port) {
    this.process = process;
    this.port = port;
    this.helpers = process.descendants().toList();
  }

  int port() {
    return port;
  }

  /** {@code http://alice:…@127.0.0.1:port}, the password percent-encoded as a user would. */
  String urlWithCredentials() {
    return "http://" + USER + ":s3cret%3Apa%20ss@127.0.0.1:" + port;
  }

  String urlWith(String user, String password) {
    return "http://" + user + ":" + password + "@127.0.0.1:" + port;
  }

  static SquidProxy start(Path dir) throws IOException, InterruptedException {
    Path squid = RequiredTool.find("squid", "/usr/sbin");
    Path openssl = RequiredTool.find("openssl");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    // Squid drops to its own user when started as root: it must be able to reach and read these
    // (JUnit's temporary directories are private to their owner).
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
    for (Path p = dir.toRealPath(); p.startsWith(tmp) && !p.equals(tmp); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 " + HOST + "\n");
    Path passwords =
        Files.writeString(dir.resolve("passwords"), USER + ":" + apr1(openssl, PASSWORD) + "\n");
    Path config =
        Files.writeString(
            dir.resolve("squid.conf"),
            String.join(
                "\n",
                "http_port 127.0.0.1:" + port,
                "hosts_file " + hosts,
                "dns_nameservers 127.0.0.1",
                "visible_hostname ado-connect-test-proxy",
                "pid_filename none",
                "cache_log stdio:/dev/null",
                "access_log none",
                "cache deny all",
                "cache_mem 8 MB",
                "pinger_enable off",
                "shutdown_lifetime 0 seconds",
                "auth_param basic program /usr/lib/squid/basic_ncsa_auth " + passwords,
                "auth_param basic children 1 startup=1",
                "acl authenticated proxy_auth REQUIRED",
                "http_access allow authenticated",
                "http_access deny all",
                ""));
    for (Path file : List.of(hosts, passwords, config)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Process process =
        new ProcessBuilder(squid.toString(), "-N", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("squid.log").toFile())
            .start();
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IOException(
            "squid stopped at start: " + Files.readString(dir.resolve("squid.log")));
      }
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return new SquidProxy(process, port);
      } catch (IOException notYet) {
        process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once if squid exits
      }
    }
    process.destroyForcibly();
    throw new IOException("squid did not listen on port " + port + " within 30 s");
  }

  private static String apr1(Path openssl, String password)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(openssl.toString(), "passwd", "-apr1", "-stdin")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().write(password.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String hash =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("openssl passwd failed: " + hash);
    }
    return hash;
  }

  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> all = new java.util.ArrayList<>(helpers);
    all.addAll(process.descendants().toList());
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    for (ProcessHandle helper : all) {
      helper.destroyForcibly();
    }
  }
}
