//! Erasmus Without Paper in the back office: reading a partner's file
//! (upload, then a preview of what it says and would change, then a confirm
//! button; nothing is written before), approving the partner's copy of an
//! agreement, and the exchange panel of each agreement's page.
//!
//! Every page works without script: the upload is a multipart form, and the
//! preview carries the file on to the confirm form in a hidden field with the
//! registry revision it was judged by; when the registry has changed since,
//! the preview is shown again instead of writing.

mod views;

use axum::Router;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use kizuna_core::Snapshot;
use kizuna_core::write::Actor;
use kizuna_interop::ewp::{self, ImportPlan};
use serde::{Deserialize, Serialize};

use super::records::AdminRecord;
use super::{PageUser, page};
use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};
pub(crate) use views::EwpPanel;
pub use views::{EwpSummary, summary};

/// The import page.
const IMPORT: &str = "/admin/ewp/import";

/// Routes of the EWP pages.
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(IMPORT, get(upload_form).post(preview))
        .route("/admin/ewp/import/confirm", post(confirm))
        .route("/admin/agreements/{id}/ewp/approve", post(approve))
}

/// The exchange panel of a record's page: for agreements that have been
/// exchanged or can be IIAs (most of a registry's agreements never are).
pub(crate) fn panel_of<E: AdminRecord>(snapshot: &Snapshot, record: &E) -> Option<EwpPanel> {
    record
        .as_agreement()
        .and_then(|a| views::panel(snapshot, a))
}

/// The import page's view.
#[derive(Debug, Default, Serialize)]
struct ImportView {
    /// `upload` or `preview`.
    mode: &'static str,
    /// A get response (copies) or an approval response.
    approvals: bool,
    copies: Vec<views::CopyView>,
    approval_entries: Vec<views::ApprovalView>,
    /// Why the file cannot be recorded.
    errors: Vec<String>,
    /// What the confirm form sends back.
    xml: String,
    revision: i64,
    /// Above the page: what was recorded, or why the preview is shown again.
    notice: Option<String>,
    /// Agreements just recorded, with links.
    recorded: Vec<String>,
    /// A file that could not be read at all.
    file_error: Option<String>,
}

async fn render(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    view: ImportView,
    status: StatusCode,
) -> Result<Response, AppError> {
    let title = crate::http::lang::t(match view.mode {
        "preview" => "admin-ewp-title-preview",
        _ => "admin-ewp-title-upload",
    });
    let html = page(
        state,
        staff,
        csrf,
        "admin/ewp_import.html",
        title,
        IMPORT,
        view,
    )
    .await?;
    Ok((status, html).into_response())
}

/// What the import page is asked after a redirect.
#[derive(Debug, Deserialize)]
struct Recorded {
    /// Comma-separated ids of the agreements just recorded.
    recorded: Option<String>,
}

/// `GET /admin/ewp/import`: the upload form (and what was just recorded).
async fn upload_form(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Query(query): Query<Recorded>,
) -> Result<Response, AppError> {
    let recorded: Vec<String> = query
        .recorded
        .iter()
        .flat_map(|r| r.split(','))
        .filter(|id| id.parse::<kizuna_domain::Slug>().is_ok())
        .map(str::to_owned)
        .collect();
    let view = ImportView {
        mode: "upload",
        notice: query
            .recorded
            .map(|_| crate::http::lang::t("admin-ewp-recorded")),
        recorded,
        ..ImportView::default()
    };
    render(&state, &staff, &csrf, view, StatusCode::OK).await
}

/// The preview of `xml` as the registry is now.
fn preview_view(snapshot: &Snapshot, xml: String) -> ImportView {
    let mut view = ImportView {
        mode: "preview",
        revision: snapshot.revision,
        ..ImportView::default()
    };
    match ewp::import::plan(snapshot, &xml, Utc::now()) {
        Ok(plan) => {
            view.errors = plan.errors();
            match &plan {
                ImportPlan::Copies(entries) => {
                    view.copies = entries
                        .iter()
                        .enumerate()
                        .map(|(i, e)| views::copy_view(i + 1, e))
                        .collect();
                }
                ImportPlan::Approvals(entries) => {
                    view.approvals = true;
                    view.approval_entries = entries
                        .iter()
                        .enumerate()
                        .map(|(i, e)| views::approval_view(i + 1, e))
                        .collect();
                }
            }
            view.xml = xml;
        }
        Err(e) => {
            view.mode = "upload";
            view.file_error = Some(super::problems::import_text(&e.message()));
        }
    }
    view
}

/// `POST /admin/ewp/import` (multipart, field `file`): the preview; nothing is written.
async fn preview(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    mut form: Multipart,
) -> Result<Response, AppError> {
    let mut file = None;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(format!("the upload was cut off: {e}")))?
    {
        if field.name() == Some("file") {
            let bytes = field
                .bytes()
                .await
                .map_err(|e| AppError::BadRequest(format!("the upload was cut off: {e}")))?;
            file = Some(bytes);
        }
    }
    let text = match file.filter(|b| !b.is_empty()) {
        None => Err(crate::http::lang::t("admin-ewp-choose-file")),
        Some(bytes) => String::from_utf8(bytes.to_vec())
            .map_err(|_| crate::http::lang::t("admin-ewp-not-utf8")),
    };
    let view = match text {
        Ok(xml) => preview_view(&*state.snapshot().await, xml),
        Err(message) => ImportView {
            mode: "upload",
            file_error: Some(message),
            ..ImportView::default()
        },
    };
    let status = if view.file_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(&state, &staff, &csrf, view, status).await
}

/// What the confirm form sends.
#[derive(Debug, Deserialize)]
struct ConfirmForm {
    xml: String,
    revision: i64,
}

/// `POST /admin/ewp/import/confirm`: records the file previewed, unless the
/// registry changed since the preview (then the new preview is shown).
async fn confirm(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    let writer = writer(&state).await;
    let snapshot = writer.snapshot();
    if snapshot.revision != form.revision {
        let mut view = preview_view(snapshot, form.xml);
        view.notice = Some(crate::http::lang::t("admin-ewp-changed-meanwhile"));
        return render(&state, &staff, &csrf, view, StatusCode::CONFLICT).await;
    }
    let plan = ewp::import::plan(snapshot, &form.xml, Utc::now())
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    if !plan.errors().is_empty() {
        let view = preview_view(snapshot, form.xml);
        return render(
            &state,
            &staff,
            &csrf,
            view,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let ids: Vec<String> = plan
        .writes()
        .iter()
        .map(|w| match w {
            kizuna_core::write::PartnerFileWrite::Copy { agreement, .. }
            | kizuna_core::write::PartnerFileWrite::Approval { agreement, .. } => {
                agreement.to_string()
            }
            kizuna_core::write::PartnerFileWrite::Draft(draft) => draft.id.to_string(),
        })
        .collect();
    let result = ewp::import::apply(&writer, Actor::Staff(&staff.user), &plan).await;
    finish(&state, result).await?;
    Ok(Redirect::to(&format!("{IMPORT}?recorded={}", ids.join(","))).into_response())
}

/// What the approve button sends.
#[derive(Debug, Deserialize)]
struct ApproveForm {
    revision: i64,
}

/// `POST /admin/agreements/{id}/ewp/approve`: approves the partner's current
/// copy; a refusal is an error page that says why.
async fn approve(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    Path(id): Path<String>,
    Form(form): Form<ApproveForm>,
) -> Result<Response, AppError> {
    let writer = writer(&state).await;
    let agreement = writer
        .snapshot()
        .agreements
        .iter()
        .find(|a| a.id.as_str() == id)
        .ok_or_else(|| super::records::not_found("agreements", &id))?;
    let status = ewp::status_of(writer.snapshot(), agreement);
    let approved = writer
        .approve_partner_copy(
            Actor::Staff(&staff.user),
            &id,
            status.facts(),
            Some(form.revision),
        )
        .await;
    finish(&state, approved).await?;
    Ok(Redirect::to(&format!("/admin/agreements/{id}?approved=1")).into_response())
}
