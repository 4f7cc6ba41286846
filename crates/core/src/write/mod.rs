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
//! Who may change a record is decided by its home unit ([`scope::home_unit`]);
//! an update or delete needs permission for the stored version's home unit
//! and for the new one's.

mod change_set;
mod documents;
mod erase;
mod error;
mod import;
pub mod json;
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

    /// Checks and writes one record: permission for its home unit (and the
    /// stored version's), rules and references, then the write expecting
    /// `expect`; returns the record read back (timestamps filled in).
    async fn write<E: Entity>(
        &self,
        user: &User,
        mut record: E,
        expect: Expect,
        action: Action,
        stored: Option<&E>,
    ) -> Result<Versioned<E>, WriteError> {
        let snapshot = self.snapshot();
        record.normalise();
        let home = scope::home_unit(snapshot, &record);
        scope::require(user, snapshot, action, home.as_ref())?;
        if let Some(stored) = stored {
            let home = scope::home_unit(snapshot, stored);
            scope::require(user, snapshot, action, home.as_ref())?;
        }
        problems(snapshot, &mut record)
            .into_result()
            .map_err(WriteError::Invalid)?;
        self.registry.save(&record, expect, actor(user)).await?;
        self.stored(record.id().as_str()).await
    }

    /// Creates a record (its id must be free: a taken one is
    /// [`WriteError::AlreadyExists`]). To have the id generated from the
    /// title, build the record with [`record_from_json`] or give it [`generate_id`].
    pub async fn create<E: Entity>(
        &self,
        user: &User,
        record: E,
    ) -> Result<Versioned<E>, WriteError> {
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
        let record = keep_documents(record, Some(&current.record))?;
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
        let snapshot = self.snapshot();
        let home = scope::home_unit(snapshot, &current.record);
        scope::require(user, snapshot, Action::Delete, home.as_ref())?;
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
            return Err(WriteError::Conflict(format!(
                "{}/{id} is still referred to by {}; change or delete those first",
                E::COLLECTION,
                referrers.join(", ")
            )));
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
        references::country_references(self.snapshot(), &profile)
            .into_result()
            .map_err(WriteError::Invalid)?;
        self.registry
            .store()
            .apply(vec![Registry::put_country(&profile)], actor(user))
            .await?;
        Ok(())
    }
}

/// Documents change only through [`Writer::attach_document`] and
/// [`Writer::detach_document`]: an update or restore keeps the stored agreement's list.
fn keep_documents<E: Entity>(record: E, stored: Option<&E>) -> Result<E, WriteError> {
    let Some(stored) = stored.filter(|_| E::COLLECTION == Collection::Agreements) else {
        return Ok(record);
    };
    let mut doc = serde_json::to_value(record)?;
    let kept = serde_json::to_value(stored)?["documents"].take();
    doc["documents"] = if kept.is_null() {
        serde_json::json!([])
    } else {
        kept
    };
    Ok(serde_json::from_value(doc)?)
}
