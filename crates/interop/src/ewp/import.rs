//! Reading a partner's file into a plan: per IIA, their `iia-id`, the hash
//! recomputed and whether it is the one stated, `valid-for-approval`, the
//! agreement of ours it maps to and how its conditions compare with ours; per
//! approval, the agreement it approves and whether it approves our copy as it
//! is now. Nothing is written until [`apply`] is called with the plan.
//!
//! How a copy finds our agreement is in `mapping`.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use kizuna_core::write::{Actor, PartnerFileWrite};
use kizuna_core::{Snapshot, WriteError, WriteReport, Writer};
use kizuna_domain::{PartnerApproval, Slug};

use super::EwpError;
use super::map::iia_id;
use super::mapping::Planner;
use super::read::{PartnerFile, ReadApproval, read_partner_file};
use super::status::{home_hei, status_of};
use crate::Message;

pub use super::entries::{ApprovalEntry, CopyEntry, MatchedBy, Target};

/// What a partner's file would change.
#[derive(Debug, Clone)]
pub enum ImportPlan {
    /// A get response: the partner's copies.
    Copies(Vec<CopyEntry>),
    /// An approval response: the partner's approvals of ours.
    Approvals(Vec<ApprovalEntry>),
}

impl ImportPlan {
    /// Every reason the file cannot be applied, each naming its entry.
    pub fn errors(&self) -> Vec<String> {
        match self {
            ImportPlan::Copies(entries) => entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| Some(format!("IIA {}: {}", i + 1, e.error.as_ref()?)))
                .collect(),
            ImportPlan::Approvals(entries) => entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| Some(format!("approval {}: {}", i + 1, e.error.as_ref()?)))
                .collect(),
        }
    }

    /// What applying writes.
    pub fn writes(&self) -> Vec<PartnerFileWrite> {
        match self {
            ImportPlan::Copies(entries) => entries.iter().filter_map(|e| e.write.clone()).collect(),
            ImportPlan::Approvals(entries) => {
                entries.iter().filter_map(|e| e.write.clone()).collect()
            }
        }
    }
}

/// Reads a partner's file and decides what recording it would change;
/// `now` is when it counts as read.
pub fn plan(snapshot: &Snapshot, xml: &str, now: DateTime<Utc>) -> Result<ImportPlan, EwpError> {
    Ok(match read_partner_file(xml)? {
        PartnerFile::Copies(iias) => {
            let mut planner = Planner {
                snapshot,
                our_hei: home_hei(snapshot),
                taken: HashSet::new(),
                now,
            };
            ImportPlan::Copies(iias.iter().map(|iia| planner.copy(iia)).collect())
        }
        PartnerFile::Approvals(approvals) => {
            let mut taken = HashSet::new();
            let entries = approvals
                .iter()
                .map(|a| approval(snapshot, a, now, &mut taken))
                .collect();
            ImportPlan::Approvals(entries)
        }
    })
}

/// Writes what the plan says, in one transaction; a plan with errors writes nothing.
pub async fn apply(
    writer: &Writer,
    by: Actor<'_>,
    plan: &ImportPlan,
) -> Result<WriteReport, WriteError> {
    let errors = plan.errors();
    if !errors.is_empty() {
        return Err(WriteError::BadInput(format!(
            "nothing was written: {}",
            errors.join("; ")
        )));
    }
    writer.record_partner_file(by, plan.writes()).await
}

fn approval(
    snapshot: &Snapshot,
    read: &ReadApproval,
    now: DateTime<Utc>,
    taken: &mut HashSet<Slug>,
) -> ApprovalEntry {
    let mut entry = ApprovalEntry {
        our_iia_id: read.iia_id.clone(),
        hash: read.iia_hash.clone(),
        agreement: None,
        our_hash_now: None,
        error: None,
        write: None,
    };
    let found = snapshot
        .agreements
        .iter()
        .find(|a| iia_id(&a.id) == read.iia_id);
    let Some(agreement) = found else {
        let english = format!("no agreement of ours has the iia-id {:?}", read.iia_id);
        let args = [("id", read.iia_id.as_str())];
        entry.error = Some(Message::coded("ewp-approval-unknown", &args, english));
        return entry;
    };
    entry.agreement = Some((agreement.id.clone(), agreement.title.clone()));
    entry.our_hash_now = status_of(snapshot, agreement).our_hash;
    if read.iia_hash.is_empty() {
        entry.error = Some(Message::coded(
            "ewp-approval-no-hash",
            &[],
            "the approval names no iia-hash",
        ));
    } else if !taken.insert(agreement.id.clone()) {
        let english = format!("an earlier approval of the file names {} too", agreement.id);
        let args = [("agreement", agreement.id.as_str())];
        entry.error = Some(Message::coded("ewp-approval-twice", &args, english));
    } else {
        entry.write = Some(PartnerFileWrite::Approval {
            agreement: agreement.id.clone(),
            approval: PartnerApproval {
                hash: read.iia_hash.clone(),
                recorded_at: now,
            },
        });
    }
    entry
}
