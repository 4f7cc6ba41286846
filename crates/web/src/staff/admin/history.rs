//! A record's history: every change with who, when and what changed, and
//! (for admins) restoring an earlier version.

use std::collections::BTreeSet;

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kizuna_domain::Role;
use serde::Serialize;
use serde_json::Value;

use super::edit::Conflict;
use super::records::AdminRecord;
use super::schema::Field;
use super::{PageUser, page};
use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};

/// One field that a change touched.
#[derive(Debug, Serialize)]
struct FieldChange {
    /// The field's label.
    field: String,
    /// Before, as text ("" when it had no value).
    before: String,
    /// After, as text.
    after: String,
}

/// One change.
#[derive(Debug, Serialize)]
struct EntryView {
    revision: i64,
    /// `YYYY-MM-DD HH:MM UTC`.
    at: String,
    /// RFC 3339, for `<time datetime>`.
    at_iso: String,
    actor: String,
    /// `create`, `update`, `delete` (or whatever the log says, e.g. `restore`).
    action: String,
    changes: Vec<FieldChange>,
    /// This is the version the record has now.
    current: bool,
    /// An admin may put this version back.
    restorable: bool,
}

/// The history page.
#[derive(Debug, Serialize)]
struct HistoryView {
    collection: &'static str,
    id: String,
    title: String,
    /// Whether the record exists now (it may have been deleted).
    exists: bool,
    /// The revision of its last change.
    current_revision: i64,
    /// Newest first.
    entries: Vec<EntryView>,
    conflict: Option<Conflict>,
}

/// A JSON value as a person reads it.
fn show(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => crate::http::lang::t(if *b { "admin-yes" } else { "admin-no" }),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let sep = if items.iter().all(|i| !i.is_object()) {
                ", "
            } else {
                "; "
            };
            items.iter().map(show).collect::<Vec<_>>().join(sep)
        }
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
            .map(|(k, v)| format!("{}: {}", k.replace('_', " "), show(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn key_label(fields: &[Field], key: &str) -> String {
    fields
        .iter()
        .find(|f| f.path == key)
        .map(|f| f.label_text())
        .unwrap_or_else(|| super::words::word(key))
}

/// The top-level fields that differ between two versions, in form order.
fn diff(fields: &[Field], before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = b
        .keys()
        .chain(a.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let order = |k: &String| {
        fields
            .iter()
            .position(|f| f.path == k || f.path.split('.').next() == Some(k.as_str()))
            .unwrap_or(usize::MAX)
    };
    keys.sort_by_key(|k| order(k));
    keys.into_iter()
        .filter(|k| !matches!(k.as_str(), "created_at" | "updated_at"))
        .filter_map(|k| {
            let (x, y) = (
                b.get(k).unwrap_or(&Value::Null),
                a.get(k).unwrap_or(&Value::Null),
            );
            let (x, y) = (show(x), show(y));
            (x != y).then(|| FieldChange {
                field: key_label(fields, k),
                before: x,
                after: y,
            })
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn render<E: AdminRecord>(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    id: &str,
    conflict: Option<Conflict>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let c = E::COLLECTION.as_str();
    let log = state
        .registry()
        .store()
        .history(E::COLLECTION.into(), id)
        .await?;
    let found = state.registry().get::<E>(id).await?;
    let Some(last) = log.last() else {
        return Err(super::records::not_found(c, id));
    };
    let current_revision = found.as_ref().map(|f| f.revision).unwrap_or(last.revision);
    let known = log
        .iter()
        .rev()
        .find_map(|e| e.after.clone().or_else(|| e.before.clone()));
    let title = found
        .as_ref()
        .map(|f| f.record.title().to_owned())
        .or_else(|| {
            known
                .and_then(|doc| serde_json::from_value::<E>(doc).ok())
                .map(|r| r.title().to_owned())
        })
        .unwrap_or_else(|| id.to_owned());
    let admin = staff.user.role == Role::Admin;
    let entries = log
        .iter()
        .rev()
        .map(|e| {
            let current = found.is_some() && e.revision == current_revision;
            EntryView {
                revision: e.revision,
                at: super::words::when(e.at),
                at_iso: e.at.to_rfc3339(),
                actor: e.actor.clone(),
                action: e.action.to_string(),
                changes: diff(E::FIELDS, e.before.as_ref(), e.after.as_ref()),
                current,
                restorable: admin && !current && e.after.is_some(),
            }
        })
        .collect();
    let view = HistoryView {
        collection: c,
        id: id.to_owned(),
        title: title.clone(),
        exists: found.is_some(),
        current_revision,
        entries,
        conflict,
    };
    let path = format!("/admin/{c}/{id}/history");
    let html = page(
        state,
        staff,
        csrf,
        "admin/history.html",
        super::records::tx("admin-history-title", &[("title", &title)]),
        &path,
        view,
    )
    .await?;
    Ok((status, html).into_response())
}

/// `GET /admin/{collection}/{id}/history`.
pub async fn history_page<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    render::<E>(&state, &staff, &csrf, &id, None, StatusCode::OK).await
}

/// What the restore button sends.
#[derive(Debug, serde::Deserialize)]
pub struct RestoreForm {
    /// The version to put back.
    to_revision: i64,
    /// The version the page showed as current.
    revision: i64,
}

/// `POST /admin/{collection}/{id}/restore` (admins).
pub async fn restore<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
    Form(form): Form<RestoreForm>,
) -> Result<Response, AppError> {
    let c = E::COLLECTION.as_str();
    let restored = writer(&state)
        .await
        .restore::<E>(&staff.user, &id, form.to_revision, form.revision)
        .await;
    match finish(&state, restored).await {
        Ok(_) => Ok(
            Redirect::to(&format!("/admin/{c}/{id}?restored={}", form.to_revision)).into_response(),
        ),
        Err(AppError::PreconditionFailed(_)) => {
            let conflict = Conflict {
                current_url: format!("/admin/{c}/{id}"),
                history_url: format!("/admin/{c}/{id}/history"),
                deleted: false,
            };
            render::<E>(
                &state,
                &staff,
                &csrf,
                &id,
                Some(conflict),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::schema::AGREEMENT;
    use super::*;

    #[test]
    fn a_diff_names_the_changed_fields() {
        let before = json!({"title": "A", "parties": [{"organisation": "ki", "unit": null, "role": "partner"}], "updated_at": "x"});
        let after = json!({"title": "B", "parties": [{"organisation": "ki", "unit": null, "role": "partner"}], "notes": "n", "updated_at": "y"});
        let changes = diff(AGREEMENT, Some(&before), Some(&after));
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["Title", "Notes"]);
        assert_eq!(
            (changes[0].before.as_str(), changes[0].after.as_str()),
            ("A", "B")
        );
        assert_eq!(show(&before["parties"]), "organisation: ki, role: partner");
    }
}
