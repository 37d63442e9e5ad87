-- Envelope encryption: one data key per owner (a Tink keyset, sealed by the deployment's master
-- key with the owner as associated data; base64 TEXT as in V1), and the master keys the data keys
-- are sealed with. Same portability rules as V1. Secrets sealed directly with the master key by
-- earlier releases stay readable and move to their owner's data key when next written or by
-- 'keys rotate'.

-- holder is the owner's key (Owner.key(): 'local' or '{application id}/{end user}'); master_key_id
-- is the Tink key id (unsigned) of the master key that sealed it, so a rotation finds what is
-- still sealed by the old key, and a service knows when to read the key source again.
CREATE TABLE data_keys (
    holder         VARCHAR(200) NOT NULL PRIMARY KEY,
    master_key_id  BIGINT       NOT NULL,
    sealed         TEXT         NOT NULL,
    created_at     BIGINT       NOT NULL
);

CREATE INDEX data_keys_by_master_key ON data_keys (master_key_id);

-- Each master key a data key was sealed with: 'active' may seal new data keys; 'retiring' (a
-- rotation is moving every data key off it) and 'retired' (gone from the key source) may not. A
-- new data key is inserted in the same transaction as an update of its master key's row that
-- requires 'active', so it can't slip in under a key the rotation is about to remove.
CREATE TABLE master_keys (
    key_id      BIGINT      NOT NULL PRIMARY KEY,
    state       VARCHAR(16) NOT NULL,
    changed_at  BIGINT      NOT NULL
);
