//! Records made from forms: every problem at once (names typed into
//! pickers that fit no record, an id that cannot be made from the name,
//! missing and invalid fields), and ids made from names.

use kizuna_domain::{Slug, ValidationErrors};
use serde_json::json;

use super::forms::{self, FormState};
use super::pickers;
use super::records::AdminRecord;

/// An id made from `name` that no record of the kind has yet.
pub(crate) fn fresh_id<E: AdminRecord>(
    snapshot: &kizuna_core::Snapshot,
    name: &str,
) -> Option<String> {
    let base = Slug::from_name(name)?.to_string();
    let taken = |id: &str| E::all(snapshot).iter().any(|r| r.id().as_str() == id);
    std::iter::once(base.clone())
        .chain((2..100).map(|n| format!("{base}-{n}")))
        .find(|id| !taken(id))
}

/// Fills in an empty id from the name; false when no id can be made.
pub(super) fn ensure_id<E: AdminRecord>(
    snapshot: &kizuna_core::Snapshot,
    form: &mut FormState,
) -> bool {
    if !form.value("id").trim().is_empty() {
        return true;
    }
    match fresh_id::<E>(snapshot, &E::typed_name(form)) {
        Some(id) => {
            form.set("id", id);
            true
        }
        None => false,
    }
}

pub(super) fn id_error(message: impl Into<String>) -> ValidationErrors {
    let mut errors = ValidationErrors::default();
    errors.add("id", message);
    errors
}

/// The id error when the store says a new record's id is taken
/// (`organisations/x already exists`).
pub(super) fn id_taken(message: &str) -> ValidationErrors {
    let id = message
        .split_once(" already exists")
        .map(|(path, _)| path.rsplit('/').next().unwrap_or(path))
        .unwrap_or(message);
    id_error(super::records::tx("admin-id-taken", &[("id", id)]))
}

/// What is said when no id can be made from a name (in another script, say).
pub(super) fn no_id(name: &str) -> String {
    super::records::tx("admin-no-id", &[("name", name.trim())])
}

/// `first`, then those of `then` about other fields.
pub(super) fn merged(first: ValidationErrors, then: ValidationErrors) -> ValidationErrors {
    let mut all = first;
    let more: Vec<_> = then
        .0
        .into_iter()
        .filter(|e| !all.0.iter().any(|x| x.field == e.field))
        .collect();
    all.0.extend(more);
    all
}

/// The record a new-record form makes, or every problem with it at once:
/// names typed into pickers that fit no record (or several), an id that
/// cannot be made from the name, missing and invalid fields.
pub(super) fn new_record<E: AdminRecord>(
    snapshot: &kizuna_core::Snapshot,
    form: &mut FormState,
) -> Result<E, ValidationErrors> {
    let mut errors = pickers::resolve(snapshot, E::FIELDS, form);
    let name = E::typed_name(form);
    if !ensure_id::<E>(snapshot, form) && !name.trim().is_empty() {
        errors.add("id", no_id(&name));
    }
    match forms::to_record::<E>(snapshot, E::FIELDS, form, json!({})) {
        Ok(record) if errors.0.is_empty() => Ok(record),
        Ok(_) => Err(errors),
        Err(more) => Err(merged(errors, more)),
    }
}

/// A stored record changed by its form, or every problem with it at once.
pub(super) fn changed_record<E: AdminRecord>(
    snapshot: &kizuna_core::Snapshot,
    form: &mut FormState,
    base: serde_json::Value,
) -> Result<E, ValidationErrors> {
    let errors = pickers::resolve(snapshot, E::FIELDS, form);
    match forms::to_record::<E>(snapshot, E::FIELDS, form, base) {
        Ok(record) if errors.0.is_empty() => Ok(record),
        Ok(_) => Err(errors),
        Err(more) => Err(merged(errors, more)),
    }
}
