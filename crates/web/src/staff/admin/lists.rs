//! The lists of every record of a kind, internal ones included, with a filter.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use kizuna_domain::{AgreementStatus, Collection};
use serde::Serialize;

use super::records::{AdminRecord, ListRow};
use super::view::OptionView;
use super::{PageUser, page};
use crate::http::auth::StaffPage;
use crate::http::csrf::Csrf;
use crate::{AppError, AppState};
use kizuna_core::read::Lookup;

/// A list page.
#[derive(Debug, Serialize)]
struct ListView {
    collection: &'static str,
    singular: &'static str,
    plural: String,
    q: String,
    /// For agreements: the status filter's choices.
    statuses: Vec<OptionView>,
    rows: Vec<ListRow>,
    total: usize,
    /// The record just deleted, for a notice.
    deleted: Option<String>,
}

/// `GET /admin/{collection}?q=&status=`.
pub async fn list<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let q = query
        .get("q")
        .map(|q| q.trim().to_owned())
        .unwrap_or_default();
    let status = query
        .get("status")
        .map(String::as_str)
        .filter(|s| !s.is_empty());
    let status: Option<AgreementStatus> = status
        .map(|s| {
            s.parse().map_err(|e: kizuna_domain::enums::UnknownValue| {
                AppError::BadRequest(e.to_string())
            })
        })
        .transpose()?;
    let snapshot = state.snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), false);
    let all = E::all(&snapshot);
    let total = all.len();
    let words: Vec<String> = q
        .to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let rows: Vec<ListRow> = all
        .into_iter()
        .filter(|r| {
            let json = serde_json::to_string(*r).unwrap_or_default().to_lowercase();
            words.iter().all(|w| {
                r.id().as_str().contains(w.as_str())
                    || r.title().to_lowercase().contains(w.as_str())
                    || json.contains(w.as_str())
            })
        })
        .map(|r| r.row(&lookup))
        .filter(|row| status.is_none_or(|s| row.status.as_deref() == Some(s.as_str())))
        .collect();
    let statuses = if E::COLLECTION == Collection::Agreements {
        std::iter::once(OptionView {
            value: String::new(),
            label: crate::http::lang::t("admin-list-any-status"),
            selected: status.is_none(),
        })
        .chain(AgreementStatus::ALL.iter().map(|s| OptionView {
            value: s.as_str().to_owned(),
            label: super::words::word(s.as_str()),
            selected: Some(*s) == status,
        }))
        .collect()
    } else {
        Vec::new()
    };
    let c = E::COLLECTION.as_str();
    let view = ListView {
        collection: c,
        singular: E::SINGULAR,
        plural: super::records::by_collection("admin-records", c, &[]),
        q,
        statuses,
        rows,
        total,
        deleted: query.get("deleted").cloned(),
    };
    let html = page(
        &state,
        &staff,
        &csrf,
        "admin/list.html",
        super::records::by_collection("admin-records", c, &[]),
        &format!("/admin/{c}"),
        view,
    )
    .await?;
    Ok(html.into_response())
}
