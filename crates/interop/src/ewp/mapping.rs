//! Mapping a partner's copy to our agreement (see [`super::import`]): by our
//! `iia-id` in it, else by the partner's `iia-id` an earlier import recorded,
//! else by the partner institution (SCHAC code) and the same conditions (or
//! the only agreement with that partner), else a new internal draft.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use kizuna_core::Snapshot;
use kizuna_core::write::{PartnerFileWrite, generate_id};
use kizuna_domain::{Agreement, OrganisationKind, PartnerCopy, Slug};

use super::compare::compare_copy;
use super::draft::{DraftSource, draft, draft_title};
use super::entries::{CopyEntry, MatchedBy, Target};
use super::map::iia_id;
use super::read::ReadIia;
use super::sides::institution;
use crate::Message;

pub(crate) struct Planner<'a> {
    pub(crate) snapshot: &'a Snapshot,
    pub(crate) our_hei: Option<String>,
    /// Agreements (and draft ids) an earlier entry of the file already maps to.
    pub(crate) taken: HashSet<Slug>,
    pub(crate) now: DateTime<Utc>,
}

impl<'a> Planner<'a> {
    /// The entry of one copy, mapped (or with the reason it cannot be).
    pub(crate) fn copy(&mut self, iia: &ReadIia) -> CopyEntry {
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

    fn map_copy(&mut self, iia: &ReadIia, entry: &mut CopyEntry) -> Result<(), Message> {
        let our_hei = self.our_hei.clone().ok_or_else(|| {
            Message::coded(
                "ewp-no-home-schac",
                &[],
                "the home organisation has no SCHAC code (identifiers.schac), so our side cannot be told",
            )
        })?;
        let is_ours = |hei: &str| hei.eq_ignore_ascii_case(&our_hei);
        let [first, second] = iia.partners.as_slice() else {
            let count = iia.partners.len().to_string();
            let english = format!("it has {count} partners, not 2");
            return Err(Message::coded(
                "ewp-partner-count",
                &[("count", &count)],
                english,
            ));
        };
        if is_ours(&first.hei_id) {
            let english =
                format!("its first partner is {our_hei}: this is our own copy, not the partner's");
            return Err(Message::coded(
                "ewp-own-copy",
                &[("ours", &our_hei)],
                english,
            ));
        }
        if !is_ours(&second.hei_id) {
            let english = format!(
                "it binds {} and {}; neither is {our_hei}",
                first.hei_id, second.hei_id
            );
            let args = [
                ("first", first.hei_id.as_str()),
                ("second", second.hei_id.as_str()),
                ("ours", our_hei.as_str()),
            ];
            return Err(Message::coded("ewp-neither-ours", &args, english));
        }
        let (theirs, ours) = (first, second);
        entry.partner_hei = theirs.hei_id.clone();
        entry.partner_iia_code = theirs.iia_code.clone();
        entry.our_iia_id = ours.iia_id.clone();
        let partner_iia_id = theirs.iia_id.clone().ok_or_else(|| {
            Message::coded(
                "ewp-partner-iia-id-missing",
                &[],
                "the partner's <iia-id> is missing",
            )
        })?;
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
            let english = format!(
                "our agreement {} is linked to the partner's IIA {linked}, not {partner_iia_id}",
                agreement.id
            );
            let args = [
                ("agreement", agreement.id.as_str()),
                ("linked", linked.as_str()),
                ("given", partner_iia_id.as_str()),
            ];
            return Err(Message::coded("ewp-linked-elsewhere", &args, english));
        }
        if !self.taken.insert(agreement.id.clone()) {
            let english = format!(
                "an earlier IIA of the file maps to our agreement {} too",
                agreement.id
            );
            let args = [("agreement", agreement.id.as_str())];
            return Err(Message::coded("ewp-mapped-twice", &args, english));
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
                None => entry.notes.push(Message::coded(
                    "ewp-unknown-our-iia-id",
                    &[("id", ours)],
                    format!("the copy names our iia-id {ours}, which no agreement of ours has"),
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
                let english = format!(
                    "{} agreements with {} are not linked yet ({}), and not exactly one states the same conditions",
                    several.len(),
                    entry.partner_hei,
                    ids.join(", ")
                );
                let (count, ids) = (several.len().to_string(), ids.join(", "));
                let args = [
                    ("count", count.as_str()),
                    ("hei", entry.partner_hei.as_str()),
                    ("ids", ids.as_str()),
                ];
                entry
                    .notes
                    .push(Message::coded("ewp-several-unlinked", &args, english));
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
    ) -> Result<(), Message> {
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
                let english = format!(
                    "no agreement of ours matches, and no organisation has the SCHAC code {} \
                     (identifiers.schac) to make a draft with: add the partner first",
                    entry.partner_hei
                );
                let args = [("hei", entry.partner_hei.as_str())];
                Message::coded("ewp-no-partner-organisation", &args, english)
            })?;
        let source = DraftSource {
            iia,
            ours: &iia.partners[1],
            theirs: &iia.partners[0],
            partner,
            our_hei,
        };
        let id = self.fresh_id(&draft_title(partner, source.theirs));
        let draft =
            draft(self.snapshot, &source, id.clone(), copy, &mut entry.notes).ok_or_else(|| {
                Message::coded("ewp-no-home", &[], "no home organisation is configured")
            })?;
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
