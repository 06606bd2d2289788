-- Scopes (issue 14, performance): a new document is checked with the stored groups of the join keys it shares a value
-- with, instead of whole components. The same SQL runs on SQLite and PostgreSQL.

-- Every stored fact's key values (a 64-bit hash of key and value; role J, A, M or L as in join_keys), so the facts
-- of one group are an indexed look-up. A fact is (seq, pos) in the facts table.
CREATE TABLE fact_keys (
    khash   BIGINT       NOT NULL,
    role    CHAR(1)      NOT NULL,
    seq     BIGINT       NOT NULL,
    pos     INTEGER      NOT NULL,
    article VARCHAR(400) NOT NULL
);
CREATE INDEX fact_keys_by_key ON fact_keys (khash);
CREATE INDEX fact_keys_by_article ON fact_keys (article);
CREATE INDEX facts_by_seq ON facts (seq, pos);

-- The scope of every open flag (scopes.csv): the groups that decide it ('*': the whole group, 'A': its anchors). An
-- add compares the stored flags whose scope it loaded whole, and finds those its document can change by these rows.
CREATE TABLE flag_scope (
    khash BIGINT  NOT NULL,
    mode  CHAR(1) NOT NULL,
    flag  BIGINT  NOT NULL
);
CREATE INDEX flag_scope_by_key ON flag_scope (khash);
CREATE INDEX flag_scope_by_flag ON flag_scope (flag);

-- A flag's identity as a hash (of its ident), to find an open flag by what it says.
ALTER TABLE flags ADD COLUMN ihash BIGINT;
CREATE INDEX flags_by_ihash ON flags (ihash);

-- Which index the derived tables hold: 'component' (join_keys, components: a pack without scopes) or 'scope'
-- (fact_keys, flag_scope). A store opened with a pack of the other kind is re-indexed from its documents first.
INSERT INTO store_meta (name, value) VALUES ('index', 'component');
