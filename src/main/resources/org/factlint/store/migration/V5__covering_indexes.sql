-- Covering indexes (issue 14, performance): the rows an add reads by key (its groups' facts, the scope rows of the
-- stored flags on its groups, a flag's scope) are read from an index that holds every column the query asks for, not
-- by one table look-up per row (at 100k, most of an add's time in SQLite was those look-ups of flag_scope rows). The
-- same SQL runs on SQLite and PostgreSQL.
DROP INDEX fact_keys_by_key;
CREATE INDEX fact_keys_by_key ON fact_keys (khash, role, seq, pos);
DROP INDEX flag_scope_by_key;
CREATE INDEX flag_scope_by_key ON flag_scope (khash, mode, flag);
DROP INDEX flag_scope_by_flag;
CREATE INDEX flag_scope_by_flag ON flag_scope (flag, khash, mode);
