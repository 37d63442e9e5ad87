package io.adoconnect.connect;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.adoconnect.auth.Secret;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Application webhooks are signed as the Standard Webhooks spec says, by its own library:
 * HMAC-SHA256 over {@code "{webhook-id}.{webhook-timestamp}.{body}"} with a {@code whsec_} secret,
 * sent as {@code webhook-signature: v1,<base64>}. Any Standard Webhooks verifier checks it.
 */
final class WebhookSigning {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigning() {}

  /** A new signing secret: {@code whsec_} and 32 random bytes in base64. */
  static Secret newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Secret.of("whsec_" + Base64.getEncoder().encodeToString(key));
  }

  /** The Vault's associated data for an application's secret: it opens for that one only. */
  static String sealedFor(String applicationId) {
    return "webhook:" + applicationId;
  }

  /** The {@code webhook-signature} header value. */
  static String signature(Secret secret, String messageId, long timestampSeconds, String body) {
    try {
      return new Webhook(secret.reveal()).sign(messageId, timestampSeconds, body);
    } catch (WebhookSigningException e) {
      throw new IllegalStateException("a webhook message could not be signed", e);
    }
  }
}
