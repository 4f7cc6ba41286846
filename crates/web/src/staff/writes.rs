//! The one path every change takes, from forms and from the JSON API alike:
//! permission, validation, references, optimistic concurrency, audit.
//!
//! Every function checks that `staff` may make the change, normalises and
//! validates the record (all field errors at once, as `AppError::Invalid`),
//! checks that the ids it refers to exist, writes it expecting `expected`
//! (the revision the writer saw; a newer one is `AppError::PreconditionFailed`),
//! and refreshes the state so the change is visible and searchable at once.
//! The change log records who (the user's e-mail), when and the before/after.
//!
//! Who may change a record is decided by its home unit (see
//! [`checks::home_unit`]); an update or delete needs permission for the stored
//! version's home unit and for the new one's.

pub mod checks;
mod documents;
mod erase;
pub mod json;

use kizuna_core::{Expect, Registry, Snapshot, Versioned};
use kizuna_domain::{
    Action, Agreement, Collection, CountryProfile, Entity, Role, Slug, ValidationErrors,
};

pub use documents::{NewFile, attach_document, detach_document};
pub use erase::{Erasure, erase_contact};
pub use json::{generate_id, merge_patch, record_from_json};

use self::checks::Typed;
use super::auth::Staff;
use crate::{AppError, AppState};

/// What the change log records as the actor: the user's e-mail address.
fn actor(staff: &Staff) -> &str {
    staff.user.email.as_str()
}

/// Refuses unless the user is an admin.
fn require_admin(staff: &Staff, what: &str) -> Result<(), AppError> {
    if staff.user.role == Role::Admin && !staff.user.disabled {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "only an admin may {what}; a {} may not",
            staff.user.role
        )))
    }
}

/// The home unit of a record, as the permission rule sees it.
fn home_of<E: Entity>(snapshot: &Snapshot, record: &E) -> Option<Slug> {
    checks::home_unit(snapshot, &Typed::of(record))
}

/// Normalises `record` and lists everything wrong with it: its own rules and
/// the ids it names that do not exist.
pub fn problems<E: Entity>(snapshot: &Snapshot, record: &mut E) -> ValidationErrors {
    record.normalise();
    let mut errors = record.validate().err().unwrap_or_default();
    errors
        .0
        .extend(checks::references(snapshot, &Typed::of(record)).0);
    errors
}

/// Reads a record back from storage after a write (timestamps filled in).
async fn read_back<E: Entity>(state: &AppState, id: &str) -> Result<Versioned<E>, AppError> {
    state
        .registry()
        .get::<E>(id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("{}/{id} does not exist", E::COLLECTION)))
}

/// Brings the snapshot and search index up to the write just made; a failure
/// is logged, not reported (the write itself succeeded, and the follower retries).
async fn after_write(state: &AppState) {
    if let Err(e) = state.refresh().await {
        tracing::warn!(error = %e, "could not refresh after a write");
    }
}

/// Checks and writes one record: permission for its home unit (and the stored
/// version's), rules and references, then the write expecting `expect`.
async fn write<E: Entity>(
    state: &AppState,
    staff: &Staff,
    mut record: E,
    expect: Expect,
    action: Action,
    stored: Option<&E>,
) -> Result<Versioned<E>, AppError> {
    let snapshot = state.snapshot().await;
    record.normalise();
    staff.require(&snapshot, action, home_of(&snapshot, &record).as_ref())?;
    if let Some(stored) = stored {
        staff.require(&snapshot, action, home_of(&snapshot, stored).as_ref())?;
    }
    problems(&snapshot, &mut record)
        .into_result()
        .map_err(AppError::Invalid)?;
    state.registry().save(&record, expect, actor(staff)).await?;
    after_write(state).await;
    read_back(state, record.id().as_str()).await
}

/// The stored version of a record, or 404.
async fn stored<E: Entity>(state: &AppState, id: &str) -> Result<Versioned<E>, AppError> {
    read_back(state, id).await
}

/// Documents change only through [`attach_document`] and [`detach_document`]:
/// an update or restore keeps the stored agreement's list.
fn keep_documents<E: Entity>(record: E, stored: Option<&E>) -> Result<E, AppError> {
    let Some(stored) = stored.filter(|_| E::COLLECTION == Collection::Agreements) else {
        return Ok(record);
    };
    let internal = |e: serde_json::Error| AppError::Internal(e.to_string());
    let mut doc = serde_json::to_value(record).map_err(internal)?;
    let kept = serde_json::to_value(stored).map_err(internal)?["documents"].take();
    doc["documents"] = if kept.is_null() {
        serde_json::json!([])
    } else {
        kept
    };
    serde_json::from_value(doc).map_err(internal)
}

/// Creates a record (its id must be free: a taken one is `AppError::Conflict`).
/// To have the id generated from the title, build the record with
/// [`record_from_json`] or give it [`generate_id`].
pub async fn create<E: Entity>(
    state: &AppState,
    staff: &Staff,
    record: E,
) -> Result<Versioned<E>, AppError> {
    write(state, staff, record, Expect::Absent, Action::Create, None).await
}

/// Replaces a record that is at revision `expected`.
pub async fn update<E: Entity>(
    state: &AppState,
    staff: &Staff,
    record: E,
    expected: i64,
) -> Result<Versioned<E>, AppError> {
    let current = stored::<E>(state, record.id().as_str()).await?;
    let record = keep_documents(record, Some(&current.record))?;
    let expect = Expect::Revision(expected);
    write(
        state,
        staff,
        record,
        expect,
        Action::Update,
        Some(&current.record),
    )
    .await
}

/// Deletes a record that is at revision `expected`; one that others still
/// refer to is refused with `AppError::Conflict` naming them.
pub async fn delete<E: Entity>(
    state: &AppState,
    staff: &Staff,
    id: &str,
    expected: i64,
) -> Result<(), AppError> {
    let current = stored::<E>(state, id).await?;
    let snapshot = state.snapshot().await;
    let home = home_of(&snapshot, &current.record);
    staff.require(&snapshot, Action::Delete, home.as_ref())?;
    if current.revision != expected {
        // The writer's view is stale: say so before judging what it saw.
        return Err(kizuna_core::StoreError::Stale {
            collection: E::COLLECTION.to_string(),
            id: id.to_owned(),
            expected,
            actual: current.revision,
        }
        .into());
    }
    let referrers = checks::referrers(&snapshot, E::COLLECTION, current.record.id());
    if !referrers.is_empty() {
        return Err(AppError::Conflict(format!(
            "{}/{id} is still referred to by {}; change or delete those first",
            E::COLLECTION,
            referrers.join(", ")
        )));
    }
    state
        .registry()
        .delete(E::COLLECTION, id, Expect::Revision(expected), actor(staff))
        .await?;
    after_write(state).await;
    Ok(())
}

/// Puts back the version a record had at revision `to_revision` (admins only; itself audited).
///
/// `expected` is the record's current revision or, for a deleted record, the
/// revision of its deletion (the last entry of its history).
pub async fn restore<E: Entity>(
    state: &AppState,
    staff: &Staff,
    id: &str,
    to_revision: i64,
    expected: i64,
) -> Result<Versioned<E>, AppError> {
    let snapshot = state.snapshot().await;
    staff.require(&snapshot, Action::Restore, None)?;
    let collection = E::COLLECTION;
    let history = state
        .registry()
        .store()
        .history(collection.into(), id)
        .await?;
    let entry = history
        .iter()
        .find(|e| e.revision == to_revision)
        .ok_or_else(|| {
            AppError::NotFound(format!("{collection}/{id} has no change {to_revision}"))
        })?;
    let doc = entry.after.clone().ok_or_else(|| {
        AppError::Conflict(format!(
            "change {to_revision} deleted {collection}/{id}; restore an earlier one"
        ))
    })?;
    if doc == kizuna_core::erased_marker() {
        return Err(AppError::Conflict(format!(
            "{collection}/{id} was erased; its earlier versions are gone"
        )));
    }
    let record: E = serde_json::from_value(doc).map_err(|e| {
        AppError::Conflict(format!(
            "change {to_revision} of {collection}/{id} no longer fits the record's shape: {e}"
        ))
    })?;
    let current = state.registry().get::<E>(id).await?;
    let expect = match &current {
        Some(_) => Expect::Revision(expected),
        None => {
            let deleted_at = history.last().map(|e| e.revision).unwrap_or_default();
            if expected != deleted_at {
                return Err(AppError::PreconditionFailed(format!(
                    "{collection}/{id} was deleted at revision {deleted_at}, not {expected}; reload its history"
                )));
            }
            Expect::Absent
        }
    };
    let current = current.map(|c| c.record);
    let record = keep_documents(record, current.as_ref())?;
    write(
        state,
        staff,
        record,
        expect,
        Action::Restore,
        current.as_ref(),
    )
    .await
}

/// Creates the successor of agreement `id`: `successor.renews` is set to `id`.
pub async fn renew(
    state: &AppState,
    staff: &Staff,
    id: &str,
    mut successor: Agreement,
) -> Result<Versioned<Agreement>, AppError> {
    let predecessor = stored::<Agreement>(state, id).await?;
    successor.renews = Some(predecessor.record.id);
    create(state, staff, successor).await
}

/// Saves a country's editorial profile (admins only).
pub async fn save_country(
    state: &AppState,
    staff: &Staff,
    profile: CountryProfile,
) -> Result<(), AppError> {
    require_admin(staff, "edit country pages")?;
    let snapshot = state.snapshot().await;
    checks::country_references(&snapshot, &profile)
        .into_result()
        .map_err(AppError::Invalid)?;
    state
        .registry()
        .store()
        .apply(vec![Registry::put_country(&profile)], actor(staff))
        .await?;
    after_write(state).await;
    Ok(())
}
