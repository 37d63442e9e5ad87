package io.adoconnect.http.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority and two server certificates made at test time with {@code openssl}:
 * {@link #caPem()} is the CA as a PEM file (what a user points ADO_CONNECT_CA_FILE at); {@code
 * server} is valid for {@code localhost} and {@code ado.test} (not 127.0.0.1); {@code expired}
 * ended a day ago.
 */
final class TestCertificates {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  static TestCertificates create(Path dir) throws IOException, InterruptedException {
    TestCertificates certs = new TestCertificates(dir);
    String openssl = RequiredTool.find("openssl").toString();
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:localhost,DNS:ado.test\n");
    certs.run(
        openssl,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "30",
        "-subj",
        "/O=Fabrikam/CN=ado-connect Test Root CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");
    certs.run(
        openssl,
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/O=Fabrikam/CN=localhost");
    certs.sign(openssl, "server", "30");
    certs.sign(openssl, "expired", "-1"); // not after: a day before not before, i.e. expired
    return certs;
  }

  Path caPem() {
    return dir.resolve("ca.pem");
  }

  /** Serves {@code name}'s certificate and the CA above it. */
  SSLContext serverContext(String name) throws IOException, GeneralSecurityException {
    String pem = Files.readString(dir.resolve("server.key"));
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    List<Certificate> chain = new ArrayList<>();
    for (String file : List.of(name + ".crt", "ca.pem")) {
      try (InputStream in = Files.newInputStream(dir.resolve(file))) {
        chain.add(x509.generateCertificate(in));
      }
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", key, PASSWORD, chain.toArray(Certificate[]::new));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private void sign(String openssl, String name, String days)
      throws IOException, InterruptedException {
    run(
        openssl,
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-set_serial",
        String.valueOf(name.hashCode() & 0xffff),
        "-out",
        name + ".crt",
        "-days",
        days,
        "-extfile",
        "ext.cnf");
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
