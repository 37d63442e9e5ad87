package io.adoconnect.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What each change tells the owner's application (the message types its webhook receives), written
 * in the change's own transaction. Never a secret: accounts go out as id, method, host,
 * organizations and status.
 */
final class WebhookTopics {
  static final String CONNECTION_CREATED = "connection.created";
  static final String CONNECTION_RECONNECT_NEEDED = "connection.reconnect_needed";
  static final String CONNECTION_DELETED = "connection.deleted";
  static final String SOURCE_ADDED = "source.added";
  static final String SOURCE_REMOVED = "source.removed";
  static final String EVENT_RECHECKED = "azure_devops.event";

  private WebhookTopics() {}

  /** A saved account: new, or newly in need of reconnecting; a token renewal says nothing. */
  static void accountSaved(
      Handle handle, String owner, Optional<Account> before, Account after, Instant now) {
    if (before.isEmpty()) {
      WebhookMessages.record(handle, owner, CONNECTION_CREATED, account(after), now);
    } else {
      statusChanged(handle, owner, before.get(), after, now);
    }
  }

  static void statusChanged(
      Handle handle, String owner, Account before, Account after, Instant now) {
    if (after.status() == AccountStatus.RECONNECT_NEEDED
        && before.status() != AccountStatus.RECONNECT_NEEDED) {
      WebhookMessages.record(handle, owner, CONNECTION_RECONNECT_NEEDED, account(after), now);
    }
  }

  static void accountDeleted(Handle handle, String owner, Account deleted, Instant now) {
    WebhookMessages.record(handle, owner, CONNECTION_DELETED, account(deleted), now);
  }

  static void sourceAdded(Handle handle, String owner, Source source, Instant now) {
    WebhookMessages.record(handle, owner, SOURCE_ADDED, source(source), now);
  }

  static void sourceRemoved(Handle handle, String owner, Source source, Instant now) {
    WebhookMessages.record(handle, owner, SOURCE_REMOVED, source(source), now);
  }

  /** An Azure DevOps event once its re-check decided whether it is true. */
  static void eventRechecked(Handle handle, String owner, StoredEvent event, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("eventId", event.eventId());
    data.put("subscriptionId", event.subscriptionId());
    data.put("eventType", event.eventType());
    data.put("organization", event.organization());
    data.put("project", event.project());
    data.put("repository", event.repository());
    data.put("repositoryId", event.repositoryId());
    data.put("receivedAt", event.receivedAt().toString());
    data.put("trusted", event.trusted());
    data.put("verification", event.verification());
    WebhookMessages.record(handle, owner, EVENT_RECHECKED, Map.of("event", data), now);
  }

  private static Map<String, Object> account(Account account) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", account.id());
    fields.put("method", account.method().wireName());
    fields.put("host", account.host());
    fields.put("organizations", account.organizations());
    fields.put("status", account.status().wireName());
    return Map.of("account", fields);
  }

  private static Map<String, Object> source(Source source) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", source.id());
    fields.put("accountId", source.accountId());
    fields.put("host", source.host());
    fields.put("organization", source.organization());
    fields.put("project", source.project());
    fields.put("repository", source.repository());
    fields.put("repositoryId", source.repositoryId());
    return Map.of("source", fields);
  }
}
