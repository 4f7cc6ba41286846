//! Records as the store keeps and writes them: stored records, changes and
//! what a write reports, change-log entries and list filters.

use chrono::{DateTime, Utc};
use kizuna_domain::{ChangeKind, CountryCode, RecordSet, Visibility};

/// A record as stored: its JSON document and bookkeeping.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRecord {
    /// Record id.
    pub id: String,
    /// The JSON document as stored, without timestamps: read straight into
    /// its type by the registry.
    pub doc: String,
    /// First written.
    pub created_at: DateTime<Utc>,
    /// Last written.
    pub updated_at: DateTime<Utc>,
    /// Revision of the last change to this record (its version, for ETags).
    pub revision: i64,
}

impl StoredRecord {
    /// The document as a JSON tree, for callers that look at single fields.
    pub fn value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_str(&self.doc)
    }
}

/// A record to write, with the columns lists filter on.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRecord {
    /// Where it is kept.
    pub collection: RecordSet,
    /// Record id.
    pub id: String,
    /// The `kind` column.
    pub kind: Option<String>,
    /// The `country` column.
    pub country: Option<CountryCode>,
    /// Who may see it.
    pub visibility: Visibility,
    /// Lower-cased names and titles, for plain substring filters.
    pub search_text: String,
    /// The JSON document, serialised, without timestamps.
    pub doc: String,
}

/// What a writer expects of the record it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Whatever is there (imports, demo loading).
    Any,
    /// The record must not exist yet.
    Absent,
    /// The record must still be at this revision.
    Revision(i64),
}

/// One change in a write.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Create or replace a record.
    Put(NewRecord, Expect),
    /// Remove a record.
    Delete {
        /// Where it is kept.
        collection: RecordSet,
        /// Record id.
        id: String,
        /// Expectation.
        expect: Expect,
    },
}

/// One step of a streamed write ([`Store::apply_stream`](super::Store::apply_stream)).
#[derive(Debug)]
pub enum WriteStep {
    /// More changes to apply.
    Changes(Vec<Change>),
    /// Everything is sent: commit.
    Commit,
}

/// What a write did, change by change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Records created.
    pub created: usize,
    /// Records updated.
    pub updated: usize,
    /// Puts that matched what was stored and wrote nothing.
    pub unchanged: usize,
    /// Records deleted.
    pub deleted: usize,
    /// The revision each change produced (`None` when unchanged).
    pub revisions: Vec<Option<i64>>,
}

impl WriteReport {
    /// Adds what a later part of the same write did.
    pub fn absorb(&mut self, later: WriteReport) {
        self.created += later.created;
        self.updated += later.updated;
        self.unchanged += later.unchanged;
        self.deleted += later.deleted;
        self.revisions.extend(later.revisions);
    }
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEntry {
    /// Global revision number.
    pub revision: i64,
    /// Where the record is kept.
    pub collection: RecordSet,
    /// Record id.
    pub record_id: String,
    /// What the change did.
    pub action: ChangeKind,
    /// Who made it.
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
    /// The document before.
    pub before: Option<serde_json::Value>,
    /// The document after.
    pub after: Option<serde_json::Value>,
}

/// Filters a list; every field narrows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only public records.
    pub public_only: bool,
    /// The `kind` column equals.
    pub kind: Option<String>,
    /// The `country` column equals.
    pub country: Option<CountryCode>,
    /// The search text contains (lower case).
    pub text: Option<String>,
    /// Ids strictly after this one (keyset pagination).
    pub after: Option<String>,
    /// At most this many.
    pub limit: Option<i64>,
}
