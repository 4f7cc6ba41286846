//! What a write can fail with, in words safe to show the person who asked.

use kizuna_domain::{Action, Role, Slug, ValidationErrors};

use crate::StoreError;

/// Why a change was refused or failed; each variant says what an edge needs
/// to answer (a status, a message, field errors, the revisions compared).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The actor's role or unit scope does not allow the change.
    #[error("{0}")]
    Forbidden(String),
    /// The actor's role does not allow `action` on records of `unit` (none:
    /// central records); apart from [`WriteError::Forbidden`] so that an edge
    /// can word it in the reader's language.
    #[error("{} may not {action} {}", .role.with_article(), place(.unit.as_ref()))]
    OutOfScope {
        /// The actor's role.
        role: Role,
        /// What was refused.
        action: Action,
        /// The unit whose records are out of reach.
        unit: Option<Slug>,
    },
    /// The record breaks its rules or names ids that do not exist (every problem, by field).
    #[error("the record is not valid")]
    Invalid(ValidationErrors),
    /// The record, the version or the document acted on does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A new record's id is taken.
    #[error("{collection}/{id} already exists")]
    AlreadyExists {
        /// Collection.
        collection: String,
        /// Id.
        id: String,
    },
    /// The change contradicts what is stored (others still refer to the record,
    /// the version to restore deleted or erased it).
    #[error("{0}")]
    Conflict(String),
    /// A record others still refer to cannot be deleted.
    #[error("{collection}/{id} is still referred to by {}; change or delete those first", .referrers.join(", "))]
    Referenced {
        /// Collection.
        collection: String,
        /// Id.
        id: String,
        /// The records referring to it, `collection/id`.
        referrers: Vec<String>,
    },
    /// The record changed since the version the writer based its change on.
    #[error(
        "{collection}/{id} was changed by someone else since you loaded it; reload it and make your change again"
    )]
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
    /// A deleted record is restored expecting another revision than its deletion's.
    #[error(
        "{collection}/{id} was deleted at revision {deleted_at}, not {expected}; reload its history"
    )]
    StaleDeletion {
        /// Collection.
        collection: String,
        /// Id.
        id: String,
        /// The revision the writer saw.
        expected: i64,
        /// The revision of the deletion.
        deleted_at: i64,
    },
    /// The partner's copy of an agreement may not be approved now (apart
    /// from [`WriteError::Conflict`] so that an edge can word the reason).
    #[error("cannot approve {id}: {reason}")]
    CannotApprove {
        /// The agreement.
        id: String,
        /// Why not.
        reason: kizuna_domain::ewp::ApprovalRefusal,
    },
    /// The request cannot be carried out as given (an empty file).
    #[error("{0}")]
    BadInput(String),
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
    /// A record could not be converted; a bug, not the writer's fault.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The records a scope refusal names.
fn place(unit: Option<&Slug>) -> String {
    unit.map(|u| format!("records of `{u}`"))
        .unwrap_or_else(|| "central records".to_owned())
}

impl From<StoreError> for WriteError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { collection, id } => {
                WriteError::NotFound(format!("{collection}/{id} does not exist"))
            }
            StoreError::AlreadyExists { collection, id } => {
                WriteError::AlreadyExists { collection, id }
            }
            StoreError::Stale {
                collection,
                id,
                expected,
                actual,
            } => WriteError::Stale {
                collection,
                id,
                expected,
                actual,
            },
            other => WriteError::Store(other),
        }
    }
}

impl From<serde_json::Error> for WriteError {
    fn from(e: serde_json::Error) -> Self {
        WriteError::Internal(e.to_string())
    }
}
