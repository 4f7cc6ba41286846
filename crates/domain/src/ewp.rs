//! Erasmus Without Paper: what the registry keeps about exchanging an
//! agreement with its partner (their IIA id, their copy, the approvals each
//! side gave), and the exchange state derived from it.
//!
//! In EWP each partner serves its own copy of an IIA; an approval names the
//! `iia-hash` of the other side's copy. An approval therefore holds only
//! while the copy it names is unchanged: ours for the partner's approval, and
//! for ours both the partner's copy we approved and our own copy as it was
//! then (we approve theirs because it says what ours says).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

crate::enums::vocabulary!(
    /// Where an agreement stands in its exchange with the partner over EWP;
    /// derived, never stored.
    EwpState, "EWP state" {
        NotExchanged => "not_exchanged",
        PartnerCopyDiffers => "partner_copy_differs",
        PartnerCopyMatches => "partner_copy_matches",
        ApprovedByUs => "approved_by_us",
        ApprovedByPartner => "approved_by_partner",
        ApprovedByBoth => "approved_by_both",
        ChangedSinceApproval => "changed_since_approval",
    }
);

impl EwpState {
    /// Whether an approval holds now, so a change to our copy would make it stale.
    pub fn holds_approval(self) -> bool {
        matches!(
            self,
            EwpState::ApprovedByUs | EwpState::ApprovedByPartner | EwpState::ApprovedByBoth
        )
    }

    /// What the state means, in a sentence for staff.
    pub fn explanation(self) -> &'static str {
        match self {
            EwpState::NotExchanged => "No copy of the partner's has been read yet.",
            EwpState::PartnerCopyDiffers => {
                "The partner's copy states other conditions than ours; nobody has approved."
            }
            EwpState::PartnerCopyMatches => {
                "The partner's copy states the same conditions as ours; nobody has approved yet."
            }
            EwpState::ApprovedByUs => {
                "We approved the partner's copy; the partner has not approved ours."
            }
            EwpState::ApprovedByPartner => {
                "The partner approved our copy; we have not approved theirs."
            }
            EwpState::ApprovedByBoth => "Both copies are approved and unchanged since.",
            EwpState::ChangedSinceApproval => {
                "A copy changed after it was approved: the approval no longer holds and must be given again."
            }
        }
    }
}

/// What is known of an agreement's exchange with its partner over EWP (staff only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EwpExchange {
    /// The partner's `iia-id` of this agreement.
    #[serde(default)]
    pub partner_iia_id: Option<String>,
    /// The partner's copy as last read.
    #[serde(default)]
    pub partner_copy: Option<PartnerCopy>,
    /// Our approval of the partner's copy, with the copy approved.
    #[serde(default)]
    pub our_approval: Option<OurApproval>,
    /// The partner's approval of our copy.
    #[serde(default)]
    pub partner_approval: Option<PartnerApproval>,
}

/// A partner's copy of an IIA, as read from their `iias-get-response`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerCopy {
    /// Their `iia-id`.
    pub iia_id: String,
    /// The `iia-hash` computed here from the copy.
    pub hash: String,
    /// The `iia-hash` the copy states.
    #[serde(default)]
    pub stated_hash: Option<String>,
    /// False while the copy holds values not yet defined or left from IIA v6.
    pub valid_for_approval: bool,
    /// The copy itself: an `iias-get-response` holding this IIA alone.
    pub xml: String,
    /// When it was read.
    pub read_at: DateTime<Utc>,
}

impl PartnerCopy {
    /// Whether the hash the copy states is the one computed from it.
    pub fn hash_matches(&self) -> bool {
        self.stated_hash.as_deref() == Some(self.hash.as_str())
    }
}

/// Our approval of the partner's copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OurApproval {
    /// The copy approved, kept as it was (a later copy does not replace it).
    pub copy: PartnerCopy,
    /// The `iia-hash` of our own copy when we approved.
    pub our_hash: String,
    /// When.
    pub approved_at: DateTime<Utc>,
    /// Who: a staff member's address, or the command that did it.
    pub approved_by: String,
}

/// The partner's approval of our copy (from their IIAs Approval response).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerApproval {
    /// The `iia-hash` of our copy they approved.
    pub hash: String,
    /// When it was recorded here.
    pub recorded_at: DateTime<Utc>,
}

/// What the state depends on besides the stored exchange; computed from the
/// agreement as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EwpFacts<'a> {
    /// The `iia-hash` of our copy; `None` when the agreement cannot be an IIA.
    pub our_hash: Option<&'a str>,
    /// Whether the partner's current copy states the same conditions as ours.
    pub copies_agree: bool,
}

/// The exchange state of an agreement.
pub fn ewp_state(exchange: Option<&EwpExchange>, facts: EwpFacts<'_>) -> EwpState {
    let Some(x) = exchange else {
        return EwpState::NotExchanged;
    };
    let ours_is = |hash: &str| facts.our_hash == Some(hash);
    let by_us = x.our_approval.as_ref().map(|a| {
        ours_is(&a.our_hash)
            && x.partner_copy
                .as_ref()
                .is_some_and(|c| c.hash == a.copy.hash)
    });
    let by_partner = x.partner_approval.as_ref().map(|a| ours_is(&a.hash));
    match (by_us, by_partner) {
        (Some(false), _) | (_, Some(false)) => EwpState::ChangedSinceApproval,
        (Some(true), Some(true)) => EwpState::ApprovedByBoth,
        (Some(true), None) => EwpState::ApprovedByUs,
        (None, Some(true)) => EwpState::ApprovedByPartner,
        (None, None) => match &x.partner_copy {
            None => EwpState::NotExchanged,
            Some(_) if facts.copies_agree => EwpState::PartnerCopyMatches,
            Some(_) => EwpState::PartnerCopyDiffers,
        },
    }
}

pub use crate::ewp_approval::{ApprovalRefusal, approval_refusal};

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        "2027-01-15T10:00:00Z".parse().unwrap()
    }

    fn copy(hash: &str) -> PartnerCopy {
        PartnerCopy {
            iia_id: "uw-1".into(),
            hash: hash.into(),
            stated_hash: Some(hash.into()),
            valid_for_approval: true,
            xml: "<iias-get-response/>".into(),
            read_at: at(),
        }
    }

    fn with_copy(hash: &str) -> EwpExchange {
        EwpExchange {
            partner_iia_id: Some("uw-1".into()),
            partner_copy: Some(copy(hash)),
            ..EwpExchange::default()
        }
    }

    fn approved_by_us(theirs: &str, ours: &str) -> OurApproval {
        OurApproval {
            copy: copy(theirs),
            our_hash: ours.into(),
            approved_at: at(),
            approved_by: "admin@ki.se".into(),
        }
    }

    fn approved_by_partner(ours: &str) -> PartnerApproval {
        PartnerApproval {
            hash: ours.into(),
            recorded_at: at(),
        }
    }

    const AGREE: EwpFacts<'static> = EwpFacts {
        our_hash: Some("ours"),
        copies_agree: true,
    };

    fn state(x: &EwpExchange, facts: EwpFacts) -> EwpState {
        ewp_state(Some(x), facts)
    }

    #[test]
    fn nothing_read_is_not_exchanged() {
        assert_eq!(ewp_state(None, AGREE), EwpState::NotExchanged);
        assert_eq!(
            state(&EwpExchange::default(), AGREE),
            EwpState::NotExchanged
        );
    }

    #[test]
    fn a_copy_without_approvals_differs_or_matches() {
        let x = with_copy("theirs");
        assert_eq!(state(&x, AGREE), EwpState::PartnerCopyMatches);
        let differ = EwpFacts {
            copies_agree: false,
            ..AGREE
        };
        assert_eq!(state(&x, differ), EwpState::PartnerCopyDiffers);
    }

    #[test]
    fn our_approval_holds_while_both_copies_are_unchanged() {
        let mut x = with_copy("theirs");
        x.our_approval = Some(approved_by_us("theirs", "ours"));
        assert_eq!(state(&x, AGREE), EwpState::ApprovedByUs);
        // Our copy changed since.
        let edited = EwpFacts {
            our_hash: Some("ours-edited"),
            ..AGREE
        };
        assert_eq!(state(&x, edited), EwpState::ChangedSinceApproval);
        // Ours can no longer be an IIA at all.
        let gone = EwpFacts {
            our_hash: None,
            ..AGREE
        };
        assert_eq!(state(&x, gone), EwpState::ChangedSinceApproval);
        // The partner sent a new copy.
        x.partner_copy = Some(copy("theirs-2"));
        assert_eq!(state(&x, AGREE), EwpState::ChangedSinceApproval);
    }

    #[test]
    fn the_partners_approval_holds_while_our_copy_is_unchanged() {
        let mut x = EwpExchange {
            partner_approval: Some(approved_by_partner("ours")),
            ..EwpExchange::default()
        };
        assert_eq!(state(&x, AGREE), EwpState::ApprovedByPartner);
        x.partner_copy = Some(copy("theirs"));
        let differ = EwpFacts {
            copies_agree: false,
            ..AGREE
        };
        assert_eq!(state(&x, differ), EwpState::ApprovedByPartner);
        let edited = EwpFacts {
            our_hash: Some("ours-edited"),
            ..AGREE
        };
        assert_eq!(state(&x, edited), EwpState::ChangedSinceApproval);
    }

    #[test]
    fn both_approvals_make_approved_by_both_until_one_goes_stale() {
        let mut x = with_copy("theirs");
        x.our_approval = Some(approved_by_us("theirs", "ours"));
        x.partner_approval = Some(approved_by_partner("ours"));
        assert_eq!(state(&x, AGREE), EwpState::ApprovedByBoth);
        assert!(EwpState::ApprovedByBoth.holds_approval());
        x.partner_approval = Some(approved_by_partner("an older copy of ours"));
        assert_eq!(state(&x, AGREE), EwpState::ChangedSinceApproval);
        assert!(!EwpState::ChangedSinceApproval.holds_approval());
    }

    #[test]
    fn every_state_has_a_word_and_an_explanation() {
        for s in EwpState::ALL {
            assert_eq!(s.as_str().parse::<EwpState>(), Ok(*s));
            assert!(s.explanation().ends_with('.'));
        }
        assert!("approved".parse::<EwpState>().is_err());
    }

    #[test]
    fn approval_needs_a_sound_copy_that_says_what_ours_says() {
        let refusal =
            |x: Option<&EwpExchange>, facts| approval_refusal(x, facts).unwrap().to_string();
        assert!(refusal(None, AGREE).contains("no copy"));
        let mut x = with_copy("theirs");
        assert_eq!(approval_refusal(Some(&x), AGREE), None);
        let differ = EwpFacts {
            copies_agree: false,
            ..AGREE
        };
        assert!(refusal(Some(&x), differ).contains("differ"));
        let not_an_iia = EwpFacts {
            our_hash: None,
            ..AGREE
        };
        assert!(refusal(Some(&x), not_an_iia).contains("cannot be an IIA"));
        x.our_approval = Some(approved_by_us("theirs", "ours"));
        assert!(refusal(Some(&x), AGREE).contains("already approved"));
        let mut wrong = with_copy("theirs");
        wrong.partner_copy.as_mut().unwrap().stated_hash = Some("other".into());
        assert!(refusal(Some(&wrong), AGREE).contains("ask the partner"));
        let mut v6 = with_copy("theirs");
        v6.partner_copy.as_mut().unwrap().valid_for_approval = false;
        assert!(refusal(Some(&v6), AGREE).contains("not yet defined"));
    }

    #[test]
    fn the_exchange_round_trips_through_json() {
        let mut x = with_copy("theirs");
        x.our_approval = Some(approved_by_us("theirs", "ours"));
        x.partner_approval = Some(approved_by_partner("ours"));
        let json = serde_json::to_value(&x).unwrap();
        assert_eq!(json["our_approval"]["copy"]["iia_id"], "uw-1");
        assert_eq!(serde_json::from_value::<EwpExchange>(json).unwrap(), x);
    }
}
