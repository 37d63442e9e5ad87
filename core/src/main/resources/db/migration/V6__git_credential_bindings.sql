-- Which account the Git credential helper answers for an organization (or Server collection) that
-- several connected accounts reach, as Git Credential Manager's "azure-repos bind" records it.
-- host is the account host ('services' or the Server URL); organization is stored lower case.
-- Same portability rules as V1.
CREATE TABLE git_bindings (
    owner          VARCHAR(200) NOT NULL,
    host           VARCHAR(1000) NOT NULL,
    organization   VARCHAR(200) NOT NULL,
    account_id     VARCHAR(64)  NOT NULL,
    bound_at       BIGINT       NOT NULL,
    PRIMARY KEY (owner, host, organization)
);
