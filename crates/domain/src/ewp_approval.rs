//! Whether we may approve a partner's copy of an IIA now, and if not, why:
//! as a stable code for an edge to word and as the English the API and the
//! core's refusal say.

use crate::Problem;
use crate::ewp::{EwpExchange, EwpFacts};

/// Why the partner's current copy may not be approved now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApprovalRefusal {
    /// No copy of the partner's was imported.
    #[error("no copy of the partner's has been imported for this agreement")]
    NoCopy,
    /// The copy states another hash than the one computed from it.
    #[error(
        "the partner's copy states the iia-hash {}, but {computed} is computed from it; ask the partner to correct it",
        .stated.as_deref().unwrap_or("(none)")
    )]
    HashMismatch {
        /// The hash the copy states, if any.
        stated: Option<String>,
        /// The hash computed from it.
        computed: String,
    },
    /// The copy is not valid for approval.
    #[error("the partner's copy still holds values not yet defined or left from IIA v6")]
    NotValidForApproval,
    /// Our own copy cannot be an IIA.
    #[error(
        "our copy cannot be an IIA (see `kizuna export ewp`); it must be one to approve the partner's"
    )]
    OursNotAnIia,
    /// The two copies state different conditions.
    #[error("the partner's conditions differ from ours; make the two copies agree first")]
    ConditionsDiffer,
    /// This very copy is approved already.
    #[error("this copy is already approved")]
    AlreadyApproved,
}

impl ApprovalRefusal {
    /// The reason as a code (`ewp-refusal-…`) and its values.
    pub fn problem(&self) -> Problem {
        match self {
            ApprovalRefusal::NoCopy => Problem::new("ewp-refusal-no-copy"),
            ApprovalRefusal::HashMismatch { stated, computed } => {
                Problem::new("ewp-refusal-hash-mismatch")
                    .with("stated", stated.as_deref().unwrap_or("—"))
                    .with("computed", computed)
            }
            ApprovalRefusal::NotValidForApproval => Problem::new("ewp-refusal-not-valid"),
            ApprovalRefusal::OursNotAnIia => Problem::new("ewp-refusal-ours-not-an-iia"),
            ApprovalRefusal::ConditionsDiffer => Problem::new("ewp-refusal-conditions-differ"),
            ApprovalRefusal::AlreadyApproved => Problem::new("ewp-refusal-already-approved"),
        }
    }
}

/// Why we may not approve the partner's current copy now, or `None` when we may.
///
/// EWP lets a copy be approved only when the hash it states is the one
/// computed from it and it is valid for approval; here it must also say what
/// our own copy says (which must be an IIA), so the approval stays true of
/// both, and not be the copy already approved.
pub fn approval_refusal(
    exchange: Option<&EwpExchange>,
    facts: EwpFacts<'_>,
) -> Option<ApprovalRefusal> {
    let Some(copy) = exchange.and_then(|x| x.partner_copy.as_ref()) else {
        return Some(ApprovalRefusal::NoCopy);
    };
    if !copy.hash_matches() {
        return Some(ApprovalRefusal::HashMismatch {
            stated: copy.stated_hash.clone(),
            computed: copy.hash.clone(),
        });
    }
    if !copy.valid_for_approval {
        return Some(ApprovalRefusal::NotValidForApproval);
    }
    let Some(our_hash) = facts.our_hash else {
        return Some(ApprovalRefusal::OursNotAnIia);
    };
    if !facts.copies_agree {
        return Some(ApprovalRefusal::ConditionsDiffer);
    }
    let x = exchange.expect("a copy implies an exchange");
    if x.our_approval
        .as_ref()
        .is_some_and(|a| a.copy.hash == copy.hash && a.our_hash == our_hash)
    {
        return Some(ApprovalRefusal::AlreadyApproved);
    }
    None
}
