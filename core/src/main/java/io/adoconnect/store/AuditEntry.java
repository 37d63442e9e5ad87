package io.adoconnect.store;

import java.time.Instant;

/**
 * One state-changing call an application made for one of its end users.
 *
 * @param via {@code api_key} (the application's key) or {@code page} (the end user's connect-link
 *     page)
 * @param action the operation: method and route, e.g. {@code DELETE /api/accounts/{id}}
 * @param target the path it was called on, e.g. {@code /api/accounts/k3j…}
 * @param status the HTTP status it answered
 */
public record AuditEntry(
    String id,
    String applicationId,
    String endUser,
    String via,
    String action,
    String target,
    int status,
    Instant at) {}
