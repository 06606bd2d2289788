-- A Factlint claim store: documents as they were added, the components of the pack's join keys they fall into, and
-- every flag with its life. The same SQL runs on SQLite and PostgreSQL.

-- Counters (next component id, next flag id) and facts about the store.
CREATE TABLE store_meta (
    name  VARCHAR(64) PRIMARY KEY,
    value VARCHAR(400) NOT NULL
);
INSERT INTO store_meta (name, value) VALUES ('next_component', '1');
INSERT INTO store_meta (name, value) VALUES ('next_flag', '1');

-- One row per article: the latest version's claims JSON and its digest (the same digest: nothing to do).
CREATE TABLE documents (
    article   VARCHAR(400) PRIMARY KEY,
    digest    VARCHAR(64)  NOT NULL,
    body      TEXT         NOT NULL,
    claims    INTEGER      NOT NULL,
    added_at  BIGINT       NOT NULL,
    added_seq BIGINT       NOT NULL
);

-- The working-memory facts of every document (JSON, by fact type), in the component of the pack's join keys they
-- fall into. A component holds facts that share join-key values; no rule of the pack joins facts of two components,
-- so a new document is checked with the stored facts of the components it meets, and nothing else.
CREATE TABLE facts (
    component BIGINT       NOT NULL,
    article   VARCHAR(400) NOT NULL,
    seq       BIGINT       NOT NULL,
    pos       INTEGER      NOT NULL,
    type      VARCHAR(100) NOT NULL,
    body      TEXT         NOT NULL
);
CREATE INDEX facts_by_component ON facts (component);
CREATE INDEX facts_by_article ON facts (article);

-- Sources as first declared: a document declaring one differently is rejected, as in one batch check.
CREATE TABLE sources (
    id    VARCHAR(400) PRIMARY KEY,
    kind  VARCHAR(40)  NOT NULL,
    party VARCHAR(400)
);

-- Entity names as resolved so far: a folded name (or alias) and the entity key it stands for. A new document's
-- entities take the keys of names already stored, as they would in one batch check.
CREATE TABLE names (
    fold VARCHAR(1000) PRIMARY KEY,
    ekey VARCHAR(1000) NOT NULL
);

-- The join-key values of each component (role J: joins all; A: anchor; M: member, joins only with an anchor).
CREATE TABLE join_keys (
    jkey      VARCHAR(2000) NOT NULL,
    role      CHAR(1)       NOT NULL,
    component BIGINT        NOT NULL,
    article   VARCHAR(400)  NOT NULL
);
CREATE INDEX join_keys_by_key ON join_keys (jkey);
CREATE INDEX join_keys_by_component ON join_keys (component);
CREATE INDEX join_keys_by_article ON join_keys (article);

-- Each stored claim's component: a flag belongs to the component of its claims.
CREATE TABLE claims (
    id        VARCHAR(800) PRIMARY KEY,
    article   VARCHAR(400) NOT NULL,
    component BIGINT       NOT NULL
);
CREATE INDEX claims_by_component ON claims (component);
CREATE INDEX claims_by_article ON claims (article);

-- Every flag ever raised: open while retracted_at is null. ident is the flag's code, rule, claims and evidence.
CREATE TABLE flags (
    id           BIGINT        PRIMARY KEY,
    ident        VARCHAR(4000) NOT NULL,
    component    BIGINT        NOT NULL,
    code         VARCHAR(200)  NOT NULL,
    severity     INTEGER       NOT NULL,
    sources      VARCHAR(4000) NOT NULL,
    body         TEXT          NOT NULL,
    pack         VARCHAR(400)  NOT NULL,
    raised_at    BIGINT        NOT NULL,
    raised_by    VARCHAR(400)  NOT NULL,
    retracted_at BIGINT,
    retracted_by VARCHAR(400)
);
CREATE INDEX flags_by_component ON flags (component, retracted_at);
CREATE INDEX flags_by_code ON flags (code);
