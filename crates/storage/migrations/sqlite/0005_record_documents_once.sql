-- A record's document is the `after` of the change its revision names, so
-- writes no longer store it a second time in `records`: `doc` is NULL there
-- and reads take it from the change log. A bulk import then writes each
-- document once instead of twice. Rows restored from a backup or written
-- before this migration keep their own copy.
CREATE TABLE records_new (
    collection  TEXT NOT NULL,
    id          TEXT NOT NULL,
    kind        TEXT,
    country     TEXT,
    visibility  TEXT NOT NULL,
    search_text TEXT NOT NULL DEFAULT '',
    doc         TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    PRIMARY KEY (collection, id)
) WITHOUT ROWID;
INSERT INTO records_new SELECT collection, id, kind, country, visibility, search_text, doc,
    created_at, updated_at, revision FROM records;
DROP TABLE records;
ALTER TABLE records_new RENAME TO records;
CREATE INDEX records_by_country ON records (collection, country, id);
CREATE INDEX records_by_kind ON records (collection, kind, id);

-- Redacting a change (erasing a person's data) must not reach a live record
-- through it: the record first takes its own copy of the document.
CREATE TRIGGER changes_keep_record_documents BEFORE UPDATE OF after ON changes
WHEN OLD.after IS NOT NULL
BEGIN
    UPDATE records SET doc = OLD.after
    WHERE collection = OLD.collection AND id = OLD.record_id
        AND revision = OLD.revision AND doc IS NULL;
END;
