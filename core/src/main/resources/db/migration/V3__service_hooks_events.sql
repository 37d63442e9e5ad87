-- Service hooks and the events they deliver. Same portability rules as V1 (app-made ids, BIGINT
-- epoch milliseconds, base64 TEXT ciphertext); booleans are SMALLINT 0/1, which both read alike.

-- One row per Azure DevOps subscription ado-connect created. The local id is the last segment of
-- the receiver URL ({public url}/api/hooks/{id}); remote_id is Azure DevOps' subscription id, set
-- once the subscription exists there. password is the Vault's ciphertext of the generated
-- basic-auth password, bound to 'hook_password:' || id. No foreign key to accounts: a subscription
-- keeps delivering after a disconnect, and unsubscribing it must still be possible.
CREATE TABLE hook_subscriptions (
    owner          VARCHAR(200) NOT NULL,
    id             VARCHAR(64)  NOT NULL,
    remote_id      VARCHAR(64),
    account_id     VARCHAR(64)  NOT NULL,
    organization   TEXT         NOT NULL,
    project        TEXT         NOT NULL,
    project_id     VARCHAR(64)  NOT NULL,
    repository     TEXT,
    repository_id  VARCHAR(64),
    event_type     VARCHAR(100) NOT NULL,
    receiver_url   TEXT         NOT NULL,
    password       TEXT         NOT NULL,
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (owner, id)
);

-- Every event received, once: Azure DevOps may deliver an event twice, and the event id is the
-- key (a second insert does nothing). Stored before the receiver answers 200, so an accepted
-- delivery is never lost. trusted = 1 only once ado-connect re-checked the event against Azure
-- DevOps with the subscription owner's token; verification says what was found either way.
CREATE TABLE events (
    owner            VARCHAR(200) NOT NULL,
    event_id         VARCHAR(64)  NOT NULL,
    subscription_id  VARCHAR(64)  NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    organization     TEXT         NOT NULL,
    project          TEXT,
    repository       TEXT,
    repository_id    VARCHAR(64),
    received_at      BIGINT       NOT NULL,
    trusted          SMALLINT     NOT NULL,
    verification     TEXT         NOT NULL,
    payload          TEXT         NOT NULL,
    PRIMARY KEY (owner, event_id)
);

CREATE INDEX events_by_received_at ON events (owner, received_at);
CREATE INDEX events_by_repository ON events (owner, repository_id, trusted);
