-- A short form ("Talev") keeps every entity key it can stand for in names.ekey; in an archive with a common surname
-- these run past 1,000 characters, which PostgreSQL refused (SQLite does not enforce lengths). The table is rebuilt
-- with ekey as TEXT (the same SQL on SQLite, which cannot alter a column's type, and on PostgreSQL).
CREATE TABLE names_v3 (
    fold VARCHAR(1000) PRIMARY KEY,
    ekey TEXT          NOT NULL
);
INSERT INTO names_v3 (fold, ekey) SELECT fold, ekey FROM names;
DROP TABLE names;
ALTER TABLE names_v3 RENAME TO names;
