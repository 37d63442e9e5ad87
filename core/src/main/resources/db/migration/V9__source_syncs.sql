-- The last time the service refreshed its clone of each source (after a trusted push event): when,
-- what happened, the branch and the commit its clone holds for it, and why it failed if it did.
-- One row per source, replaced by each sync and removed with the source. Same portability rules as
-- V1.
CREATE TABLE source_syncs (
    owner          VARCHAR(200) NOT NULL,
    source_id      VARCHAR(64)  NOT NULL,
    synced_at      BIGINT       NOT NULL,
    outcome        VARCHAR(32)  NOT NULL,
    ref            TEXT,
    commit_id      VARCHAR(64),
    problem        TEXT,
    PRIMARY KEY (owner, source_id)
);
