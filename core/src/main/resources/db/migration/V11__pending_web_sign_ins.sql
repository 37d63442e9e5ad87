-- Web sign-ins (authorization code + PKCE) between the redirect to Entra and the callback, in the
-- database so that the callback may land on another instance, or after a restart, and still
-- complete. Same portability rules as V1. Keyed by the SHA-256 (hex) of the one-time state; the
-- browser binding is the SHA-256 of the value in that browser's cookie; the PKCE verifier is the
-- Vault's ciphertext (base64), bound to 'web_sign_in:' || state_hash, so a copy of the database
-- can't redeem a code. owner is whose account the callback saves (the end user who started it).
CREATE TABLE web_sign_ins (
    state_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner          VARCHAR(200) NOT NULL,
    binding_hash   VARCHAR(64)  NOT NULL,
    redirect_uri   TEXT         NOT NULL,
    return_to      TEXT         NOT NULL,
    code_verifier  TEXT         NOT NULL,
    expires_at     BIGINT       NOT NULL
);

CREATE INDEX web_sign_ins_by_expires_at ON web_sign_ins (expires_at);
