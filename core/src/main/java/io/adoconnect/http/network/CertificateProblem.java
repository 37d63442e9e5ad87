package io.adoconnect.http.network;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;

/**
 * Why a server's certificate was refused, in words a user can act on, with what to do next. Thrown
 * from the TLS handshake by {@link ExplainingTrustManager} and turned into a {@link
 * io.adoconnect.TransportException} by {@link NetworkErrors}.
 */
public final class CertificateProblem extends CertificateException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  private CertificateProblem(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }

  static CertificateProblem unknownIssuer(X509Certificate[] chain, Path caFile, Throwable cause) {
    X509Certificate top = chain[chain.length - 1];
    String issuer = top.getIssuerX500Principal().getName();
    return new CertificateProblem(
        "the server's certificate ("
            + subject(chain[0])
            + ") is issued by "
            + issuer
            + ", which this machine doesn't trust",
        caFile == null
            ? "If your organization runs its own certificate authority, set "
                + TrustedAuthorities.CA_FILE
                + " to your CA's PEM file (or install it in the system trust store) and try again."
            : "Your CA file "
                + caFile
                + " does not hold "
                + issuer
                + "; add that certificate authority to it (PEM) and try again.",
        cause);
  }

  static CertificateProblem expired(X509Certificate leaf, Throwable cause) {
    return new CertificateProblem(
        "the server's certificate ("
            + subject(leaf)
            + ") expired on "
            + DateTimeFormatter.ISO_INSTANT.format(leaf.getNotAfter().toInstant()),
        "Ask the server's administrator to renew its certificate; check this machine's clock too.",
        cause);
  }

  static CertificateProblem notYetValid(X509Certificate leaf, Throwable cause) {
    return new CertificateProblem(
        "the server's certificate ("
            + subject(leaf)
            + ") is not valid before "
            + DateTimeFormatter.ISO_INSTANT.format(leaf.getNotBefore().toInstant()),
        "Check this machine's clock; if it is right, ask the server's administrator about the certificate.",
        cause);
  }

  static CertificateProblem otherHost(X509Certificate leaf, String host, Throwable cause) {
    return new CertificateProblem(
        "the server's certificate ("
            + subject(leaf)
            + ") is not issued for "
            + (host == null ? "the host name in the URL" : host),
        "Use the host name the certificate names (as in your clone URLs), or ask the server's administrator for a certificate that covers "
            + (host == null ? "this name" : host)
            + ".",
        cause);
  }

  static CertificateProblem refused(X509Certificate leaf, Throwable cause) {
    return new CertificateProblem(
        "the server's certificate (" + subject(leaf) + ") was refused: " + cause.getMessage(),
        "Ask the server's administrator to check its certificate chain.",
        cause);
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
