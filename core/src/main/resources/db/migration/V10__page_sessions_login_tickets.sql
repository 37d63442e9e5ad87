-- The integrations page's login tickets (login links, team mode's connect links) and browser
-- sessions, in the database rather than one process's memory: a restarted instance, or another
-- instance behind the same load balancer, honours a link it did not issue and a page signed in
-- through another. Same portability rules as V1. Only SHA-256 hashes (hex) of tickets, session ids
-- and tab secrets are kept: the values exist in the browser and nowhere else, so a copy of the
-- database opens no page. These rows belong to the deployment's front door, keyed by hash; owner
-- says whose page the ticket or session opens.

-- A ticket works once (the redeeming DELETE decides, across instances) and until expires_at.
CREATE TABLE login_tickets (
    ticket_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner        VARCHAR(200) NOT NULL,
    expires_at   BIGINT       NOT NULL
);

CREATE INDEX login_tickets_by_expires_at ON login_tickets (expires_at);

CREATE TABLE page_sessions (
    id_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(200) NOT NULL,
    expires_at  BIGINT       NOT NULL
);

CREATE INDEX page_sessions_by_expires_at ON page_sessions (expires_at);

-- The tab secrets of a session (a bounded number; the oldest goes first). seq orders tabs added
-- within one millisecond.
CREATE TABLE page_session_tabs (
    session_hash  VARCHAR(64) NOT NULL REFERENCES page_sessions (id_hash) ON DELETE CASCADE,
    tab_hash      VARCHAR(64) NOT NULL,
    added_at      BIGINT      NOT NULL,
    seq           INTEGER     NOT NULL,
    PRIMARY KEY (session_hash, tab_hash)
);
