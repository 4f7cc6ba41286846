//! The public view of a record names only public records.
//!
//! A public agreement may have an internal party, a public programme an
//! internal partner, a public contact an internal employer. Hiding the
//! internal record itself is not enough: its id in `parties` (or its name on a
//! page, or in a search snippet) would still tell the public it exists. So
//! the public view *drops* such references: the party leaves `parties`, the
//! funder becomes absent, and so on, as if the internal record were not there.
//!
//! What the public may see is decided by [`Entity::audience`] alone, so a
//! draft agreement (never public, DESIGN.md "Status") is dropped the same way.

use kizuna_domain::{
    Agreement, Collection, Contact, CountryProfile, Entity, FundingOpportunity, Organisation,
    Programme, RecordSet, Slug, Visibility,
};

use super::Snapshot;

/// Answers "may the public see the record with this id?" from a snapshot that
/// holds every record (or only the public ones: both answer the same).
#[derive(Clone, Copy)]
pub struct PublicRecords<'a> {
    snapshot: &'a Snapshot,
}

/// Whether `list`, sorted by id, holds a public record with this id.
fn public_in<E: Entity>(list: &[E], id: &Slug) -> bool {
    list.binary_search_by(|r| r.id().cmp(id))
        .is_ok_and(|at| list[at].audience() == Visibility::Public)
}

impl<'a> PublicRecords<'a> {
    /// Reads visibility from `snapshot`.
    pub fn of(snapshot: &'a Snapshot) -> Self {
        PublicRecords { snapshot }
    }

    /// Whether the organisation exists and is public.
    pub fn organisation(&self, id: &Slug) -> bool {
        self.snapshot
            .organisations
            .get(id)
            .is_some_and(|o| o.visibility == Visibility::Public)
    }

    /// Whether the agreement exists, is public and is not a draft.
    pub fn agreement(&self, id: &Slug) -> bool {
        public_in(&self.snapshot.agreements, id)
    }

    /// Whether the programme exists and is public.
    pub fn programme(&self, id: &Slug) -> bool {
        public_in(&self.snapshot.programmes, id)
    }

    /// Whether the contact exists and is public.
    pub fn contact(&self, id: &Slug) -> bool {
        public_in(&self.snapshot.contacts, id)
    }

    /// Whether the funding opportunity exists and is public.
    pub fn funding(&self, id: &Slug) -> bool {
        public_in(&self.snapshot.funding, id)
    }

    /// Whether the record of `collection` with this id exists and is public.
    pub fn record(&self, collection: Collection, id: &str) -> bool {
        let Ok(id) = id.parse::<Slug>() else {
            return false;
        };
        match collection {
            Collection::Organisations => self.organisation(&id),
            Collection::Agreements => self.agreement(&id),
            Collection::Programmes => self.programme(&id),
            Collection::Funding => self.funding(&id),
            Collection::Contacts => self.contact(&id),
        }
    }
}

/// Whether a record of `collection`, stored as `doc` (as the change history
/// keeps it), was for the public: public, and for an agreement signed.
pub fn public_document(collection: RecordSet, doc: &serde_json::Value) -> bool {
    let public = doc["visibility"] == Visibility::Public.as_str();
    match collection {
        RecordSet::Agreements => {
            public
                && (doc["signed"] == serde_json::Value::Bool(true) || !doc["signed_on"].is_null())
        }
        _ => public,
    }
}

/// Keeps the ids `keep` accepts; whether any was dropped.
fn retain(list: &mut Vec<Slug>, keep: impl Fn(&Slug) -> bool) -> bool {
    let before = list.len();
    list.retain(|id| keep(id));
    list.len() != before
}

/// Clears the id unless `keep` accepts it; whether it was cleared.
fn clear_unless(id: &mut Option<Slug>, keep: impl Fn(&Slug) -> bool) -> bool {
    if id.as_ref().is_some_and(|id| !keep(id)) {
        *id = None;
        return true;
    }
    false
}

/// A record that refers to other records by id.
pub trait References {
    /// Drops every reference to a record the public may not see; whether any was dropped.
    fn drop_hidden_references(&mut self, public: PublicRecords<'_>) -> bool;
}

impl References for Organisation {
    fn drop_hidden_references(&mut self, public: PublicRecords<'_>) -> bool {
        let org = |id: &Slug| public.organisation(id);
        clear_unless(&mut self.parent, org) | retain(&mut self.members, org)
    }
}

impl References for Agreement {
    fn drop_hidden_references(&mut self, public: PublicRecords<'_>) -> bool {
        let org = |id: &Slug| public.organisation(id);
        let before = self.parties.len();
        self.parties.retain(|p| org(&p.organisation));
        let mut dropped = self.parties.len() != before;
        for party in &mut self.parties {
            dropped |= clear_unless(&mut party.unit, org);
        }
        dropped |= clear_unless(&mut self.home_unit, org);
        dropped |= clear_unless(&mut self.renews, |id| public.agreement(id));
        dropped | retain(&mut self.contacts, |id| public.contact(id))
    }
}

impl References for Programme {
    fn drop_hidden_references(&mut self, public: PublicRecords<'_>) -> bool {
        let org = |id: &Slug| public.organisation(id);
        retain(&mut self.partners, org)
            | retain(&mut self.units, org)
            | retain(&mut self.locations, org)
            | clear_unless(&mut self.agreement, |id| public.agreement(id))
            | retain(&mut self.contacts, |id| public.contact(id))
    }
}

impl References for FundingOpportunity {
    fn drop_hidden_references(&mut self, public: PublicRecords<'_>) -> bool {
        clear_unless(&mut self.funder, |id| public.organisation(id))
            | clear_unless(&mut self.programme, |id| public.programme(id))
            | clear_unless(&mut self.agreement, |id| public.agreement(id))
    }
}

impl References for Contact {
    fn drop_hidden_references(&mut self, public: PublicRecords<'_>) -> bool {
        let org = |id: &Slug| public.organisation(id);
        clear_unless(&mut self.organisation, org)
            | clear_unless(&mut self.unit, org)
            | retain(&mut self.agreements, |id| public.agreement(id))
            | retain(&mut self.programmes, |id| public.programme(id))
    }
}

impl References for CountryProfile {
    fn drop_hidden_references(&mut self, public: PublicRecords<'_>) -> bool {
        let org = |id: &Slug| public.organisation(id);
        retain(&mut self.key_partners, org) | retain(&mut self.supporters, org)
    }
}

/// What the public may see of one record: its staff-only fields removed and
/// its references to records the public may not see dropped.
pub fn public_view<E: Entity + References>(mut record: E, public: PublicRecords<'_>) -> E {
    record.redact_internal();
    record.drop_hidden_references(public);
    record
}
