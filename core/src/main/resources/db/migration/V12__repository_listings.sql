-- The last repository listing per owner and scope (which accounts and organization were asked
-- for), so a second `repos` with nothing changed makes no request (issue 14). accounts is the
-- fingerprint of the accounts it was listed with (ids and organizations): connecting or
-- disconnecting changes it, and the stored listing no longer counts. repositories is the JSON of
-- the sorted list. Same portability rules as V1.
CREATE TABLE repository_listings (
    owner          VARCHAR(200) NOT NULL,
    scope          VARCHAR(500) NOT NULL,
    accounts       TEXT         NOT NULL,
    listed_at      BIGINT       NOT NULL,
    repositories   TEXT         NOT NULL,
    PRIMARY KEY (owner, scope)
);
