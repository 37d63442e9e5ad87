-- Events de-duplicated per subscription, their re-check state, and device-flow poll claims.
-- Same portability rules as V1. SQLite can't change a primary key in place, so the events table
-- is rebuilt (both databases run the same statements).

-- An event id is unique within one subscription only: Azure DevOps re-delivers an event to the
-- same subscription, while another subscription (another account, another project) may carry the
-- same id and must not be silenced by it. rechecked_at is when the re-check was decided (trusted
-- or not, with the reason in verification); null while it is still running. Rows written before
-- this version that still say 'Not re-checked yet.' stay undecided until the store's sweep
-- decides them as interrupted.
CREATE TABLE events_v4 (
    owner            VARCHAR(200) NOT NULL,
    subscription_id  VARCHAR(64)  NOT NULL,
    event_id         VARCHAR(64)  NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    organization     TEXT         NOT NULL,
    project          TEXT,
    repository       TEXT,
    repository_id    VARCHAR(64),
    received_at      BIGINT       NOT NULL,
    trusted          SMALLINT     NOT NULL,
    verification     TEXT         NOT NULL,
    rechecked_at     BIGINT,
    payload          TEXT         NOT NULL,
    PRIMARY KEY (owner, subscription_id, event_id)
);

INSERT INTO events_v4 (owner, subscription_id, event_id, event_type, organization, project,
                       repository, repository_id, received_at, trusted, verification,
                       rechecked_at, payload)
SELECT owner, subscription_id, event_id, event_type, organization, project, repository,
       repository_id, received_at, trusted, verification,
       CASE WHEN verification = 'Not re-checked yet.' THEN NULL ELSE received_at END, payload
FROM events;

DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;

CREATE INDEX events_by_received_at ON events (owner, received_at);
CREATE INDEX events_by_repository ON events (owner, repository_id, trusted);
CREATE INDEX events_undecided ON events (owner, rechecked_at);

-- One poll of a device flow at a time, across threads, processes and service instances: a poller
-- claims the row (sets poll_claimed_until) with one conditional UPDATE before asking Entra, and
-- clears it with the outcome. A claim left by a killed process lapses at poll_claimed_until.
ALTER TABLE device_flows ADD COLUMN poll_claimed_until BIGINT;
CREATE INDEX device_flows_by_started_at ON device_flows (owner, started_at);
