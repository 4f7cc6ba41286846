//! What a backup holds, as the store reads and writes it: every setting,
//! account (with its password hash), API token (with its hash), record,
//! change-log entry and stored document, kept in domain types. The file
//! format around them belongs to the command line.

use chrono::{DateTime, Utc};
use kizuna_domain::{
    Agreement, Contact, Entity, FundingOpportunity, Organisation, Programme, RecordSet,
};

use super::{
    ApiToken, Change, ChangeEntry, NewRecord, StoreError, StoredDocument, StoredRecord, UserAccount,
};
use crate::{Expect, Registry};

/// An API token as a backup keeps it: its row and the hash it is found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    /// The token (its id and user id are kept, so accounts keep their tokens).
    pub token: ApiToken,
    /// SHA-256 of the token's text ([`crate::credentials::token_hash`]).
    pub token_hash: String,
}

/// A record as [`super::Store::dump_backup`] reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct DumpedRecord {
    /// Where it is kept.
    pub collection: RecordSet,
    /// The record as stored.
    pub record: StoredRecord,
}

/// A record as [`super::Store::restore_backup`] writes it: the row a write
/// would make, with its timestamps and revision kept from the backup.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoredRecord {
    /// The record and its list columns.
    pub record: NewRecord,
    /// First written.
    pub created_at: DateTime<Utc>,
    /// Last written.
    pub updated_at: DateTime<Utc>,
    /// Revision of its last change.
    pub revision: i64,
}

impl RestoredRecord {
    /// Reads a backed-up document into its domain type (so a backup restores
    /// only records this version understands) and derives the list columns
    /// the way a write does; the document itself is kept as it is. A document that is not a record of `collection`
    /// with id `id` is [`StoreError::Corrupt`].
    pub fn decode(
        collection: RecordSet,
        id: &str,
        doc: &str,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        revision: i64,
    ) -> Result<Self, StoreError> {
        let doc: serde_json::Value = parse(collection, id, doc)?;
        let change = match collection {
            RecordSet::Organisations => put::<Organisation>(collection, id, &doc)?,
            RecordSet::Agreements => put::<Agreement>(collection, id, &doc)?,
            RecordSet::Programmes => put::<Programme>(collection, id, &doc)?,
            RecordSet::Funding => put::<FundingOpportunity>(collection, id, &doc)?,
            RecordSet::Contacts => put::<Contact>(collection, id, &doc)?,
            RecordSet::Countries => Registry::put_country(&typed(collection, id, &doc)?),
            RecordSet::Factsheet => {
                let factsheet: kizuna_domain::Factsheet = typed(collection, id, &doc)?;
                Registry::put_factsheet(&factsheet, Expect::Any)
            }
        };
        let Change::Put(mut record, _) = change else {
            unreachable!("a put is a put")
        };
        if record.id != id {
            return Err(corrupt(
                collection,
                id,
                format!("the document's id is `{}`", record.id),
            ));
        }
        // The document stays as it was backed up, not as this version would
        // write it (fields it leaves out stay out), so it matches its history.
        record.doc = doc.to_string();
        Ok(RestoredRecord {
            record,
            created_at,
            updated_at,
            revision,
        })
    }
}

fn put<E: Entity>(
    collection: RecordSet,
    id: &str,
    doc: &serde_json::Value,
) -> Result<Change, StoreError> {
    let record: E = typed(collection, id, doc)?;
    Ok(Registry::put(&record, Expect::Any))
}

/// Reads a document's JSON tree into its type.
fn typed<T: serde::de::DeserializeOwned>(
    collection: RecordSet,
    id: &str,
    doc: &serde_json::Value,
) -> Result<T, StoreError> {
    T::deserialize(doc).map_err(|source| StoreError::Corrupt {
        collection: collection.to_string(),
        id: id.to_owned(),
        source,
    })
}

fn parse<T: serde::de::DeserializeOwned>(
    collection: RecordSet,
    id: &str,
    doc: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(doc).map_err(|source| StoreError::Corrupt {
        collection: collection.to_string(),
        id: id.to_owned(),
        source,
    })
}

fn corrupt(collection: RecordSet, id: &str, why: String) -> StoreError {
    StoreError::Corrupt {
        collection: collection.to_string(),
        id: id.to_owned(),
        source: <serde_json::Error as serde::de::Error>::custom(why),
    }
}

/// One part of a backup. `R` is how records come: [`DumpedRecord`] when the
/// store reads them, [`RestoredRecord`] when it writes them.
#[derive(Debug, Clone, PartialEq)]
pub enum BackupItem<R> {
    /// A deployment setting (such as the home organisation).
    Setting {
        /// Its name.
        key: String,
        /// Its value.
        value: String,
    },
    /// An account with its password hash; its id is kept.
    User(UserAccount),
    /// An API token with its hash.
    Token(TokenRecord),
    /// A record.
    Record(R),
    /// An entry of the change log, with its revision, actor and time.
    Change(ChangeEntry),
    /// A stored document with its bytes.
    Document(StoredDocument),
}

/// What [`super::Store::dump_backup`] sends.
pub type DumpItem = BackupItem<DumpedRecord>;
/// What [`super::Store::restore_backup`] takes.
pub type RestoreItem = BackupItem<RestoredRecord>;

/// One step of a restore ([`super::Store::restore_backup`]).
#[derive(Debug)]
pub enum RestoreStep {
    /// More of the backup, in the order the dump sent it.
    Items(Vec<RestoreItem>),
    /// The whole backup is sent: commit.
    Commit,
}

/// How many of each part a backup holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BackupCounts {
    /// Settings.
    pub settings: u64,
    /// Accounts.
    pub users: u64,
    /// API tokens (revoked ones too).
    pub tokens: u64,
    /// Records.
    pub records: u64,
    /// Change-log entries.
    pub changes: u64,
    /// Stored documents.
    pub documents: u64,
}

impl BackupCounts {
    /// Counts one item.
    pub fn count<R>(&mut self, item: &BackupItem<R>) {
        let counter = match item {
            BackupItem::Setting { .. } => &mut self.settings,
            BackupItem::User(_) => &mut self.users,
            BackupItem::Token(_) => &mut self.tokens,
            BackupItem::Record(_) => &mut self.records,
            BackupItem::Change(_) => &mut self.changes,
            BackupItem::Document(_) => &mut self.documents,
        };
        *counter += 1;
    }
}

impl std::fmt::Display for BackupCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, {}, {}, {}, {} and {}",
            counted(self.records, "record"),
            counted(self.changes, "history entry"),
            counted(self.users, "account"),
            counted(self.tokens, "API token"),
            counted(self.documents, "document"),
            counted(self.settings, "setting"),
        )
    }
}

/// `1 record`, `2 records`, `2 history entries`.
pub(super) fn counted(n: impl Into<i128>, one: &str) -> String {
    let n = n.into();
    match (n, one.strip_suffix('y')) {
        (1, _) => format!("1 {one}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {one}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(collection: RecordSet, id: &str, doc: &str) -> Result<RestoredRecord, StoreError> {
        RestoredRecord::decode(collection, id, doc, Utc::now(), Utc::now(), 7)
    }

    #[test]
    fn restored_records_get_their_columns_and_keep_their_document() {
        let doc = r#"{"id": "ki", "kind": "education", "country": "SE",
            "names": [{"value": "Karolinska Institutet", "kind": "display"}]}"#;
        let restored = decode(RecordSet::Organisations, "ki", doc).unwrap();
        let record = &restored.record;
        assert_eq!(
            (
                record.kind.as_deref(),
                record.country.map(|c| c.to_string())
            ),
            (Some("education"), Some("SE".to_owned()))
        );
        assert!(record.search_text.contains("karolinska institutet"));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&record.doc).unwrap(),
            serde_json::from_str::<serde_json::Value>(doc).unwrap(),
            "as backed up, without the fields a write would add"
        );
        assert_eq!(restored.revision, 7);
    }

    #[test]
    fn documents_that_are_not_their_record_are_refused() {
        let ki =
            r#"{"id": "ki", "kind": "education", "names": [{"value": "KI", "kind": "display"}]}"#;
        let err = decode(RecordSet::Organisations, "kth", ki).unwrap_err();
        assert!(
            err.to_string().contains("the document's id is `ki`"),
            "{err}"
        );
        let err = decode(RecordSet::Agreements, "ki", ki).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
        assert!(decode(RecordSet::Organisations, "ki", "{").is_err());
    }

    #[test]
    fn counts_read_as_english() {
        let counts = BackupCounts {
            records: 2,
            changes: 1,
            users: 0,
            tokens: 3,
            documents: 1,
            settings: 2,
        };
        assert_eq!(
            counts.to_string(),
            "2 records, 1 history entry, 0 accounts, 3 API tokens, 1 document and 2 settings"
        );
    }
}
