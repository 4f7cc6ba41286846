//! The backup file: JSON lines, one file, gzip-compressed when its name ends
//! in `.gz`. The first line is a [`Header`] naming the format and its
//! version; then one [`Line`] per item in the order the store dumps them
//! (settings, accounts, tokens, records, history, documents with their bytes
//! in base64), and last an `end` line that counts them, so a cut-off file is
//! refused rather than half restored.
//!
//! Lines rather than one JSON document, or a tar or zip archive: a line is
//! written as soon as the database gives it and read back one at a time, so
//! neither side holds the whole registry; the file stays greppable; and a
//! document's bytes (base64 costs a third more; gzip wins most of it back on
//! the JSON around it) need no second container.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use kizuna_core::store::{
    ApiToken, BackupCounts, ChangeEntry, DumpItem, RestoreItem, RestoredRecord, StoredDocument,
    TokenRecord, UserAccount,
};
use kizuna_domain::{ChangeKind, RecordSet, User};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// What a backup's header calls its format.
pub(crate) const FORMAT: &str = "kizuna-backup";
/// The newest format version this build writes and reads.
pub(crate) const VERSION: u64 = 1;

/// The first line.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Header {
    /// Always [`FORMAT`].
    pub(crate) format: String,
    /// [`VERSION`] when written.
    pub(crate) version: u64,
    /// The Kizuna version that wrote it.
    pub(crate) kizuna: String,
    /// When the backup was taken.
    pub(crate) written_at: DateTime<Utc>,
    /// `sqlite` or `postgres`: where it came from (it restores into either).
    pub(crate) database: String,
}

impl Header {
    /// The header of a backup written now from a `database` store.
    pub(crate) fn new(database: &str) -> Self {
        Header {
            format: FORMAT.to_owned(),
            version: VERSION,
            kizuna: env!("CARGO_PKG_VERSION").to_owned(),
            written_at: Utc::now(),
            database: database.to_owned(),
        }
    }
}

/// Just enough of a first line to tell a backup, and its version, from other files.
#[derive(Debug, Deserialize)]
pub(crate) struct Probe {
    pub(crate) format: Option<String>,
    pub(crate) version: Option<u64>,
    pub(crate) kizuna: Option<String>,
}

/// Every line after the header.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Line {
    /// A deployment setting.
    Setting { key: String, value: String },
    /// An account.
    User(UserLine),
    /// An API token.
    Token(TokenLine),
    /// A record.
    Record(RecordLine),
    /// A change-log entry.
    Change(ChangeLine),
    /// A stored document.
    Document(DocumentLine),
    /// The last line: how many of each came before.
    End(CountsLine),
}

/// An account with its password hash (never a password).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct UserLine {
    #[serde(flatten)]
    user: User,
    password_hash: String,
}

/// An API token with its hash (never the token).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct TokenLine {
    id: i64,
    user_id: i64,
    name: String,
    token_hash: String,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

/// A record: its document as stored, and its bookkeeping.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct RecordLine {
    collection: RecordSet,
    id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    revision: i64,
    /// Copied as text both ways: no JSON tree per record.
    doc: Box<RawValue>,
}

/// A change-log entry.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ChangeLine {
    revision: i64,
    collection: RecordSet,
    record_id: String,
    action: ChangeKind,
    actor: String,
    at: DateTime<Utc>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
}

/// A stored document, its bytes in base64.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct DocumentLine {
    id: String,
    agreement_id: String,
    name: String,
    content_type: String,
    size: i64,
    uploaded_by: String,
    uploaded_at: DateTime<Utc>,
    data: String,
}

/// How many of each item a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CountsLine {
    settings: u64,
    users: u64,
    tokens: u64,
    records: u64,
    changes: u64,
    documents: u64,
}

impl From<BackupCounts> for CountsLine {
    fn from(c: BackupCounts) -> Self {
        CountsLine {
            settings: c.settings,
            users: c.users,
            tokens: c.tokens,
            records: c.records,
            changes: c.changes,
            documents: c.documents,
        }
    }
}

impl From<CountsLine> for BackupCounts {
    fn from(c: CountsLine) -> Self {
        BackupCounts {
            settings: c.settings,
            users: c.users,
            tokens: c.tokens,
            records: c.records,
            changes: c.changes,
            documents: c.documents,
        }
    }
}

impl Line {
    /// The line for a dumped item.
    pub(crate) fn from_dump(item: DumpItem) -> anyhow::Result<Self> {
        Ok(match item {
            DumpItem::Setting { key, value } => Line::Setting { key, value },
            DumpItem::User(UserAccount {
                user,
                password_hash,
            }) => Line::User(UserLine {
                user,
                password_hash,
            }),
            DumpItem::Token(TokenRecord { token, token_hash }) => Line::Token(TokenLine {
                id: token.id,
                user_id: token.user_id,
                name: token.name,
                token_hash,
                created_at: token.created_at,
                last_used_at: token.last_used_at,
                revoked_at: token.revoked_at,
            }),
            DumpItem::Record(dumped) => {
                let r = dumped.record;
                let doc = RawValue::from_string(r.doc).map_err(|e| {
                    anyhow::anyhow!("{}/{} is stored as bad JSON: {e}", dumped.collection, r.id)
                })?;
                Line::Record(RecordLine {
                    collection: dumped.collection,
                    id: r.id,
                    created_at: r.created_at,
                    updated_at: r.updated_at,
                    revision: r.revision,
                    doc,
                })
            }
            DumpItem::Change(c) => Line::Change(ChangeLine {
                revision: c.revision,
                collection: c.collection,
                record_id: c.record_id,
                action: c.action,
                actor: c.actor,
                at: c.at,
                before: c.before,
                after: c.after,
            }),
            DumpItem::Document(d) => Line::Document(DocumentLine {
                data: BASE64.encode(&d.data),
                id: d.id,
                agreement_id: d.agreement_id,
                name: d.name,
                content_type: d.content_type,
                size: d.size,
                uploaded_by: d.uploaded_by,
                uploaded_at: d.uploaded_at,
            }),
        })
    }

    /// The item to restore, or `Err` with the counts for the end line.
    pub(crate) fn into_item(self) -> anyhow::Result<Result<RestoreItem, BackupCounts>> {
        Ok(Ok(match self {
            Line::End(counts) => return Ok(Err(counts.into())),
            Line::Setting { key, value } => RestoreItem::Setting { key, value },
            Line::User(u) => RestoreItem::User(UserAccount {
                user: u.user,
                password_hash: u.password_hash,
            }),
            Line::Token(t) => RestoreItem::Token(TokenRecord {
                token: ApiToken {
                    id: t.id,
                    user_id: t.user_id,
                    name: t.name,
                    created_at: t.created_at,
                    last_used_at: t.last_used_at,
                    revoked_at: t.revoked_at,
                },
                token_hash: t.token_hash,
            }),
            Line::Record(r) => RestoreItem::Record(RestoredRecord::decode(
                r.collection,
                &r.id,
                r.doc.get(),
                r.created_at,
                r.updated_at,
                r.revision,
            )?),
            Line::Change(c) => RestoreItem::Change(ChangeEntry {
                revision: c.revision,
                collection: c.collection,
                record_id: c.record_id,
                action: c.action,
                actor: c.actor,
                at: c.at,
                before: c.before,
                after: c.after,
            }),
            Line::Document(d) => {
                let data = BASE64
                    .decode(&d.data)
                    .map_err(|e| anyhow::anyhow!("document {}: bad base64: {e}", d.id))?;
                if data.len() as i64 != d.size {
                    anyhow::bail!(
                        "document {} has {} bytes, not the {} its line gives",
                        d.id,
                        data.len(),
                        d.size
                    );
                }
                RestoreItem::Document(StoredDocument {
                    id: d.id,
                    agreement_id: d.agreement_id,
                    name: d.name,
                    content_type: d.content_type,
                    size: d.size,
                    data,
                    uploaded_by: d.uploaded_by,
                    uploaded_at: d.uploaded_at,
                })
            }
        }))
    }
}
