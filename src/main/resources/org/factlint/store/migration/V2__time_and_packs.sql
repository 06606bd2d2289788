-- Time and pack changes (issue 14). The same SQL runs on SQLite and PostgreSQL.

-- When each document was published (epoch milliseconds: its publishedAt, else the end of its published day; null
-- when unknown): the time rules count from it.
ALTER TABLE documents ADD COLUMN published_at BIGINT;

-- The digest of the rule pack that checked each flag (its files' SHA-256), beside the pack's name: a flag raised by
-- a pack since changed can be told apart, and `factlint store recheck` re-checks the store with the new pack.
ALTER TABLE flags ADD COLUMN pack_digest VARCHAR(64);

