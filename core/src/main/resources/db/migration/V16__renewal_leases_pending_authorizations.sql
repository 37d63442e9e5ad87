-- Several instances on one database: session renewals claimed per account, and the MCP OAuth
-- requests waiting for consent shared by every instance. Same portability rules as V1.

-- The background renewal of an idle Microsoft sign-in is claimed per account: an instance sets
-- renewal_lease_owner/renewal_lease_until before it renews, so two instances never renew the same
-- account at once, and the lease of an instance that died lapses at renewal_lease_until.
ALTER TABLE accounts ADD COLUMN renewal_lease_owner VARCHAR(64);
ALTER TABLE accounts ADD COLUMN renewal_lease_until BIGINT;

-- An MCP client's authorization request that passed every check and waits for its owner's answer
-- on the consent page, started through one instance and answered through any. id_hash is the
-- SHA-256 (hex) of the id in the consent page's address: a copy of the database opens nothing.
CREATE TABLE oauth_pending_authorizations (
    id_hash         VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner           VARCHAR(200) NOT NULL,
    client_id       VARCHAR(64)  NOT NULL,
    client_name     TEXT,
    redirect_uri    TEXT         NOT NULL,
    state           TEXT,
    code_challenge  VARCHAR(128) NOT NULL,
    resource        TEXT         NOT NULL,
    wants_write     SMALLINT     NOT NULL,
    expires_at      BIGINT       NOT NULL
);

CREATE INDEX oauth_pending_by_owner ON oauth_pending_authorizations (owner, expires_at);
CREATE INDEX oauth_pending_by_expires_at ON oauth_pending_authorizations (expires_at);
