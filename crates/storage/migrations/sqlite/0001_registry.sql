-- Every record lives in one table: its JSON document plus the columns that
-- lists filter and sort on. The change log is the audit trail and the
-- revision feed that search indexes follow.
CREATE TABLE records (
    collection  TEXT NOT NULL,
    id          TEXT NOT NULL,
    kind        TEXT,
    country     TEXT,
    visibility  TEXT NOT NULL,
    search_text TEXT NOT NULL DEFAULT '',
    doc         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE INDEX records_by_country ON records (collection, country, id);
CREATE INDEX records_by_kind ON records (collection, kind, id);

CREATE TABLE changes (
    revision   INTEGER PRIMARY KEY AUTOINCREMENT,
    collection TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    before     TEXT,
    after      TEXT
);
CREATE INDEX changes_by_record ON changes (collection, record_id, revision);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
