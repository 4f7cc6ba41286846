//! The agreement as the API answers it: the record and its derived status.

use kizuna_domain::{Agreement, AgreementStatus};
use serde::Serialize;
use utoipa::ToSchema;

/// An agreement with its derived status.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementOut {
    /// The agreement.
    #[serde(flatten)]
    pub agreement: Agreement,
    /// Derived from the dates, never stored.
    pub status: AgreementStatus,
}
