//! What the EWP pages show, as template data: an agreement's exchange panel,
//! the dashboard's summary, and the entries of a partner's file.

use kizuna_core::Snapshot;
use kizuna_domain::{Agreement, EwpState};
use kizuna_interop::ewp::import::{ApprovalEntry, CopyEntry};
use kizuna_interop::ewp::{self, Difference, ExchangeStatus, Target};
use serde::Serialize;

use super::super::problems::import_text;
use crate::templates::label;

/// A difference as a table row.
#[derive(Debug, Serialize)]
pub(crate) struct DifferenceView {
    condition: String,
    field: String,
    ours: String,
    theirs: String,
}

fn differences(list: &[Difference]) -> Vec<DifferenceView> {
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
    list.iter()
        .map(|d| DifferenceView {
            condition: label(&d.condition),
            field: d.field.clone(),
            ours: shown(&d.ours),
            theirs: shown(&d.theirs),
        })
        .collect()
}

/// A hash with what it is compared with.
#[derive(Debug, Serialize)]
pub(crate) struct HashView {
    hash: String,
    /// Whether it is the one it should be (the stated one, or ours now).
    holds: bool,
    /// When, `YYYY-MM-DD HH:MM UTC`.
    at: String,
    /// Who (our approval).
    by: Option<String>,
    /// The partner's copy: valid for approval.
    valid_for_approval: bool,
    /// The partner's copy: the hash the file states.
    stated: Option<String>,
}

fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    super::super::words::when(at)
}

/// An agreement's EWP exchange on its back-office page.
#[derive(Debug, Serialize)]
pub(crate) struct EwpPanel {
    state: String,
    explanation: String,
    our_iia_id: String,
    our_hash: Option<String>,
    not_an_iia: Vec<String>,
    partner_iia_id: Option<String>,
    partner_copy: Option<HashView>,
    our_approval: Option<HashView>,
    partner_approval: Option<HashView>,
    differences: Vec<DifferenceView>,
    /// Why the partner's copy cannot be approved now (when there is one).
    refusal: Option<String>,
    /// Where the approve button posts.
    approve_action: String,
    /// Shown above the edit form: an approval that an edit would end, or one that has.
    pub(super) warning: Option<String>,
}

/// The panel of an agreement, unless it was never exchanged and cannot be an IIA.
pub(crate) fn panel(snapshot: &Snapshot, agreement: &Agreement) -> Option<EwpPanel> {
    let status = ewp::status_of(snapshot, agreement);
    let x = agreement.ewp.as_deref();
    if x.is_none() && status.our_hash.is_none() {
        return None;
    }
    let copy = x.and_then(|x| x.partner_copy.as_ref());
    let refusal = copy
        .and_then(|_| kizuna_domain::ewp::approval_refusal(x, status.facts()))
        .map(|r| crate::http::lang::coded(Some(&r.problem()), &r.to_string(), &["admin-"]));
    Some(EwpPanel {
        state: status.state.to_string(),
        explanation: crate::http::lang::t(&format!("admin-ewp-explain-{}", status.state)),
        our_iia_id: status.our_iia_id.clone(),
        our_hash: status.our_hash.clone(),
        not_an_iia: status.not_an_iia.iter().map(import_text).collect(),
        partner_iia_id: x.and_then(|x| x.partner_iia_id.clone()),
        partner_copy: copy.map(|c| HashView {
            hash: c.hash.clone(),
            holds: c.hash_matches(),
            at: when(c.read_at),
            by: None,
            valid_for_approval: c.valid_for_approval,
            stated: c.stated_hash.clone(),
        }),
        our_approval: x.and_then(|x| x.our_approval.as_ref()).map(|a| HashView {
            hash: a.copy.hash.clone(),
            holds: copy.is_some_and(|c| c.hash == a.copy.hash)
                && status.our_hash.as_deref() == Some(a.our_hash.as_str()),
            at: when(a.approved_at),
            by: Some(a.approved_by.clone()),
            valid_for_approval: a.copy.valid_for_approval,
            stated: None,
        }),
        partner_approval: x
            .and_then(|x| x.partner_approval.as_ref())
            .map(|a| HashView {
                hash: a.hash.clone(),
                holds: status.our_hash.as_deref() == Some(a.hash.as_str()),
                at: when(a.recorded_at),
                by: None,
                valid_for_approval: true,
                stated: None,
            }),
        differences: differences(&status.differences),
        refusal,
        approve_action: format!("/admin/agreements/{}/ewp/approve", agreement.id),
        warning: warning(&status),
    })
}

fn warning(status: &ExchangeStatus) -> Option<String> {
    // The same cases as the status's own (English) warnings, in the reader's language.
    let key = if status.edit_warning().is_some() {
        "admin-ewp-edit-warning"
    } else if status.stale_warning().is_some() {
        "admin-ewp-stale-warning"
    } else {
        return None;
    };
    Some(crate::http::lang::t(key))
}

/// An exchanged agreement on the dashboard.
#[derive(Debug, Serialize)]
pub(crate) struct EwpRow {
    id: String,
    title: String,
    state: String,
}

/// A number of agreements in one state.
#[derive(Debug, Serialize)]
pub(crate) struct StateCount {
    state: String,
    count: usize,
}

/// The dashboard's EWP section.
#[derive(Debug, Serialize)]
pub struct EwpSummary {
    /// Agreements with anything exchanged.
    exchanged: usize,
    /// How many are in each state, in the order of the states.
    counts: Vec<StateCount>,
    /// Those waiting for staff: the partner's copy differs or awaits our
    /// approval, or an approval went stale.
    attention: Vec<EwpRow>,
}

/// The summary over every agreement staff see.
pub fn summary(snapshot: &Snapshot) -> EwpSummary {
    let mut states: Vec<(EwpState, &Agreement)> = snapshot
        .agreements
        .iter()
        .filter(|a| a.ewp.is_some())
        .map(|a| (ewp::state_of(snapshot, a), a))
        .collect();
    states.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title)));
    let counts = EwpState::ALL
        .iter()
        .map(|s| StateCount {
            state: s.to_string(),
            count: states.iter().filter(|(t, _)| t == s).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    let attention = states
        .iter()
        .filter(|(s, _)| {
            matches!(
                s,
                EwpState::PartnerCopyDiffers
                    | EwpState::PartnerCopyMatches
                    | EwpState::ChangedSinceApproval
            )
        })
        .map(|(s, a)| EwpRow {
            id: a.id.to_string(),
            title: a.title.clone(),
            state: s.to_string(),
        })
        .collect();
    EwpSummary {
        exchanged: states.len(),
        counts,
        attention,
    }
}

/// The agreement an entry maps to.
#[derive(Debug, Serialize)]
pub(crate) struct TargetView {
    id: String,
    title: String,
    /// How it was found, or that it is a new draft.
    how: String,
    new: bool,
}

/// One IIA of a partner's file.
#[derive(Debug, Serialize)]
pub(crate) struct CopyView {
    number: usize,
    partner_iia_id: Option<String>,
    partner_hei: String,
    partner_iia_code: Option<String>,
    our_iia_id: Option<String>,
    hash: String,
    stated_hash: Option<String>,
    hash_matches: bool,
    valid_for_approval: bool,
    target: Option<TargetView>,
    differences: Vec<DifferenceView>,
    notes: Vec<String>,
    error: Option<String>,
}

pub(crate) fn copy_view(number: usize, e: &CopyEntry) -> CopyView {
    let target = match &e.target {
        Target::Existing {
            agreement,
            title,
            matched_by,
        } => Some(TargetView {
            id: agreement.to_string(),
            title: title.clone(),
            how: super::super::records::tx(
                "admin-ewp-found",
                &[(
                    "how",
                    &crate::http::lang::t(&format!("admin-ewp-matched-{}", matched_by.code())),
                )],
            ),
            new: false,
        }),
        Target::NewDraft { agreement, title } => Some(TargetView {
            id: agreement.to_string(),
            title: title.clone(),
            how: crate::http::lang::t("admin-ewp-how-new"),
            new: true,
        }),
        Target::Nothing => None,
    };
    CopyView {
        number,
        partner_iia_id: e.partner_iia_id.clone(),
        partner_hei: e.partner_hei.clone(),
        partner_iia_code: e.partner_iia_code.clone(),
        our_iia_id: e.our_iia_id.clone(),
        hash: e.hash.clone(),
        stated_hash: e.stated_hash.clone(),
        hash_matches: e.hash_matches(),
        valid_for_approval: e.valid_for_approval,
        target,
        differences: differences(&e.differences),
        notes: e.notes.iter().map(import_text).collect(),
        error: e.error.as_ref().map(import_text),
    }
}

/// One approval of a partner's file.
#[derive(Debug, Serialize)]
pub(crate) struct ApprovalView {
    number: usize,
    our_iia_id: String,
    hash: String,
    agreement: Option<TargetView>,
    our_hash_now: Option<String>,
    approves_our_copy: bool,
    error: Option<String>,
}

pub(crate) fn approval_view(number: usize, e: &ApprovalEntry) -> ApprovalView {
    ApprovalView {
        number,
        our_iia_id: e.our_iia_id.clone(),
        hash: e.hash.clone(),
        agreement: e.agreement.as_ref().map(|(id, title)| TargetView {
            id: id.to_string(),
            title: title.clone(),
            how: crate::http::lang::t("admin-ewp-how-iia-id"),
            new: false,
        }),
        our_hash_now: e.our_hash_now.clone(),
        approves_our_copy: e.approves_our_copy(),
        error: e.error.as_ref().map(import_text),
    }
}
