//! Every record at one revision, held in memory once, with the indexes that
//! let a read cost what it returns.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use kizuna_domain::{
    Agreement, Contact, CountryProfile, Dataset, Entity, FundingOpportunity, Organisation,
    Programme, RecordSet, Slug,
};

use super::index::Indexes;
use crate::registry::{decode, decode_country};
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
    /// Built on first use after a change (see [`Snapshot::index`]).
    pub(crate) index: OnceLock<Arc<Indexes>>,
}

impl Snapshot {
    /// The indexes of this revision, built on first use. Whoever changes the
    /// public fields directly must call [`Snapshot::invalidate`].
    pub fn index(&self) -> &Indexes {
        self.index.get_or_init(|| Arc::new(Indexes::build(self)))
    }

    /// Every record of a dataset, as if stored at `revision`.
    pub fn from_dataset(data: &Dataset, revision: i64) -> Snapshot {
        Snapshot {
            revision,
            home: data.home.clone(),
            organisations: data
                .organisations
                .iter()
                .map(|o| (o.id.clone(), Arc::new(o.clone())))
                .collect(),
            agreements: data.agreements.clone(),
            programmes: data.programmes.clone(),
            funding: data.funding.clone(),
            contacts: data.contacts.clone(),
            countries: data.country_profiles().cloned().collect(),
            index: OnceLock::new(),
        }
    }

    /// Forgets the indexes after the records were changed in place.
    pub fn invalidate(&mut self) {
        self.index = OnceLock::new();
    }
}

impl Snapshot {
    /// What the public may see: public records only, staff-only fields removed.
    pub fn public(&self) -> Snapshot {
        fn visible<E: Entity>(records: &[E]) -> Vec<E> {
            records
                .iter()
                .filter(|r| r.visibility() == kizuna_domain::Visibility::Public)
                .cloned()
                .map(|mut r| {
                    r.redact_internal();
                    r
                })
                .collect()
        }
        Snapshot {
            revision: self.revision,
            home: self.home.clone(),
            organisations: self
                .organisations
                .iter()
                .filter(|(_, o)| o.visibility == kizuna_domain::Visibility::Public)
                .map(|(id, o)| {
                    // Share the record unless it has staff-only fields to remove
                    // (`Entity::redact_internal` of an organisation clears its notes).
                    let shared = if o.internal_notes.is_none() {
                        o.clone()
                    } else {
                        let mut redacted = Organisation::clone(o);
                        redacted.redact_internal();
                        Arc::new(redacted)
                    };
                    (id.clone(), shared)
                })
                .collect(),
            agreements: visible(&self.agreements),
            programmes: visible(&self.programmes),
            funding: visible(&self.funding),
            contacts: visible(&self.contacts),
            countries: self.countries.clone(),
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
        }
        Ok(())
    }
}
