-- Files attached to agreements (signed PDFs and the like), kept in the database
-- so that every node serves them. The agreement's `documents` field lists them;
-- adding or removing one is an audited change of the agreement.
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    data         BYTEA NOT NULL,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  TEXT NOT NULL
);
CREATE INDEX documents_by_agreement ON documents (agreement_id);
