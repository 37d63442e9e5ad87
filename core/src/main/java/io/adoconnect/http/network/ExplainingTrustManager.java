package io.adoconnect.http.network;

import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Java's PKIX trust manager, checking in an order that tells the user which problem the server's
 * certificate has: expired (or not yet valid), issued by an authority this machine doesn't trust,
 * or issued for another host name. Java's own message for all three is a variation of "PKIX path
 * building failed", which says nothing a user can act on; {@link CertificateProblem} does.
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager pkix;
  private final Path caFile;

  ExplainingTrustManager(X509ExtendedTrustManager pkix, Path caFile) {
    this.pkix = pkix;
    this.caFile = caFile;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkValidityAndIssuer(chain, authType);
    try {
      pkix.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      throw CertificateProblem.otherHost(chain[0], engine == null ? null : engine.getPeerHost(), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkValidityAndIssuer(chain, authType);
    try {
      pkix.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw CertificateProblem.otherHost(chain[0], null, e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    checkValidityAndIssuer(chain, authType);
  }

  private void checkValidityAndIssuer(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    try {
      chain[0].checkValidity();
    } catch (CertificateExpiredException e) {
      throw CertificateProblem.expired(chain[0], e);
    } catch (CertificateNotYetValidException e) {
      throw CertificateProblem.notYetValid(chain[0], e);
    }
    try {
      pkix.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      if (causedBy(e, CertPathBuilderException.class)) {
        throw CertificateProblem.unknownIssuer(chain, caFile, e);
      }
      throw CertificateProblem.refused(chain[0], e);
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix.getAcceptedIssuers();
  }
}
