package io.adoconnect.bench.attack;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What an application's webhook endpoint receives must be impossible to forge: every genuine
 * message verifies with its application's signing secret (Standard Webhooks' own Java library, as
 * an application would check it), and every variant an attacker could make of it — body, id or
 * timestamp changed, signed with the other application's secret, signature removed, a stale
 * timestamp re-signed with a guessed key — fails that check. No message of one application's end
 * users reaches the other application's endpoint.
 */
final class WebhookForgeryAttack {
  private WebhookForgeryAttack() {}

  /**
   * @param accountsOf the account ids of each endpoint's own end users, by endpoint path
   */
  static void run(
      TeamService team, WebhookReceiver receiver, Map<String, List<String>> accountsOf, Tally tally)
      throws Exception {
    Tally.Row row = tally.row("team: webhook signature forgery");
    List<WebhookReceiver.Message> messages = List.copyOf(receiver.messages);
    row.notes.add(
        messages.size()
            + " delivered messages x (genuine check, 7 forgeries) with Standard Webhooks' verifier");
    if (messages.isEmpty()) {
      row.attempt(false, "no webhook message arrived to attack");
      return;
    }
    for (WebhookReceiver.Message m : messages) {
      TeamService.App mine = m.path().equals("/orchestrator") ? team.first : team.second;
      TeamService.App other = mine == team.first ? team.second : team.first;
      Webhook verifier = new Webhook(mine.webhookSecret());
      row.attempt(verifies(verifier, m.body(), m.headers()), "a genuine message failed: " + m);
      String id = m.header("webhook-id");
      long ts = Long.parseLong(m.header("webhook-timestamp"));
      Map<String, UnaryOperator<Map<String, List<String>>>> headerForgeries = new HashMap<>();
      headerForgeries.put("another id", h -> with(h, "webhook-id", id + "x"));
      headerForgeries.put("another timestamp", h -> with(h, "webhook-timestamp", "" + (ts + 1)));
      headerForgeries.put("no signature", h -> with(h, "webhook-signature", ""));
      headerForgeries.put(
          "signed with the other application's secret",
          h -> with(h, "webhook-signature", sign(other.webhookSecret(), id, ts, m.body())));
      headerForgeries.put(
          "stale, signed with a guessed key",
          h -> {
            long stale = Instant.now().minusSeconds(3600).getEpochSecond();
            String guessed = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
            return with(
                with(h, "webhook-timestamp", "" + stale),
                "webhook-signature",
                sign(guessed, id, stale, m.body()));
          });
      for (Map.Entry<String, UnaryOperator<Map<String, List<String>>>> f :
          headerForgeries.entrySet()) {
        row.attempt(
            !verifies(verifier, m.body(), f.getValue().apply(m.headers())),
            f.getKey() + " verified: " + m);
      }
      String changed = m.body().replace("\"endUser\":\"", "\"endUser\":\"mallory-");
      row.attempt(
          changed.equals(m.body()) || !verifies(verifier, changed, m.headers()),
          "a changed end user verified");
      row.attempt(
          !verifies(verifier, m.body() + " ", m.headers()), "a body with a trailing byte verified");
    }
    // each application's endpoint got its own users' messages only
    for (WebhookReceiver.Message m : messages) {
      List<String> foreign =
          accountsOf.get(m.path().equals("/orchestrator") ? "/ci-service" : "/orchestrator");
      row.attempt(
          foreign.stream().noneMatch(m.body()::contains),
          "a message about another application's account reached " + m.path());
    }
  }

  private static boolean verifies(Webhook verifier, String body, Map<String, List<String>> h) {
    try {
      verifier.verify(body, h);
      return true;
    } catch (WebhookVerificationException refused) {
      return false;
    }
  }

  private static Map<String, List<String>> with(
      Map<String, List<String>> headers, String name, String value) {
    Map<String, List<String>> copy = new HashMap<>(headers);
    copy.put(name, new ArrayList<>(List.of(value)));
    return copy;
  }

  private static String sign(String secret, String id, long timestamp, String body) {
    try {
      return new Webhook(secret).sign(id, timestamp, body);
    } catch (Exception e) {
      throw new IllegalStateException("signing a forgery failed", e);
    }
  }
}
