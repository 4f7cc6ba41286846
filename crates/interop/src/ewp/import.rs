//! Reading a partner's file into a plan: per IIA, their `iia-id`, the hash
//! recomputed and whether it is the one stated, `valid-for-approval`, the
//! agreement of ours it maps to and how its conditions compare with ours; per
//! approval, the agreement it approves and whether it approves our copy as it
//! is now. Nothing is written until [`apply`] is called with the plan.
//!
//! A copy maps to our agreement by our `iia-id` in it, else by the partner's
//! `iia-id` an earlier import recorded, else by the partner institution
//! (SCHAC code) and the same conditions (or the only agreement with that
//! partner), else it becomes a new internal draft.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use kizuna_core::write::{Actor, PartnerFileWrite, generate_id};
use kizuna_core::{Snapshot, WriteError, WriteReport, Writer};
use kizuna_domain::{Agreement, OrganisationKind, PartnerApproval, PartnerCopy, Slug};

use super::EwpError;
use super::compare::{Difference, compare_copy};
use super::draft::{DraftSource, draft, draft_title};
use super::map::{iia_id, institution};
use super::read::{PartnerFile, ReadApproval, ReadIia, read_partner_file};
use super::status::{home_hei, status_of};

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
    pub notes: Vec<String>,
    /// Why it cannot be recorded; any error keeps the whole file from being applied.
    pub error: Option<String>,
    write: Option<PartnerFileWrite>,
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
    pub error: Option<String>,
    write: Option<PartnerFileWrite>,
}

impl ApprovalEntry {
    /// Whether it approves our copy as it is now.
    pub fn approves_our_copy(&self) -> bool {
        self.our_hash_now.as_deref() == Some(self.hash.as_str())
    }
}

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

struct Planner<'a> {
    snapshot: &'a Snapshot,
    our_hei: Option<String>,
    /// Agreements (and draft ids) an earlier entry of the file already maps to.
    taken: HashSet<Slug>,
    now: DateTime<Utc>,
}

impl<'a> Planner<'a> {
    fn copy(&mut self, iia: &ReadIia) -> CopyEntry {
        let mut entry = CopyEntry {
            partner_hei: String::new(),
            partner_iia_id: None,
            partner_iia_code: None,
            our_iia_id: None,
            hash: iia.digest.hash.clone(),
            stated_hash: iia.digest.stated_hash.clone(),
            valid_for_approval: iia.digest.valid_for_approval,
            target: Target::Nothing,
            differences: Vec::new(),
            notes: iia.problems.clone(),
            error: None,
            write: None,
        };
        if let Err(e) = self.map_copy(iia, &mut entry) {
            entry.error = Some(e);
            entry.write = None;
        }
        entry
    }

    fn map_copy(&mut self, iia: &ReadIia, entry: &mut CopyEntry) -> Result<(), String> {
        let our_hei = self.our_hei.clone().ok_or(
            "the home organisation has no SCHAC code (identifiers.schac), so our side cannot be told",
        )?;
        let is_ours = |hei: &str| hei.eq_ignore_ascii_case(&our_hei);
        let [first, second] = iia.partners.as_slice() else {
            return Err(format!("it has {} partners, not 2", iia.partners.len()));
        };
        if is_ours(&first.hei_id) {
            return Err(format!(
                "its first partner is {our_hei}: this is our own copy, not the partner's"
            ));
        }
        if !is_ours(&second.hei_id) {
            return Err(format!(
                "it binds {} and {}; neither is {our_hei}",
                first.hei_id, second.hei_id
            ));
        }
        let (theirs, ours) = (first, second);
        entry.partner_hei = theirs.hei_id.clone();
        entry.partner_iia_code = theirs.iia_code.clone();
        entry.our_iia_id = ours.iia_id.clone();
        let partner_iia_id = theirs
            .iia_id
            .clone()
            .ok_or("the partner's <iia-id> is missing")?;
        entry.partner_iia_id = Some(partner_iia_id.clone());
        let copy = PartnerCopy {
            iia_id: partner_iia_id.clone(),
            hash: iia.digest.hash.clone(),
            stated_hash: iia.digest.stated_hash.clone(),
            valid_for_approval: iia.digest.valid_for_approval,
            xml: iia.xml.clone(),
            read_at: self.now,
        };
        let found = self.find(iia, entry, &partner_iia_id, &our_hei);
        let Some((agreement, matched_by)) = found else {
            return self.new_draft(iia, entry, copy, &our_hei);
        };
        if let Some(linked) = agreement
            .ewp
            .as_ref()
            .and_then(|x| x.partner_iia_id.as_ref())
            .filter(|l| **l != partner_iia_id)
        {
            return Err(format!(
                "our agreement {} is linked to the partner's IIA {linked}, not {partner_iia_id}",
                agreement.id
            ));
        }
        if !self.taken.insert(agreement.id.clone()) {
            return Err(format!(
                "an earlier IIA of the file maps to our agreement {} too",
                agreement.id
            ));
        }
        entry.differences = compare_copy(agreement, iia, &our_hei);
        entry.target = Target::Existing {
            agreement: agreement.id.clone(),
            title: agreement.title.clone(),
            matched_by,
        };
        entry.write = Some(PartnerFileWrite::Copy {
            agreement: agreement.id.clone(),
            copy,
        });
        Ok(())
    }

    /// Our agreement for the copy, and how it was found.
    fn find(
        &self,
        iia: &ReadIia,
        entry: &mut CopyEntry,
        partner_iia_id: &str,
        our_hei: &str,
    ) -> Option<(&'a Agreement, MatchedBy)> {
        let agreements = &self.snapshot.agreements;
        if let Some(ours) = &entry.our_iia_id {
            match agreements.iter().find(|a| &iia_id(&a.id) == ours) {
                Some(a) => return Some((a, MatchedBy::OurIiaId)),
                None => entry.notes.push(format!(
                    "the copy names our iia-id {ours}, which no agreement of ours has"
                )),
            }
        }
        let linked = agreements.iter().find(|a| {
            a.ewp
                .as_ref()
                .and_then(|x| x.partner_iia_id.as_deref())
                .is_some_and(|id| id == partner_iia_id)
        });
        if let Some(a) = linked {
            return Some((a, MatchedBy::PartnerIiaId));
        }
        let candidates: Vec<&'a Agreement> = agreements
            .iter()
            .filter(|a| a.ewp.as_ref().is_none_or(|x| x.partner_iia_id.is_none()))
            .filter(|a| self.binds(a, &entry.partner_hei))
            .collect();
        let same: Vec<&'a Agreement> = candidates
            .iter()
            .copied()
            .filter(|a| compare_copy(a, iia, our_hei).is_empty())
            .collect();
        match (same.as_slice(), candidates.as_slice()) {
            ([one], _) => Some((one, MatchedBy::PartnerAndConditions)),
            ([], [one]) => Some((one, MatchedBy::Partner)),
            (_, []) => None,
            (_, several) => {
                let ids: Vec<&str> = several.iter().map(|a| a.id.as_str()).collect();
                entry.notes.push(format!(
                    "{} agreements with {} are not linked yet ({}), and not exactly one states the same conditions",
                    several.len(),
                    entry.partner_hei,
                    ids.join(", ")
                ));
                None
            }
        }
    }

    /// Whether the agreement binds the home organisation and the institution
    /// with this SCHAC code, and no other.
    fn binds(&self, agreement: &Agreement, partner_hei: &str) -> bool {
        let institutions: Vec<_> = agreement
            .parties
            .iter()
            .filter_map(|p| self.snapshot.organisations.get(&p.organisation))
            .map(|o| institution(self.snapshot, o))
            .collect();
        let home = self.snapshot.home.as_ref();
        let mut distinct: Vec<&Slug> = institutions.iter().map(|o| &o.id).collect();
        distinct.sort();
        distinct.dedup();
        // An IIA binds two institutions: agreements with more cannot be its copy.
        distinct.len() == 2
            && institutions.iter().any(|o| Some(&o.id) == home)
            && institutions.iter().any(|o| {
                o.identifiers
                    .schac
                    .as_deref()
                    .is_some_and(|s| s.trim().eq_ignore_ascii_case(partner_hei))
            })
    }

    fn new_draft(
        &mut self,
        iia: &ReadIia,
        entry: &mut CopyEntry,
        copy: PartnerCopy,
        our_hei: &str,
    ) -> Result<(), String> {
        let partner = self
            .snapshot
            .organisations
            .values()
            .filter(|o| o.kind != OrganisationKind::Unit)
            .find(|o| {
                o.identifiers
                    .schac
                    .as_deref()
                    .is_some_and(|s| s.trim().eq_ignore_ascii_case(&entry.partner_hei))
            })
            .ok_or_else(|| {
                format!(
                    "no agreement of ours matches, and no organisation has the SCHAC code {} \
                     (identifiers.schac) to make a draft with: add the partner first",
                    entry.partner_hei
                )
            })?;
        let source = DraftSource {
            iia,
            ours: &iia.partners[1],
            theirs: &iia.partners[0],
            partner,
            our_hei,
        };
        let id = self.fresh_id(&draft_title(partner, source.theirs));
        let draft = draft(self.snapshot, &source, id.clone(), copy, &mut entry.notes)
            .ok_or("no home organisation is configured")?;
        entry.differences = compare_copy(&draft, iia, our_hei);
        entry.target = Target::NewDraft {
            agreement: id,
            title: draft.title.clone(),
        };
        entry.write = Some(PartnerFileWrite::Draft(Box::new(draft)));
        Ok(())
    }

    /// An id free in the registry and among the file's other drafts.
    fn fresh_id(&mut self, title: &str) -> Slug {
        let base = generate_id::<Agreement>(self.snapshot, title);
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) || self.snapshot.agreements.iter().any(|a| a.id == id) {
            id = format!("{base}-{n}")
                .parse()
                .expect("a slug plus -n is a slug");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
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
        entry.error = Some(format!(
            "no agreement of ours has the iia-id {:?}",
            read.iia_id
        ));
        return entry;
    };
    entry.agreement = Some((agreement.id.clone(), agreement.title.clone()));
    entry.our_hash_now = status_of(snapshot, agreement).our_hash;
    if read.iia_hash.is_empty() {
        entry.error = Some("the approval names no iia-hash".to_owned());
    } else if !taken.insert(agreement.id.clone()) {
        entry.error = Some(format!(
            "an earlier approval of the file names {} too",
            agreement.id
        ));
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
