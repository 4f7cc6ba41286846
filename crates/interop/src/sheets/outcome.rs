//! What importing one row of a sheet does, as the report shows it.

use serde::Serialize;

use super::row::CellError;
use crate::Message;

/// What importing one row does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "details", rename_all = "lowercase")]
pub enum Outcome {
    /// A new record.
    Created,
    /// A stored record changes in these fields.
    Changed(Vec<String>),
    /// The row says what is stored.
    Unchanged,
    /// The row cannot be imported, for these reasons.
    Error(Vec<CellError>),
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowReport {
    /// Its row number in the file.
    pub line: usize,
    /// The record's id, when known.
    pub id: Option<String>,
    /// What importing it does.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// What else it does (a partner organisation added with it).
    pub notes: Vec<Message>,
}
