//! Files attached to agreements, as the store keeps them.

use chrono::{DateTime, Utc};

/// A file attached to an agreement, kept in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    /// Storage id ([`new_document_id`]).
    pub id: String,
    /// The agreement it belongs to.
    pub agreement_id: String,
    /// File name as uploaded.
    pub name: String,
    /// MIME type.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
    /// The bytes.
    pub data: Vec<u8>,
    /// Who uploaded it.
    pub uploaded_by: String,
    /// When.
    pub uploaded_at: DateTime<Utc>,
}

/// A fresh, unguessable document id.
pub fn new_document_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}
