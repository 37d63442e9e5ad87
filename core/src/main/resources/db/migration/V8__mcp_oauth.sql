-- The MCP endpoint's OAuth authorization server (serve's /mcp): registered clients, the grants a
-- person approved on the consent page, and the authorization codes and tokens issued under them.
-- Same portability rules as V1. Codes and tokens are kept as SHA-256 hashes (hex) only: the value
-- itself exists in the client's hands and nowhere else, so a copy of the database opens nothing.

-- Dynamic Client Registration (RFC 7591) is open: a client registers before anyone signs in, so a
-- client belongs to nobody until a person approves it (a grant, below, carries the owner).
-- redirect_uris is newline-separated; each is compared by exact string match.
CREATE TABLE oauth_clients (
    client_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_name    TEXT,
    redirect_uris  TEXT         NOT NULL,
    registered_at  BIGINT       NOT NULL
);

CREATE INDEX oauth_clients_by_registered_at ON oauth_clients (registered_at);

-- What one person approved for one client: its reach (write or read only, sources only or all)
-- and the resource its tokens are bound to (RFC 8707). A grant is also the refresh-token family:
-- revoking it (from the page, or because a used refresh token or code came back) ends every token
-- issued under it.
CREATE TABLE oauth_grants (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner         VARCHAR(200) NOT NULL,
    client_id     VARCHAR(64)  NOT NULL REFERENCES oauth_clients (client_id),
    can_write     SMALLINT     NOT NULL,
    sources_only  SMALLINT     NOT NULL,
    resource      TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);

CREATE INDEX oauth_grants_by_owner ON oauth_grants (owner, created_at);

-- One-time authorization codes with their PKCE challenge (S256) and the exact redirect URI.
CREATE TABLE oauth_codes (
    code_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner           VARCHAR(200) NOT NULL,
    grant_id        VARCHAR(64)  NOT NULL REFERENCES oauth_grants (id),
    redirect_uri    TEXT         NOT NULL,
    code_challenge  VARCHAR(128) NOT NULL,
    expires_at      BIGINT       NOT NULL,
    used_at         BIGINT
);

CREATE INDEX oauth_codes_by_expires_at ON oauth_codes (expires_at);

-- Access and refresh tokens. A refresh token is used once (used_at): the next one replaces it.
CREATE TABLE oauth_tokens (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(200) NOT NULL,
    grant_id    VARCHAR(64)  NOT NULL REFERENCES oauth_grants (id),
    kind        VARCHAR(16)  NOT NULL,
    expires_at  BIGINT       NOT NULL,
    used_at     BIGINT
);

CREATE INDEX oauth_tokens_by_grant ON oauth_tokens (grant_id);
CREATE INDEX oauth_tokens_by_expires_at ON oauth_tokens (expires_at);
