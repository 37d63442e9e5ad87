-- Team mode: events to the applications (Standard Webhooks), from a durable outbox. Same
-- portability rules as V1.

-- The signing secret of an application's webhook ('whsec_' + base64 of 32 random bytes), sealed by
-- the deployment's Vault with 'webhook:{application id}' as associated data; NULL without a
-- webhook URL.
ALTER TABLE applications ADD COLUMN webhook_secret TEXT;

-- One row per message to an application, written in the same transaction as the change it tells
-- of (an account connected or deleted, reconnect needed, a source added or removed, an Azure DevOps
-- event re-checked), and only when the application has a webhook URL. The row is the delivery log
-- too: attempts, the last answer, when it arrived or when ado-connect gave up.
-- An instance claims due rows by setting lease_owner/lease_until; a claim whose instance died
-- expires with its lease and is taken again (at least once; the id lets receivers de-duplicate).
CREATE TABLE webhook_messages (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    application_id   VARCHAR(64)  NOT NULL REFERENCES applications (id),
    end_user         VARCHAR(200) NOT NULL,
    type             VARCHAR(64)  NOT NULL,
    payload          TEXT         NOT NULL,
    created_at       BIGINT       NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  BIGINT       NOT NULL,
    delivered_at     BIGINT,
    gave_up_at       BIGINT,
    last_status      INTEGER,
    last_error       TEXT,
    lease_owner      VARCHAR(64),
    lease_until      BIGINT
);

CREATE INDEX webhook_messages_due ON webhook_messages (next_attempt_at)
    WHERE delivered_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX webhook_messages_by_application ON webhook_messages (application_id, created_at);
