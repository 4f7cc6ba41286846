//! How [`crate::Store::apply`] turns a batch of changes into a few statements.
//!
//! The records a batch touches are read up front ([`Batch::keys`],
//! [`Batch::found`]), every change is decided in memory against what is
//! stored and what the batch wrote before it ([`Batch::decide`]), and the
//! change-log rows are written a chunk at a time ([`Batch::unwritten`],
//! [`Batch::written`]). The records table is brought to each record's final
//! state at the end ([`Batch::finish`]): one row per record, so a statement
//! never upserts a key twice.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::{Change, Expect, NewRecord, StoreError, WriteReport};

/// Most rows one statement of [`crate::Store::apply`] reads or writes.
pub(crate) const CHUNK: usize = 500;

/// A record as a write finds it in the database.
pub(crate) struct Stored {
    /// The JSON document, as stored.
    pub(crate) doc: String,
    /// `public` or `internal`.
    pub(crate) visibility: String,
    /// Revision of its last change.
    pub(crate) revision: i64,
}

/// The revision a record is at during a batch.
#[derive(Clone, Copy)]
enum Revision {
    /// Stored before the batch.
    Known(i64),
    /// Given by this change-log row of the batch, once it is written.
    Row(usize),
}

/// A record that exists at this point of the batch.
struct Present<'a> {
    doc: Arc<str>,
    visibility: Cow<'a, str>,
    revision: Revision,
}

/// One change-log row to write.
pub(crate) struct ChangeRow<'a> {
    /// Collection name.
    pub(crate) collection: &'a str,
    /// Record id.
    pub(crate) id: &'a str,
    /// `create`, `update` or `delete`.
    pub(crate) action: &'static str,
    /// The document before.
    pub(crate) before: Option<Arc<str>>,
    /// The document after.
    pub(crate) after: Option<Arc<str>>,
    /// Index of the record's key in [`Batch::keys`] order.
    key: usize,
    /// The record a put writes.
    record: Option<&'a NewRecord>,
}

/// A record's final state after a batch, to upsert.
pub(crate) struct RecordRow<'a> {
    /// The record (its document is [`RecordRow::doc`]).
    pub(crate) record: &'a NewRecord,
    /// The JSON document, serialised (the `after` of its last change).
    pub(crate) doc: Arc<str>,
    /// Revision of the record's last change.
    pub(crate) revision: i64,
    /// The record was not stored before the batch, so it is inserted, not upserted.
    pub(crate) fresh: bool,
}

/// What is left to do once every change is decided and logged.
pub(crate) struct Outcome<'a> {
    /// Records to remove, as `(collection, id)`; run before [`Outcome::upserts`]
    /// so that a record deleted and put again in one batch is created anew.
    pub(crate) deletes: Vec<(&'a str, &'a str)>,
    /// Records to create or replace, one row per record, in key order.
    pub(crate) upserts: Vec<RecordRow<'a>>,
    /// What the batch did.
    pub(crate) report: WriteReport,
}

/// A batch of changes being applied.
pub(crate) struct Batch<'a> {
    changes: &'a [Change],
    /// Every `(collection, id)` the batch touches, in order of first appearance.
    keys: Vec<(&'a str, &'a str)>,
    index: HashMap<(&'a str, &'a str), usize>,
    /// Each change's key.
    key_of: Vec<usize>,
    /// Each key's record at this point of the batch (`None`: absent).
    state: Vec<Option<Present<'a>>>,
    /// Whether each key was stored before the batch.
    stored: Vec<bool>,
    /// The next change to decide.
    next: usize,
    /// Change-log rows, in batch order.
    rows: Vec<ChangeRow<'a>>,
    /// Revisions of the rows written so far (a prefix of `rows`).
    revisions: Vec<i64>,
    /// Each decided change's row (`None`: unchanged).
    slots: Vec<Option<usize>>,
    report: WriteReport,
}

impl<'a> Batch<'a> {
    /// A batch nothing is known of yet: every record counts as absent until
    /// [`Batch::found`] says otherwise.
    pub(crate) fn new(changes: &'a [Change]) -> Self {
        let mut keys = Vec::new();
        let mut index = HashMap::with_capacity(changes.len());
        let key_of = changes
            .iter()
            .map(|change| {
                let key = match change {
                    Change::Put(record, _) => (record.collection.as_str(), record.id.as_str()),
                    Change::Delete { collection, id, .. } => (collection.as_str(), id.as_str()),
                };
                *index.entry(key).or_insert_with(|| {
                    keys.push(key);
                    keys.len() - 1
                })
            })
            .collect();
        let state = keys.iter().map(|_| None).collect();
        let stored = vec![false; keys.len()];
        Batch {
            changes,
            keys,
            index,
            key_of,
            state,
            stored,
            next: 0,
            rows: Vec::with_capacity(changes.len()),
            revisions: Vec::with_capacity(changes.len()),
            slots: Vec::with_capacity(changes.len()),
            report: WriteReport::default(),
        }
    }

    /// The ids the batch touches, by collection, each once.
    pub(crate) fn keys(&self) -> Vec<(&'a str, Vec<&'a str>)> {
        let mut by_collection: Vec<(&'a str, Vec<&'a str>)> = Vec::new();
        for &(collection, id) in &self.keys {
            match by_collection.iter_mut().find(|(c, _)| *c == collection) {
                Some((_, ids)) => ids.push(id),
                None => by_collection.push((collection, vec![id])),
            }
        }
        by_collection
    }

    /// Notes a record as stored before the batch.
    pub(crate) fn found(&mut self, collection: &str, id: &str, stored: Stored) {
        if let Some(&key) = self.index.get(&(collection, id)) {
            self.stored[key] = true;
            self.state[key] = Some(Present {
                doc: stored.doc.into(),
                visibility: Cow::Owned(stored.visibility),
                revision: Revision::Known(stored.revision),
            });
        }
    }

    /// Decides changes in order until all are (`true`), or until the rows not
    /// yet written fill a chunk or a change's expectation needs the revision of
    /// one of them (`false`: write [`Batch::unwritten`] and call again).
    /// A change whose expectation fails ends the batch with its error.
    pub(crate) fn decide(&mut self) -> Result<bool, StoreError> {
        while let Some(change) = self.changes.get(self.next) {
            if self.rows.len() - self.revisions.len() >= CHUNK {
                return Ok(false);
            }
            let key = self.key_of[self.next];
            let (collection, id) = self.keys[key];
            let current = &self.state[key];
            let expect = match change {
                Change::Put(_, expect) | Change::Delete { expect, .. } => *expect,
            };
            match (expect, current) {
                (Expect::Absent, Some(_)) => {
                    return Err(StoreError::AlreadyExists {
                        collection: collection.to_owned(),
                        id: id.to_owned(),
                    });
                }
                (Expect::Revision(_), None) => return Err(not_found(collection, id)),
                (Expect::Revision(expected), Some(present)) => {
                    let actual = match present.revision {
                        Revision::Known(revision) => revision,
                        Revision::Row(row) => match self.revisions.get(row) {
                            Some(revision) => *revision,
                            None => return Ok(false),
                        },
                    };
                    if expected != actual {
                        return Err(StoreError::Stale {
                            collection: collection.to_owned(),
                            id: id.to_owned(),
                            expected,
                            actual,
                        });
                    }
                }
                _ => {}
            }
            let row = self.rows.len();
            let before = current.as_ref().map(|p| p.doc.clone());
            let (next, action, after, record) = match change {
                Change::Put(record, _) => {
                    if current.as_ref().is_some_and(|p| {
                        p.visibility == record.visibility.as_str() && same(&p.doc, &record.doc)
                    }) {
                        self.report.unchanged += 1;
                        self.slots.push(None);
                        self.next += 1;
                        continue;
                    }
                    let action = if current.is_some() {
                        self.report.updated += 1;
                        "update"
                    } else {
                        self.report.created += 1;
                        "create"
                    };
                    let after: Arc<str> = record.doc.as_str().into();
                    let next = Present {
                        doc: after.clone(),
                        visibility: Cow::Borrowed(record.visibility.as_str()),
                        revision: Revision::Row(row),
                    };
                    (Some(next), action, Some(after), Some(record))
                }
                Change::Delete { .. } => {
                    if current.is_none() {
                        return Err(not_found(collection, id));
                    }
                    self.report.deleted += 1;
                    (None, "delete", None, None)
                }
            };
            self.state[key] = next;
            self.rows.push(ChangeRow {
                collection,
                id,
                action,
                before,
                after,
                key,
                record,
            });
            self.slots.push(Some(row));
            self.next += 1;
        }
        Ok(true)
    }

    /// The change-log rows decided but not yet written, in batch order.
    pub(crate) fn unwritten(&self) -> &[ChangeRow<'a>] {
        &self.rows[self.revisions.len()..]
    }

    /// Takes the revisions the database gave [`Batch::unwritten`], in any
    /// order: rows written by one statement under the writer lock are
    /// numbered in the order they were inserted, so ascending is batch order.
    pub(crate) fn written(&mut self, mut revisions: Vec<i64>) -> Result<(), StoreError> {
        let expected = self.unwritten().len();
        if revisions.len() != expected {
            return Err(StoreError::Database(Box::new(sqlx::Error::Protocol(
                format!(
                    "the change log returned {} revisions for {expected} rows",
                    revisions.len()
                ),
            ))));
        }
        revisions.sort_unstable();
        self.revisions.extend(revisions);
        Ok(())
    }

    /// The records' final states and the report, once every change is decided
    /// and every row written.
    pub(crate) fn finish(self) -> Outcome<'a> {
        assert!(
            self.next == self.changes.len() && self.revisions.len() == self.rows.len(),
            "a batch finishes once every change is decided and logged"
        );
        // Each key's last put, and whether the batch deleted it at all.
        let mut last_put = vec![None; self.keys.len()];
        let mut deleted = vec![false; self.keys.len()];
        let mut deletes = Vec::new();
        for (at, row) in self.rows.iter().enumerate() {
            if row.record.is_some() {
                last_put[row.key] = Some(at);
            } else {
                last_put[row.key] = None;
                if !deleted[row.key] {
                    deleted[row.key] = true;
                    deletes.push(self.keys[row.key]);
                }
            }
        }
        let mut upserts: Vec<RecordRow<'a>> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(at, row)| last_put[row.key] == Some(*at))
            .map(|(at, row)| RecordRow {
                record: row.record.expect("a put has a record"),
                doc: row.after.clone().expect("a put has a document"),
                revision: self.revisions[at],
                fresh: !self.stored[row.key],
            })
            .collect();
        // In key order, B-tree inserts stay near each other.
        upserts.sort_unstable_by(|a, b| {
            (&a.record.collection, &a.record.id).cmp(&(&b.record.collection, &b.record.id))
        });
        let mut report = self.report;
        report.revisions = self
            .slots
            .iter()
            .map(|slot| slot.map(|row| self.revisions[row]))
            .collect();
        Outcome {
            deletes,
            upserts,
            report,
        }
    }
}

/// Whether a stored document is the same JSON value as `after`: documents
/// written by older versions may order their keys differently.
fn same(stored: &str, after: &str) -> bool {
    stored == after || {
        let parse = serde_json::from_str::<serde_json::Value>;
        matches!((parse(stored), parse(after)), (Ok(s), Ok(a)) if s == a)
    }
}

fn not_found(collection: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        collection: collection.to_owned(),
        id: id.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn documents_are_compared_as_json_whatever_their_key_order() {
        let stored = r#"{"id":"a","kind":"education","names":[]}"#;
        assert!(same(stored, stored));
        assert!(same(stored, r#"{"kind":"education","names":[],"id":"a"}"#));
        assert!(!same(stored, r#"{"id":"a","kind":"funder","names":[]}"#));
        assert!(!same("not json", r#"{"id":"a"}"#));
    }
}
