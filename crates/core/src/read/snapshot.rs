//! Every record at one revision, held in memory once, with the indexes that
//! let a read cost what it returns.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use kizuna_domain::{
    Agreement, Contact, CountryProfile, Dataset, Entity, Factsheet, FundingOpportunity,
    Organisation, Programme, RecordSet, Slug, Visibility,
};

use super::index::Indexes;
use super::public::{PublicRecords, References, public_view};
use crate::registry::{decode, decode_country, decode_factsheet};
use crate::store::{StoreError, StoredRecord};

/// Every record at one revision, held in memory for pages that combine many.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Revision the snapshot was taken at.
    pub revision: i64,
    /// The home organisation.
    pub home: Option<Slug>,
    /// Organisations by id, in id order; shared with the public view when equal.
    pub organisations: BTreeMap<Slug, Arc<Organisation>>,
    /// Agreements, by id order.
    pub agreements: Vec<Agreement>,
    /// Programmes, by id order.
    pub programmes: Vec<Programme>,
    /// Funding opportunities, by id order.
    pub funding: Vec<FundingOpportunity>,
    /// Contacts, by id order.
    pub contacts: Vec<Contact>,
    /// Country profiles.
    pub countries: Vec<CountryProfile>,
    /// The home institution's factsheet for incoming students (public as a
    /// whole), once written.
    pub factsheet: Option<Factsheet>,
    /// Built on first use after a change (see [`Snapshot::index`]).
    pub(crate) index: OnceLock<Arc<Indexes>>,
}

impl Snapshot {
    /// The indexes of this revision, built on first use. Whoever changes the
    /// public fields directly must call [`Snapshot::invalidate`].
    pub fn index(&self) -> &Indexes {
        self.index.get_or_init(|| Arc::new(Indexes::build(self)))
    }

    /// Every record of a dataset, as if stored at `revision`; lists are put
    /// in id order, as storage returns them and lookups by id expect.
    pub fn from_dataset(data: &Dataset, revision: i64) -> Snapshot {
        fn by_id<E: Entity>(records: &[E]) -> Vec<E> {
            let mut sorted = records.to_vec();
            sorted.sort_by(|a, b| a.id().cmp(b.id()));
            sorted
        }
        Snapshot {
            revision,
            home: data.home.clone(),
            organisations: data
                .organisations
                .iter()
                .map(|o| (o.id.clone(), Arc::new(o.clone())))
                .collect(),
            agreements: by_id(&data.agreements),
            programmes: by_id(&data.programmes),
            funding: by_id(&data.funding),
            contacts: by_id(&data.contacts),
            countries: data.country_profiles().cloned().collect(),
            factsheet: None,
            index: OnceLock::new(),
        }
    }

    /// Forgets the indexes after the records were changed in place.
    pub fn invalidate(&mut self) {
        self.index = OnceLock::new();
    }
}

impl Snapshot {
    /// What the public may see: public records only (never a draft agreement),
    /// staff-only fields removed, and references to records the public may not
    /// see dropped (see [`super::public`]).
    pub fn public(&self) -> Snapshot {
        let public = PublicRecords::of(self);
        fn visible<E: Entity + References>(records: &[E], public: PublicRecords<'_>) -> Vec<E> {
            records
                .iter()
                .filter(|r| r.audience() == Visibility::Public)
                .map(|r| public_view(r.clone(), public))
                .collect()
        }
        Snapshot {
            revision: self.revision,
            home: self.home.clone(),
            organisations: self
                .organisations
                .iter()
                .filter(|(_, o)| o.visibility == Visibility::Public)
                .map(|(id, o)| {
                    // Share the record unless it has something to remove: staff-only
                    // fields (`Entity::redact_internal` clears its internal notes) or
                    // a parent or member the public may not see.
                    let hidden = |id: &Slug| !public.organisation(id);
                    let hides =
                        o.parent.as_ref().is_some_and(hidden) || o.members.iter().any(hidden);
                    let shared = if o.internal_notes.is_none() && !hides {
                        o.clone()
                    } else {
                        Arc::new(public_view(Organisation::clone(o), public))
                    };
                    (id.clone(), shared)
                })
                .collect(),
            agreements: visible(&self.agreements, public),
            programmes: visible(&self.programmes, public),
            funding: visible(&self.funding, public),
            contacts: visible(&self.contacts, public),
            countries: self
                .countries
                .iter()
                .cloned()
                .map(|mut c| {
                    c.drop_hidden_references(public);
                    c
                })
                .collect(),
            factsheet: self.factsheet.clone(),
            index: OnceLock::new(),
        }
    }

    /// Puts a stored record in place of the one with the same id, or removes it.
    pub(crate) fn replace(
        &mut self,
        collection: RecordSet,
        id: &str,
        stored: Option<StoredRecord>,
    ) -> Result<(), StoreError> {
        self.index = OnceLock::new();
        fn upsert<E: Entity>(
            list: &mut Vec<E>,
            id: &str,
            stored: Option<StoredRecord>,
        ) -> Result<(), StoreError> {
            let at = list.binary_search_by(|r| r.id().as_str().cmp(id));
            match (stored, at) {
                (Some(s), Ok(i)) => list[i] = decode(E::COLLECTION.into(), s)?.record,
                (Some(s), Err(i)) => list.insert(i, decode(E::COLLECTION.into(), s)?.record),
                (None, Ok(i)) => {
                    list.remove(i);
                }
                (None, Err(_)) => {}
            }
            Ok(())
        }
        match collection {
            RecordSet::Organisations => {
                let Ok(slug) = id.parse::<Slug>() else {
                    return Ok(());
                };
                match stored {
                    Some(s) => {
                        let org = decode::<Organisation>(collection, s)?.record;
                        self.organisations.insert(slug, Arc::new(org));
                    }
                    None => {
                        self.organisations.remove(&slug);
                    }
                }
            }
            RecordSet::Agreements => upsert(&mut self.agreements, id, stored)?,
            RecordSet::Programmes => upsert(&mut self.programmes, id, stored)?,
            RecordSet::Funding => upsert(&mut self.funding, id, stored)?,
            RecordSet::Contacts => upsert(&mut self.contacts, id, stored)?,
            RecordSet::Countries => {
                self.countries
                    .retain(|c| !c.country.as_str().eq_ignore_ascii_case(id));
                if let Some(s) = stored {
                    self.countries.push(decode_country(s)?);
                    self.countries.sort_by_key(|c| c.country);
                }
            }
            RecordSet::Factsheet => {
                self.factsheet = stored.map(decode_factsheet).transpose()?;
            }
        }
        Ok(())
    }
}

/// A record of an id-ordered list (as the snapshot keeps them) by id.
pub(crate) fn by_id<'a, E: Entity>(list: &'a [E], id: &Slug) -> Option<&'a E> {
    let at = list.binary_search_by(|r| r.id().cmp(id)).ok()?;
    Some(&list[at])
}
