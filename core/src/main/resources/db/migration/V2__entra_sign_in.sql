-- Microsoft Entra sign-in (device code and browser). Same portability rules as V1.

-- 'connected', or 'reconnect_needed' once Entra refuses the refresh token: the account stays,
-- so the user sees what to reconnect instead of a silently vanished connection.
ALTER TABLE accounts ADD COLUMN status VARCHAR(32) NOT NULL DEFAULT 'connected';

-- The Entra tenant behind each Azure DevOps organization (Azure DevOps' X-VSS-ResourceTenant
-- header), learned once and reused: a property of the organization, not of an account. The
-- all-zero GUID means the organization is backed by personal Microsoft accounts.
CREATE TABLE organization_tenants (
    owner          VARCHAR(200) NOT NULL,
    organization   VARCHAR(200) NOT NULL,
    tenant_id      VARCHAR(64)  NOT NULL,
    learned_at     BIGINT       NOT NULL,
    PRIMARY KEY (owner, organization)
);

-- Device code sign-ins in progress, so a restarted process resumes polling. The device code is
-- the Vault's ciphertext (bound to the flow id); everything else is what the user was shown.
CREATE TABLE device_flows (
    owner             VARCHAR(200) NOT NULL,
    id                VARCHAR(64)  NOT NULL,
    tenant            VARCHAR(200) NOT NULL,
    client_id         VARCHAR(64)  NOT NULL,
    user_code         VARCHAR(64)  NOT NULL,
    verification_uri  TEXT         NOT NULL,
    message           TEXT,
    interval_seconds  INTEGER      NOT NULL,
    started_at        BIGINT       NOT NULL,
    expires_at        BIGINT       NOT NULL,
    state             VARCHAR(32)  NOT NULL,
    polled_at         BIGINT,
    account_id        VARCHAR(64),
    device_code       TEXT         NOT NULL,
    PRIMARY KEY (owner, id)
);
