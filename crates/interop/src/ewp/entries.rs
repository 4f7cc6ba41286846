//! What an import plan holds per IIA of a partner's file: a copy and the
//! agreement of ours it maps to, or an approval of one of ours.

use kizuna_core::write::PartnerFileWrite;
use kizuna_domain::Slug;

use super::compare::Difference;
use crate::Message;

/// How a copy was matched to one of our agreements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// The copy names our `iia-id`.
    OurIiaId,
    /// An earlier import linked the partner's `iia-id` to it.
    PartnerIiaId,
    /// The same partner institution and the same conditions.
    PartnerAndConditions,
    /// The only agreement with that partner institution.
    Partner,
}

impl MatchedBy {
    /// The word an edge picks its own wording by.
    pub fn code(self) -> &'static str {
        match self {
            MatchedBy::OurIiaId => "our-iia-id",
            MatchedBy::PartnerIiaId => "partner-iia-id",
            MatchedBy::PartnerAndConditions => "partner-and-conditions",
            MatchedBy::Partner => "partner",
        }
    }

    /// In words.
    pub fn describe(self) -> &'static str {
        match self {
            MatchedBy::OurIiaId => "by our iia-id in the partner's copy",
            MatchedBy::PartnerIiaId => "by the partner's iia-id recorded earlier",
            MatchedBy::PartnerAndConditions => "by the partner's SCHAC code and the conditions",
            MatchedBy::Partner => "by the partner's SCHAC code (the only agreement with them)",
        }
    }
}

/// What a copy maps to.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// One of our agreements.
    Existing {
        /// Its id.
        agreement: Slug,
        /// Its title.
        title: String,
        /// How it was found.
        matched_by: MatchedBy,
    },
    /// A new draft made from the copy.
    NewDraft {
        /// Its id.
        agreement: Slug,
        /// Its title.
        title: String,
    },
    /// Nothing (see the entry's error).
    Nothing,
}

/// One IIA of a get response.
#[derive(Debug, Clone)]
pub struct CopyEntry {
    /// The partner's SCHAC code (empty when it cannot be told).
    pub partner_hei: String,
    /// The partner's `iia-id`.
    pub partner_iia_id: Option<String>,
    /// The partner's `iia-code`.
    pub partner_iia_code: Option<String>,
    /// Our `iia-id` as the copy names it.
    pub our_iia_id: Option<String>,
    /// The hash recomputed from the copy.
    pub hash: String,
    /// The hash the copy states.
    pub stated_hash: Option<String>,
    /// `valid-for-approval`.
    pub valid_for_approval: bool,
    /// The agreement it maps to.
    pub target: Target,
    /// The partner's conditions against ours (a new draft's: what it leaves out).
    pub differences: Vec<Difference>,
    /// Problems reading it, and what a draft leaves out.
    pub notes: Vec<Message>,
    /// Why it cannot be recorded; any error keeps the whole file from being applied.
    pub error: Option<Message>,
    pub(crate) write: Option<PartnerFileWrite>,
}

impl CopyEntry {
    /// Whether the stated hash is the one computed.
    pub fn hash_matches(&self) -> bool {
        self.stated_hash.as_deref() == Some(self.hash.as_str())
    }
}

/// One approval of an approval response.
#[derive(Debug, Clone)]
pub struct ApprovalEntry {
    /// Our `iia-id` it names.
    pub our_iia_id: String,
    /// The hash of our copy it approves.
    pub hash: String,
    /// Our agreement with that `iia-id`, and its title.
    pub agreement: Option<(Slug, String)>,
    /// The hash of our copy now (`None`: it cannot be an IIA).
    pub our_hash_now: Option<String>,
    /// Why it cannot be recorded.
    pub error: Option<Message>,
    pub(crate) write: Option<PartnerFileWrite>,
}

impl ApprovalEntry {
    /// Whether it approves our copy as it is now.
    pub fn approves_our_copy(&self) -> bool {
        self.our_hash_now.as_deref() == Some(self.hash.as_str())
    }
}
