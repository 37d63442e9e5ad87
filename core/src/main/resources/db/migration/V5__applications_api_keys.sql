-- Team mode: the applications a deployment serves and their API keys. Same portability rules as
-- V1. These tables belong to the deployment, not to an owner: the owner of every other row is
-- '{application id}/{end user}' (see Owner.key()), and the application id is applications.id.

-- revoked_at set: the application's keys stop working at once; its users' rows stay (an operator
-- may want them for the audit), but nothing can reach them through the API any more.
CREATE TABLE applications (
    id           VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    webhook_url  TEXT,
    created_at   BIGINT       NOT NULL,
    revoked_at   BIGINT,
    PRIMARY KEY (id),
    UNIQUE (name)
);

-- Several keys per application, so one can be rotated while the other still works. Only the
-- SHA-256 of the key is kept: the key is 256 random bits, so a plain hash is as good as a slow one
-- (nothing to brute-force) and a lookup by key id plus one constant-time compare is cheap enough
-- for every request.
CREATE TABLE api_keys (
    id              VARCHAR(64) NOT NULL,
    application_id  VARCHAR(64) NOT NULL,
    key_hash        VARCHAR(64) NOT NULL,
    created_at      BIGINT      NOT NULL,
    revoked_at      BIGINT,
    PRIMARY KEY (id),
    FOREIGN KEY (application_id) REFERENCES applications (id)
);

CREATE INDEX api_keys_by_application ON api_keys (application_id);
