package io.adoconnect.simulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adoconnect.simulator.http.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The RSA key the simulated Entra signs tokens with (RS256 = {@code SHA256withRSA}, JDK only), and
 * its JWK. A fresh 2048-bit key per simulator, created on first use so PAT-only runs pay nothing.
 */
final class SigningKey {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair pair;
  private final String kid;

  private SigningKey(KeyPair pair) {
    this.pair = pair;
    this.kid = BASE64URL.encodeToString(sha(pair.getPublic().getEncoded(), "SHA-1"));
  }

  static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new SigningKey(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is always available in the JDK", e);
    }
  }

  String kid() {
    return kid;
  }

  /**
   * A compact JWS: header {@code {"typ":"JWT","alg":"RS256","kid":…}}, the claims, an RS256
   * signature.
   */
  String sign(ObjectNode claims) {
    ObjectNode header = Json.object();
    header.put("typ", "JWT");
    header.put("alg", "RS256");
    header.put("kid", kid);
    String signingInput =
        BASE64URL.encodeToString(Json.bytes(header))
            + "."
            + BASE64URL.encodeToString(Json.bytes(claims));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(pair.getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with a freshly generated RSA key", e);
    }
  }

  /**
   * The public key as a JWK ({@code kty, use, kid, n, e, issuer}), as in Entra's {@code keys}
   * document.
   */
  ObjectNode jwk(String issuer) {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    ObjectNode jwk = Json.object();
    jwk.put("kty", "RSA");
    jwk.put("use", "sig");
    jwk.put("kid", kid);
    jwk.put("n", BASE64URL.encodeToString(unsigned(key.getModulus())));
    jwk.put("e", BASE64URL.encodeToString(unsigned(key.getPublicExponent())));
    jwk.put("issuer", issuer);
    return jwk;
  }

  static String sha256Base64Url(String text) {
    return BASE64URL.encodeToString(sha(text.getBytes(StandardCharsets.US_ASCII), "SHA-256"));
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static byte[] sha(byte[] data, String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is always available in the JDK", e);
    }
  }
}
