//! Loading a whole dataset (the demo data, `kizuna import json|toml`): every
//! record is held to the same rules and references as a single write, judged
//! against the registry as it will be once the dataset is in.

use std::collections::HashSet;

use kizuna_domain::{Dataset, Entity, Slug, ValidationErrors};

use super::references::{country_references, typed_references};
use super::scope::Typed;
use super::{WriteError, Writer};
use crate::{Snapshot, WriteReport};

impl Writer {
    /// Checks every record of `data` ([`dataset_problems`]) and, when nothing
    /// is wrong, loads it in one transaction (records equal to what is stored
    /// are left alone); `actor` is what the change log records. Imports are
    /// an operator's act, so no user's scope applies.
    pub async fn import(&self, data: &mut Dataset, actor: &str) -> Result<WriteReport, WriteError> {
        dataset_problems(self.snapshot(), data)
            .into_result()
            .map_err(WriteError::Invalid)?;
        Ok(self.registry.load_dataset(data, actor).await?)
    }
}

/// Normalises every record of `data` and lists everything wrong with it, each
/// field prefixed by `collection.id`: each record's own rules, ids given twice,
/// and ids named that exist neither in the dataset nor in `snapshot`.
pub fn dataset_problems(snapshot: &Snapshot, data: &mut Dataset) -> ValidationErrors {
    let mut errors = data.record_problems();
    let after = overlay(snapshot, data);
    if let Some(home) = &data.home
        && !after.organisations.contains_key(home)
    {
        errors.add("home", format!("`{home}` is not a known organisation"));
    }
    let typed = (data.organisations.iter().cloned().map(Typed::Organisation))
        .chain(data.agreements.iter().cloned().map(Typed::Agreement))
        .chain(data.programmes.iter().cloned().map(Typed::Programme))
        .chain(data.funding.iter().cloned().map(Typed::Funding))
        .chain(data.contacts.iter().cloned().map(Typed::Contact));
    for record in typed {
        let at = place(&record);
        errors.extend_prefixed(&at, typed_references(&after, &record));
    }
    for profile in data.country_profiles() {
        let at = format!("country.{}", profile.country);
        errors.extend_prefixed(&at, country_references(&after, profile));
    }
    errors
}

/// `collection.id`, where a dataset's problem is.
fn place(record: &Typed) -> String {
    fn of<E: Entity>(r: &E) -> String {
        format!("{}.{}", E::COLLECTION, r.id())
    }
    match record {
        Typed::Organisation(r) => of(r),
        Typed::Agreement(r) => of(r),
        Typed::Programme(r) => of(r),
        Typed::Funding(r) => of(r),
        Typed::Contact(r) => of(r),
    }
}

/// The registry as it will be: `snapshot` with the dataset's records in
/// place of stored ones of the same id.
fn overlay(snapshot: &Snapshot, data: &Dataset) -> Snapshot {
    fn merge<E: Entity>(stored: &[E], new: &[E]) -> Vec<E> {
        let ids: HashSet<&Slug> = new.iter().map(|r| r.id()).collect();
        let kept = stored.iter().filter(|r| !ids.contains(r.id()));
        kept.chain(new).cloned().collect()
    }
    let mut organisations = snapshot.organisations.clone();
    for o in &data.organisations {
        organisations.insert(o.id.clone(), std::sync::Arc::new(o.clone()));
    }
    Snapshot {
        revision: snapshot.revision,
        home: data.home.clone().or_else(|| snapshot.home.clone()),
        organisations,
        agreements: merge(&snapshot.agreements, &data.agreements),
        programmes: merge(&snapshot.programmes, &data.programmes),
        funding: merge(&snapshot.funding, &data.funding),
        contacts: merge(&snapshot.contacts, &data.contacts),
        countries: Vec::new(),
        factsheet: snapshot.factsheet.clone(),
        index: Default::default(),
    }
}
