-- Repository listings kept one organization per row (issue 14), so a listing of 100,000
-- repositories is written and read back one organization at a time instead of as one text, and a
-- repository event can forget just the listings that include its organization. The old table is a
-- cache: it is dropped, and the next `repos` lists again.
--
-- repository_listings is the head of a complete listing: which accounts it was made with (their
-- fingerprint), when, which generation of parts is current and how many parts it has. A listing
-- being written has parts but no head yet; the head names its generation only once every
-- organization answered. Then the parts of older generations are deleted except the one it
-- replaced, so that a reader going through the replaced listing part by part (one short read each,
-- never holding a transaction while it prints) can finish it.
-- organization is the part's organization name folded to lower case. Same portability rules as V1.
DROP TABLE repository_listings;

CREATE TABLE repository_listings (
    owner          VARCHAR(200) NOT NULL,
    scope          VARCHAR(500) NOT NULL,
    accounts       TEXT         NOT NULL,
    listed_at      BIGINT       NOT NULL,
    generation     VARCHAR(64)  NOT NULL,
    parts          INTEGER      NOT NULL,
    PRIMARY KEY (owner, scope)
);

CREATE TABLE repository_listing_parts (
    owner          VARCHAR(200) NOT NULL,
    scope          VARCHAR(500) NOT NULL,
    generation     VARCHAR(64)  NOT NULL,
    part           INTEGER      NOT NULL,
    organization   VARCHAR(300) NOT NULL,
    repositories   TEXT         NOT NULL,
    PRIMARY KEY (owner, scope, generation, part)
);

CREATE INDEX repository_listing_parts_by_organization
    ON repository_listing_parts (owner, organization);
