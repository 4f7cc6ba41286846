//! The errors of the storage layer.

use super::backup;

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL names no backend we have.
    #[error("unsupported database URL `{0}`: use sqlite://PATH or postgres://...")]
    UnsupportedUrl(String),
    /// A record expected to exist does not.
    #[error("{collection}/{id} does not exist")]
    NotFound {
        /// Collection.
        collection: String,
        /// Id.
        id: String,
    },
    /// A record expected not to exist does.
    #[error("{collection}/{id} already exists")]
    AlreadyExists {
        /// Collection.
        collection: String,
        /// Id.
        id: String,
    },
    /// A streamed write ended without its commit; nothing was written.
    #[error("the write was abandoned before it was complete; nothing was written")]
    Abandoned,
    /// The record changed since the version the writer based its change on.
    #[error("{collection}/{id} is at revision {actual}, not {expected}")]
    Stale {
        /// Collection.
        collection: String,
        /// Id.
        id: String,
        /// The revision the writer saw.
        expected: i64,
        /// The current revision.
        actual: i64,
    },
    /// A stored document no longer matches the domain types.
    #[error("stored {collection}/{id} cannot be read: {source}")]
    Corrupt {
        /// Collection.
        collection: String,
        /// Id.
        id: String,
        /// Why.
        source: serde_json::Error,
    },
    /// A restore without `replace` found the database holding data.
    #[error(
        "the database is not empty: it holds {}, {}, {} and {}",
        backup::counted(*records, "record"),
        backup::counted(*changes, "history entry"),
        backup::counted(*users, "account"),
        backup::counted(*documents, "document")
    )]
    NotEmpty {
        /// Records.
        records: i64,
        /// Change-log entries.
        changes: i64,
        /// Accounts.
        users: i64,
        /// Stored documents.
        documents: i64,
    },
    /// The database failed (the backend's own error inside).
    #[error("the database failed: {0}")]
    Database(#[source] Box<dyn std::error::Error + Send + Sync>),
}
