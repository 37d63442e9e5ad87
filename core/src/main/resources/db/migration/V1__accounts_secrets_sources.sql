-- ado-connect schema v1. Written to run unchanged on SQLite (default) and PostgreSQL:
--   * ids are app-generated strings (no AUTOINCREMENT / SERIAL);
--   * instants are BIGINT epoch milliseconds: one portable type that sorts and compares as a number
--     on both (ISO-8601 text from Instant.toString() has variable width and does not sort), and
--     millisecond precision is plenty for connection and token-expiry times;
--   * ciphertext is base64 TEXT: SQLite's BLOB and PostgreSQL's BYTEA share no type name, and the
--     values are a few hundred bytes;
--   * every row carries its owner ('local' in single-user mode) and every key starts with it, so
--     the multi-user service is a matter of passing a different owner.

CREATE TABLE accounts (
    owner         VARCHAR(200) NOT NULL,
    id            VARCHAR(64)  NOT NULL,
    method        VARCHAR(32)  NOT NULL,
    host          TEXT         NOT NULL,
    display_name  TEXT,
    email         TEXT,
    tenant_id     TEXT,
    scope         TEXT,
    connected_at  BIGINT       NOT NULL,
    expires_at    BIGINT,
    PRIMARY KEY (owner, id)
);

CREATE INDEX accounts_by_connected_at ON accounts (owner, connected_at);

-- The organizations (or, for Azure DevOps Server, collections) an account reaches, in order.
-- A child table rather than JSON text: discovery asks "which account covers organization X",
-- which is a plain indexed query here and a dialect-specific JSON query otherwise.
CREATE TABLE account_organizations (
    owner         VARCHAR(200) NOT NULL,
    account_id    VARCHAR(64)  NOT NULL,
    ordinal       INTEGER      NOT NULL,
    organization  TEXT         NOT NULL,
    PRIMARY KEY (owner, account_id, ordinal),
    FOREIGN KEY (owner, account_id) REFERENCES accounts (owner, id) ON DELETE CASCADE
);

CREATE INDEX account_organizations_by_name ON account_organizations (owner, organization);

-- Sealed secrets only: the Vault's ciphertext, bound to the account id as associated data.
CREATE TABLE account_secrets (
    owner         VARCHAR(200) NOT NULL,
    account_id    VARCHAR(64)  NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    ciphertext    TEXT         NOT NULL,
    PRIMARY KEY (owner, account_id, kind),
    FOREIGN KEY (owner, account_id) REFERENCES accounts (owner, id) ON DELETE CASCADE
);

-- Repositories picked as sources. No foreign key to accounts: sources outlive a disconnect, so a
-- user can reconnect (or connect another account) without picking them again.
-- match_key is lower(host, organization, project, repository) computed in Java (PostgreSQL's and
-- SQLite's lower() disagree outside ASCII); it makes "MyOrg/App/Repo" and "myorg/app/repo", which
-- Azure DevOps treats as the same repository, one source.
CREATE TABLE sources (
    owner          VARCHAR(200) NOT NULL,
    id             VARCHAR(64)  NOT NULL,
    account_id     VARCHAR(64)  NOT NULL,
    host           TEXT         NOT NULL,
    organization   TEXT         NOT NULL,
    project        TEXT         NOT NULL,
    repository     TEXT         NOT NULL,
    repository_id  TEXT,
    clone_url      TEXT,
    web_url        TEXT,
    added_at       BIGINT       NOT NULL,
    match_key      TEXT         NOT NULL,
    PRIMARY KEY (owner, id),
    UNIQUE (owner, match_key)
);
