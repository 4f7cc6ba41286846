//! The one write path every change takes (back-office forms, the JSON API,
//! the command line): permission, validation, references, optimistic
//! concurrency, audit.
//!
//! A [`Writer`] checks that the acting user may make the change (see
//! [`scope`]), normalises and validates the record (all field errors at once,
//! as [`WriteError::Invalid`]), checks that the ids it refers to exist (see
//! [`references`]), and writes it expecting the revision the writer saw (a
//! newer one is [`WriteError::Stale`]). The change log records who (the
//! user's e-mail address), when and the before/after.
//!
//! Who may change a record is decided by its home units ([`scope::home_units`]);
//! an update or delete needs permission for the stored version's home units
//! and for the new one's, and a change of what an agreement renews needs
//! permission for the agreements renewed (their status follows from it).
//!
//! Every text of a record obeys the domain's text rules ([`kizuna_domain::text`]:
//! no control characters, a length limit), checked with its other rules.

mod change_set;
mod documents;
mod erase;
mod error;
mod ewp;
mod factsheet;
mod import;
pub mod json;
mod json_errors;
pub mod references;
mod renew;
mod restore;
pub mod scope;

use std::sync::Arc;

use kizuna_domain::{Action, Collection, CountryProfile, Entity, User, ValidationErrors};

pub use change_set::ChangeSet;
pub use documents::NewFile;
pub use erase::Erasure;
pub use error::WriteError;
pub use ewp::{Actor, PartnerFileWrite};
pub use import::dataset_problems;
pub use json::{generate_id, merge_patch, record_from_json, with_id};

use crate::{Expect, Registry, Snapshot, StoreError, Versioned};

/// Normalises `record` and lists everything wrong with it: its own rules and
/// the ids it names that do not exist in `snapshot`.
pub fn problems<E: Entity>(snapshot: &Snapshot, record: &mut E) -> ValidationErrors {
    record.normalise();
    let mut errors = record.validate().err().unwrap_or_default();
    errors.0.extend(references::references(snapshot, record).0);
    errors
}

/// What the change log records as the actor: the user's e-mail address.
fn actor(user: &User) -> &str {
    user.email.as_str()
}

/// Makes every change to the registry, judging scope and references by a
/// snapshot of it (the registry as the caller last saw it).
#[derive(Clone)]
pub struct Writer {
    registry: Registry,
    snapshot: Arc<Snapshot>,
}

impl Writer {
    /// A writer that judges changes by `snapshot`.
    pub fn new(registry: Registry, snapshot: Arc<Snapshot>) -> Self {
        Writer { registry, snapshot }
    }

    /// A writer over a snapshot of the registry taken now.
    pub async fn load(registry: Registry) -> Result<Self, StoreError> {
        let snapshot = Arc::new(registry.snapshot().await?);
        Ok(Writer::new(registry, snapshot))
    }

    /// The snapshot changes are judged by.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// The registry written to.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The stored version of a record, or [`WriteError::NotFound`].
    async fn stored<E: Entity>(&self, id: &str) -> Result<Versioned<E>, WriteError> {
        self.registry
            .get::<E>(id)
            .await?
            .ok_or_else(|| WriteError::NotFound(format!("{}/{id} does not exist", E::COLLECTION)))
    }

    /// Checks and writes one record: permission for its home units (and the
    /// stored version's, and the agreements whose renewal it changes), rules
    /// and references, then the write expecting `expect`; returns the record
    /// read back (timestamps filled in).
    async fn write<E: Entity>(
        &self,
        user: &User,
        mut record: E,
        expect: Expect,
        action: Action,
        stored: Option<&E>,
    ) -> Result<Versioned<E>, WriteError> {
        record.normalise();
        self.require_change(user, action, Some(&record), stored)?;
        let snapshot = self.snapshot();
        problems(snapshot, &mut record)
            .into_result()
            .map_err(WriteError::Invalid)?;
        self.registry.save(&record, expect, actor(user)).await?;
        self.stored(record.id().as_str()).await
    }

    /// Refuses unless `user` may do `action` to a record that is `stored`
    /// and becomes `record` (either absent for a create or a delete): every
    /// home unit of both, and the agreements whose renewal changes.
    fn require_change<E: Entity>(
        &self,
        user: &User,
        action: Action,
        record: Option<&E>,
        stored: Option<&E>,
    ) -> Result<(), WriteError> {
        let snapshot = self.snapshot();
        for version in record.iter().chain(stored.iter()) {
            let homes = scope::home_units(snapshot, *version);
            scope::require_all(user, snapshot, action, &homes)?;
        }
        if E::COLLECTION == Collection::Agreements {
            let record = record.map(scope::Typed::of);
            let stored = stored.map(scope::Typed::of);
            scope::require_renewed(user, snapshot, record.as_ref(), stored.as_ref())?;
        }
        Ok(())
    }

    /// Creates a record (its id must be free: a taken one is
    /// [`WriteError::AlreadyExists`]). To have the id generated from the
    /// title, build the record with [`record_from_json`] or give it [`generate_id`].
    pub async fn create<E: Entity>(
        &self,
        user: &User,
        record: E,
    ) -> Result<Versioned<E>, WriteError> {
        let record = without_exchange(record)?;
        self.write(user, record, Expect::Absent, Action::Create, None)
            .await
    }

    /// Replaces a record that is at revision `expected`.
    pub async fn update<E: Entity>(
        &self,
        user: &User,
        record: E,
        expected: i64,
    ) -> Result<Versioned<E>, WriteError> {
        let current = self.stored::<E>(record.id().as_str()).await?;
        let record = keep_managed_fields(record, Some(&current.record))?;
        let expect = Expect::Revision(expected);
        self.write(user, record, expect, Action::Update, Some(&current.record))
            .await
    }

    /// Deletes a record that is at revision `expected`; one that others still
    /// refer to is refused with [`WriteError::Conflict`] naming them.
    pub async fn delete<E: Entity>(
        &self,
        user: &User,
        id: &str,
        expected: i64,
    ) -> Result<(), WriteError> {
        let current = self.stored::<E>(id).await?;
        self.require_change::<E>(user, Action::Delete, None, Some(&current.record))?;
        let snapshot = self.snapshot();
        if current.revision != expected {
            // The writer's view is stale: say so before judging what it saw.
            return Err(WriteError::Stale {
                collection: E::COLLECTION.to_string(),
                id: id.to_owned(),
                expected,
                actual: current.revision,
            });
        }
        let referrers = references::referrers(snapshot, E::COLLECTION, current.record.id());
        if !referrers.is_empty() {
            return Err(WriteError::Referenced {
                collection: E::COLLECTION.to_string(),
                id: id.to_owned(),
                referrers,
            });
        }
        self.registry
            .delete(E::COLLECTION, id, Expect::Revision(expected), actor(user))
            .await?;
        Ok(())
    }

    /// The document of record `id` at revision `expected` with a JSON merge
    /// patch (RFC 7386) applied, timestamps left out: what a patch asks the
    /// record to become, to be read with [`record_from_json`] and saved with
    /// [`Writer::update`]. A newer stored version is [`WriteError::Stale`].
    pub async fn patched<E: Entity>(
        &self,
        id: &str,
        expected: i64,
        patch: &serde_json::Value,
    ) -> Result<serde_json::Value, WriteError> {
        let stored = self.stored::<E>(id).await?;
        if stored.revision != expected {
            return Err(WriteError::Stale {
                collection: E::COLLECTION.to_string(),
                id: id.to_owned(),
                expected,
                actual: stored.revision,
            });
        }
        let mut doc = serde_json::to_value(&stored.record)?;
        if let Some(map) = doc.as_object_mut() {
            map.remove("created_at");
            map.remove("updated_at");
        }
        merge_patch(&mut doc, patch);
        Ok(doc)
    }

    /// Saves a country's editorial profile (admins only).
    pub async fn save_country(
        &self,
        user: &User,
        profile: CountryProfile,
    ) -> Result<(), WriteError> {
        scope::require_admin(user, "edit country pages")?;
        let mut errors = profile.validate().err().unwrap_or_default();
        errors.extend(references::country_references(self.snapshot(), &profile));
        errors.into_result().map_err(WriteError::Invalid)?;
        self.registry
            .store()
            .apply(vec![Registry::put_country(&profile)], actor(user))
            .await?;
        Ok(())
    }
}

/// Documents change only through [`Writer::attach_document`] and
/// [`Writer::detach_document`], and the EWP exchange only through the EWP
/// writes (`write::ewp`): an update or restore keeps the stored agreement's.
fn keep_managed_fields<E: Entity>(record: E, stored: Option<&E>) -> Result<E, WriteError> {
    let Some(stored) = stored.filter(|_| E::COLLECTION == Collection::Agreements) else {
        return Ok(record);
    };
    let mut doc = serde_json::to_value(record)?;
    let mut stored = serde_json::to_value(stored)?;
    let kept = stored["documents"].take();
    doc["documents"] = if kept.is_null() {
        serde_json::json!([])
    } else {
        kept
    };
    doc["ewp"] = stored["ewp"].take();
    Ok(serde_json::from_value(doc)?)
}

/// A new agreement starts without an EWP exchange, whatever it was sent
/// with (a renewal copies its predecessor's fields): only an EWP import sets one.
fn without_exchange<E: Entity>(record: E) -> Result<E, WriteError> {
    if E::COLLECTION != Collection::Agreements {
        return Ok(record);
    }
    let mut doc = serde_json::to_value(record)?;
    if let Some(map) = doc.as_object_mut() {
        map.remove("ewp");
    }
    Ok(serde_json::from_value(doc)?)
}
