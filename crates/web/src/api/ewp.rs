//! The EWP exchange in the JSON API, for staff only: each agreement's
//! derived `ewp_status` (in staff reads and write answers) and the
//! `ewp_state` filter of `GET /agreements`.
//!
//! None of it is public: the partner's iia-id, copies, approvals and the
//! state are the international office's work in progress, and the public
//! status (`active`, `expiring`, …) already says whether an agreement is in force.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use kizuna_core::Snapshot;
use kizuna_domain::{Agreement, EwpState};
use kizuna_interop::ewp;
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::auth::Staff;
use crate::{AppError, AppState};

/// One field on which the partner's copy differs from ours.
#[derive(Debug, Serialize, ToSchema)]
pub struct DifferenceOut {
    /// The condition (`student_studies outgoing`), or `agreement`.
    pub condition: String,
    /// Our field name (`places_per_year`, …), or `condition` when one side lacks it.
    pub field: String,
    /// What ours says.
    pub ours: Option<String>,
    /// What the partner's copy says.
    pub theirs: Option<String>,
}

/// An agreement's EWP exchange as derived now (staff only; never stored,
/// ignored when sent back).
#[derive(Debug, Serialize, ToSchema)]
pub struct EwpStatusOut {
    /// Where the exchange stands.
    pub state: EwpState,
    /// Our `iia-id`.
    pub our_iia_id: String,
    /// The `iia-hash` of our copy now; null when it cannot be an IIA.
    pub our_hash: Option<String>,
    /// How the partner's current copy differs from ours.
    pub differences: Vec<DifferenceOut>,
    /// Set while an approval holds (changing the conditions, parties or
    /// termination would end it) and when one no longer holds.
    pub warning: Option<String>,
}

/// An agreement of a staff list filtered by `ewp_state`.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffAgreementOut {
    /// The agreement with its status.
    #[serde(flatten)]
    pub agreement: super::agreement_out::AgreementOut,
    /// Its EWP exchange.
    pub ewp_status: EwpStatusOut,
}

/// The derived exchange of `agreement`.
pub fn status_out(snapshot: &Snapshot, agreement: &Agreement) -> EwpStatusOut {
    let status = ewp::status_of(snapshot, agreement);
    EwpStatusOut {
        state: status.state,
        warning: status.edit_warning().or_else(|| status.stale_warning()),
        our_iia_id: status.our_iia_id,
        our_hash: status.our_hash,
        differences: status
            .differences
            .into_iter()
            .map(|d| DifferenceOut {
                condition: d.condition,
                field: d.field,
                ours: d.ours,
                theirs: d.theirs,
            })
            .collect(),
    }
}

/// The state an `ewp_state` filter asks for; only staff may ask (401 without
/// a token or session, as for writes).
pub async fn staff_filter(
    state: &AppState,
    parts: &mut Parts,
    word: &str,
) -> Result<EwpState, AppError> {
    Staff::from_request_parts(parts, state).await?;
    word.parse()
        .map_err(|e: kizuna_domain::enums::UnknownValue| AppError::BadRequest(e.to_string()))
}

/// Whether `agreement` is in `wanted` (quick for those never exchanged).
pub fn in_state(snapshot: &Snapshot, agreement: &Agreement, wanted: EwpState) -> bool {
    ewp::state_of(snapshot, agreement) == wanted
}
