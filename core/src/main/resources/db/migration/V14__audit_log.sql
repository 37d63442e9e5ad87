-- Team mode: who did what for whom. One row per state-changing API call an application made for
-- an end user (with its key, or through the end user's connect-link page), whatever its outcome.
-- Deployment-wide like the applications; read per application by the operator. Same portability
-- rules as V1.
CREATE TABLE audit_log (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    application_id  VARCHAR(64)  NOT NULL,
    end_user        VARCHAR(200) NOT NULL,
    via             VARCHAR(32)  NOT NULL,
    action          TEXT         NOT NULL,
    target          TEXT         NOT NULL,
    status          INTEGER      NOT NULL,
    at              BIGINT       NOT NULL
);

CREATE INDEX audit_log_by_application ON audit_log (application_id, at);
