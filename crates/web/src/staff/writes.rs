//! The one path every change takes, from forms and from the JSON API alike:
//! permission, validation, references, optimistic concurrency, audit.
//!
//! Every function checks that `staff` may make the change, normalises and
//! validates the record (all field errors at once, as `AppError::Invalid`),
//! checks that the ids it refers to exist, writes it expecting `expected`
//! (the revision the writer saw; a newer one is `AppError::PreconditionFailed`),
//! and refreshes the state so the change is visible and searchable at once.
//! The change log records who, when and the before/after.

use kizuna_domain::{Agreement, CountryProfile, Entity};
use kizuna_storage::Versioned;

use super::auth::Staff;
use crate::{AppError, AppState};

fn not_yet() -> AppError {
    AppError::Internal("writes are not wired yet".to_owned())
}

/// Creates a record; an empty id is generated from its title.
pub async fn create<E: Entity>(
    _state: &AppState,
    _staff: &Staff,
    _record: E,
) -> Result<Versioned<E>, AppError> {
    Err(not_yet())
}

/// Replaces a record that is at revision `expected`.
pub async fn update<E: Entity>(
    _state: &AppState,
    _staff: &Staff,
    _record: E,
    _expected: i64,
) -> Result<Versioned<E>, AppError> {
    Err(not_yet())
}

/// Deletes a record that is at revision `expected`.
pub async fn delete<E: Entity>(
    _state: &AppState,
    _staff: &Staff,
    _id: &str,
    _expected: i64,
) -> Result<(), AppError> {
    Err(not_yet())
}

/// Puts back the version a record had at revision `to_revision` (admins only; itself audited).
pub async fn restore<E: Entity>(
    _state: &AppState,
    _staff: &Staff,
    _id: &str,
    _to_revision: i64,
    _expected: i64,
) -> Result<Versioned<E>, AppError> {
    Err(not_yet())
}

/// Creates the successor of agreement `id`: `successor.renews` is set to `id`.
pub async fn renew(
    _state: &AppState,
    _staff: &Staff,
    _id: &str,
    _successor: Agreement,
) -> Result<Versioned<Agreement>, AppError> {
    Err(not_yet())
}

/// Saves a country's editorial profile (admins only).
pub async fn save_country(
    _state: &AppState,
    _staff: &Staff,
    _profile: CountryProfile,
) -> Result<(), AppError> {
    Err(not_yet())
}
