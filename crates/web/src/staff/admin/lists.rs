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
use crate::http::paging::{Pages, page_number};
use crate::{AppError, AppState};
use kizuna_core::read::staff_words::StaffWords;
use kizuna_core::read::{Lookup, NumberedPage};

/// Rows on one page of a list.
const ROWS_PER_PAGE: usize = 100;

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
    /// Records of the kind in all.
    total: usize,
    /// The page of those the filter selects.
    pager: Pages,
    /// The record just deleted, for a notice.
    deleted: Option<String>,
}

/// `GET /admin/{collection}?q=&status=&page=`: 100 rows a page, in the
/// reader's order of names (å ä ö after z in Swedish).
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
    let number = page_number(query.get("page").map(String::as_str))?;
    let snapshot = state.snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), false)
        .reading_as(crate::country_names::reader(crate::http::lang::current()));
    let all = E::all(&snapshot);
    let total = all.len();
    let selected: Vec<&E> = StaffWords::new(&q)
        .select(all)
        .into_iter()
        .filter(|r| status.is_none_or(|s| r.row(&lookup).status.as_deref() == Some(s.as_str())))
        .collect();
    let cut = NumberedPage::cut_ranked(selected, lookup.name_rank::<E>(), number, ROWS_PER_PAGE);
    let rows: Vec<ListRow> = cut.items.iter().map(|r| r.row(&lookup)).collect();
    let filters = serde_urlencoded::to_string([
        ("q", Some(q.as_str()).filter(|q| !q.is_empty())),
        ("status", status.map(|s| s.as_str())),
    ])
    .unwrap_or_default();
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
        pager: Pages::of(&cut, &format!("/admin/{c}"), &filters),
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
