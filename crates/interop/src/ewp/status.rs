//! Where an agreement stands in its EWP exchange: our copy (its `iia-id` and
//! `iia-hash` as we serve it now), the partner's current copy compared with
//! ours, and the state derived from both and the approvals kept
//! (`kizuna_domain::ewp`).

use kizuna_core::Snapshot;
use kizuna_domain::ewp::ewp_state;
use kizuna_domain::{Agreement, EwpFacts, EwpState};

use super::compare::{Difference, compare_copy};
use super::export::hash_of;
use super::map;
use super::read::{PartnerFile, read_partner_file};

/// An agreement's EWP exchange as staff see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeStatus {
    /// The derived state.
    pub state: EwpState,
    /// Our `iia-id` of the agreement.
    pub our_iia_id: String,
    /// The `iia-hash` of our copy now; `None` when it cannot be an IIA.
    pub our_hash: Option<String>,
    /// Why our copy cannot be an IIA, when it cannot.
    pub not_an_iia: Vec<crate::Message>,
    /// How the partner's current copy differs from ours (empty without one).
    pub differences: Vec<Difference>,
}

impl ExchangeStatus {
    /// The facts the state and an approval are judged by.
    pub fn facts(&self) -> EwpFacts<'_> {
        EwpFacts {
            our_hash: self.our_hash.as_deref(),
            copies_agree: self.differences.is_empty(),
        }
    }

    /// What to tell someone about to change the agreement, if anything: an
    /// approval holds now, and a change to what the hash covers ends it.
    pub fn edit_warning(&self) -> Option<String> {
        self.state.holds_approval().then(|| {
            "This agreement's copy has been approved over EWP. Changing its mobility conditions, \
             parties or termination changes its iia-hash: the approval will no longer hold and \
             must be given again."
                .to_owned()
        })
    }

    /// What to tell someone about the state as it is, if anything.
    pub fn stale_warning(&self) -> Option<String> {
        (self.state == EwpState::ChangedSinceApproval).then(|| {
            "A copy changed after it was approved over EWP: the approval no longer holds."
                .to_owned()
        })
    }
}

/// The state alone; quick for agreements never exchanged (no hash is computed).
pub fn state_of(snapshot: &Snapshot, agreement: &Agreement) -> EwpState {
    if agreement.ewp.is_none() {
        return EwpState::NotExchanged;
    }
    status_of(snapshot, agreement).state
}

/// Our copy, the comparison with the partner's and the state.
pub fn status_of(snapshot: &Snapshot, agreement: &Agreement) -> ExchangeStatus {
    let our_iia_id = map::iia_id(&agreement.id);
    let (our_hash, not_an_iia) = match map::to_iia(snapshot, agreement) {
        Ok((iia, _)) => match hash_of(&iia) {
            Ok(hash) => (Some(hash), Vec::new()),
            Err(e) => (None, vec![e.message()]),
        },
        Err(reasons) => (None, reasons),
    };
    let copy = agreement.ewp.as_ref().and_then(|x| x.partner_copy.as_ref());
    let differences = match copy {
        Some(copy) => partner_differences(snapshot, agreement, &copy.xml),
        None => Vec::new(),
    };
    let facts = EwpFacts {
        our_hash: our_hash.as_deref(),
        copies_agree: differences.is_empty(),
    };
    ExchangeStatus {
        state: ewp_state(agreement.ewp.as_deref(), facts),
        our_iia_id,
        our_hash,
        not_an_iia,
        differences,
    }
}

/// How the stored copy differs from our agreement; a copy that cannot be
/// read back (which an import never stores) differs as a whole.
fn partner_differences(snapshot: &Snapshot, agreement: &Agreement, xml: &str) -> Vec<Difference> {
    let our_hei = home_hei(snapshot).unwrap_or_default();
    match read_partner_file(xml) {
        Ok(PartnerFile::Copies(copies)) if copies.len() == 1 => {
            compare_copy(agreement, &copies[0], &our_hei)
        }
        _ => vec![Difference {
            condition: "agreement".to_owned(),
            field: "partner_copy".to_owned(),
            ours: None,
            theirs: Some("a copy that cannot be read".to_owned()),
        }],
    }
}

/// The home organisation's SCHAC code.
pub(crate) fn home_hei(snapshot: &Snapshot) -> Option<String> {
    let home = snapshot.organisations.get(snapshot.home.as_ref()?)?;
    let code = home.identifiers.schac.as_deref()?.trim();
    (!code.is_empty()).then(|| code.to_owned())
}
