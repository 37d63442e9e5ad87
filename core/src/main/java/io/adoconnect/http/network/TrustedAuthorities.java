package io.adoconnect.http.network;

import io.adoconnect.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities ado-connect trusts: Java's own (its {@code cacerts}, or the trust
 * store the JVM's {@code javax.net.ssl.trustStore} names), plus the operating system's bundle
 * (where an administrator installs a company CA with {@code update-ca-certificates} or its
 * equivalent), plus a PEM file the user names in {@code ADO_CONNECT_CA_FILE} — so a Server behind
 * an internal CA works without touching the JDK. A certificate that fails is explained by {@link
 * ExplainingTrustManager}.
 */
public final class TrustedAuthorities {
  /** Where Linux distributions and macOS keep the system bundle; the first that exists is read. */
  static final List<Path> SYSTEM_BUNDLES =
      List.of(
          Path.of("/etc/ssl/certs/ca-certificates.crt"), // Debian, Ubuntu, Alpine, Arch
          Path.of("/etc/pki/tls/certs/ca-bundle.crt"), // Fedora, RHEL
          Path.of("/etc/ssl/ca-bundle.pem"), // openSUSE
          Path.of("/etc/ssl/cert.pem")); // macOS, BSD

  public static final String CA_FILE = "ADO_CONNECT_CA_FILE";

  private final List<X509Certificate> own;
  private final Path caFile;
  private final List<Path> systemBundles;
  private List<X509Certificate> anchors;

  private TrustedAuthorities(List<X509Certificate> own, Path caFile, List<Path> systemBundles) {
    this.own = List.copyOf(own);
    this.caFile = caFile;
    this.systemBundles = List.copyOf(systemBundles);
  }

  /**
   * Java's anchors, the first system bundle of {@code systemBundles} that exists, and {@code
   * ADO_CONNECT_CA_FILE} from {@code env}.
   *
   * @throws InvalidInputException when {@code ADO_CONNECT_CA_FILE} can't be read or holds no
   *     certificate
   */
  public static TrustedAuthorities from(Map<String, String> env, List<Path> systemBundles) {
    // Only the user's file is read here, so a bad one is reported before anything else happens;
    // Java's store and the system bundle (~150 certificates to parse) wait until a connection
    // needs them, which a command that only reads the local store never does.
    Path caFile = null;
    List<X509Certificate> own = List.of();
    String named = env.get(CA_FILE);
    if (named != null && !named.isBlank()) {
      caFile = Path.of(named.trim());
      try {
        own = readPem(caFile);
      } catch (IOException e) {
        throw new InvalidInputException(
            CA_FILE + " names " + caFile + ", which can't be read (" + e.getMessage() + ").",
            "Point " + CA_FILE + " at a readable PEM file holding your certificate authority.");
      } catch (CertificateException e) {
        throw new InvalidInputException(
            CA_FILE + " names " + caFile + ", which is not a PEM certificate file.",
            "Export your certificate authority as PEM (-----BEGIN CERTIFICATE-----) and point "
                + CA_FILE
                + " at it.");
      }
      if (own.isEmpty()) {
        throw new InvalidInputException(
            CA_FILE + " names " + caFile + ", which holds no certificate.",
            "Export your certificate authority as PEM (-----BEGIN CERTIFICATE-----) and point "
                + CA_FILE
                + " at it.");
      }
    }
    return new TrustedAuthorities(own, caFile, systemBundles);
  }

  /** Java's anchors, the first readable system bundle's, then the user's; read once. */
  private synchronized List<X509Certificate> anchors() {
    if (anchors == null) {
      List<X509Certificate> all = new ArrayList<>(List.of(javaDefaults().getAcceptedIssuers()));
      for (Path bundle : systemBundles) {
        if (Files.isReadable(bundle)) {
          try {
            all.addAll(readPem(bundle));
          } catch (IOException | CertificateException e) {
            // A damaged system bundle leaves Java's own anchors; ADO_CONNECT_CA_FILE still applies.
          }
          break;
        }
      }
      all.addAll(own);
      anchors = List.copyOf(all);
    }
    return anchors;
  }

  /** An SSL context that trusts these authorities and explains a certificate it refuses. */
  public SSLContext sslContext() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate anchor : anchors()) {
        store.setCertificateEntry("anchor-" + i++, anchor);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509ExtendedTrustManager pkix = null;
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager extended) {
          pkix = extended;
        }
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new ExplainingTrustManager(pkix, caFile)}, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Java's TLS implementation could not be set up", e);
    }
  }

  /** How many authorities are trusted, for debug logs. */
  @Override
  public String toString() {
    return anchors().size()
        + " trusted certificate authorities"
        + (caFile == null ? "" : " (including " + CA_FILE + "=" + caFile + ")");
  }

  private static X509TrustManager javaDefaults() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("Java has no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java's trust store could not be read", e);
    }
  }

  private static List<X509Certificate> readPem(Path file) throws IOException, CertificateException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends java.security.cert.Certificate> read =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> certificates = new ArrayList<>();
      for (java.security.cert.Certificate certificate : read) {
        if (certificate instanceof X509Certificate x509) {
          certificates.add(x509);
        }
      }
      return certificates;
    }
  }
}
