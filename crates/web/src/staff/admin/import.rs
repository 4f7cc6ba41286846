//! `/admin/import`: a spreadsheet of one collection, uploaded, previewed row
//! by row, then applied as one change set (which an admin can revert in one
//! step). Works without JavaScript: the preview carries the file back in a
//! hidden field, and applying re-reads it and checks that the registry still
//! gives the preview's outcome before anything is written.

use axum::extract::{Form, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use kizuna_domain::{Action, Role};
use kizuna_interop::sheets;
use serde::{Deserialize, Serialize};

use super::{PageUser, page};
use crate::http::auth::Staff;
use crate::http::csrf::Csrf;
use crate::writer::{after_write, writer};
use crate::{AppError, AppState};

mod plan;
mod views;

use plan::{digest, plan_upload};
use views::{DoneView, ImportView, preview, view};

const TEMPLATE: &str = "admin/import.html";
const PATH: &str = "/admin/import";
const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// What "Apply" sends back: the upload as it was, and the preview's digest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resend {
    collection: String,
    file_name: String,
    data: String,
    #[serde(default)]
    mapping: String,
    digest: String,
}

/// Viewers change nothing, so they import nothing.
fn require_writer(staff: &Staff) -> Result<(), AppError> {
    if staff.user.role == Role::Viewer || staff.user.disabled {
        return Err(AppError::Refused {
            status: StatusCode::FORBIDDEN,
            english: format!("a {} may not import records", staff.user.role),
            problem: kizuna_domain::Problem::new("may-not-import").with("role", staff.user.role),
        });
    }
    Ok(())
}

async fn render(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    status: StatusCode,
    view: ImportView,
) -> Result<Response, AppError> {
    let html = page(
        state,
        staff,
        csrf,
        TEMPLATE,
        crate::http::lang::t("admin-import-sheet"),
        PATH,
        view,
    )
    .await?;
    Ok((status, html).into_response())
}

/// `GET /admin/import`: the upload form.
pub async fn form(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
) -> Result<Response, AppError> {
    require_writer(&staff)?;
    render(
        &state,
        &staff,
        &csrf,
        StatusCode::OK,
        view("agreements", &staff),
    )
    .await
}

/// `POST /admin/import` (multipart: collection, file, optional mapping file): the preview.
pub async fn upload(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    require_writer(&staff)?;
    let mut upload = Resend {
        collection: String::new(),
        file_name: String::new(),
        data: String::new(),
        mapping: String::new(),
        digest: String::new(),
    };
    let bad = |e: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(format!("the upload was cut off: {e}"))
    };
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name().unwrap_or_default() {
            "collection" => upload.collection = field.text().await.map_err(bad)?,
            "file" => {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                upload.data = BASE64.encode(field.bytes().await.map_err(bad)?);
            }
            "mapping" => {
                upload.mapping =
                    String::from_utf8_lossy(&field.bytes().await.map_err(bad)?).into_owned()
            }
            _ => {}
        }
    }
    let mut page_view = view(&upload.collection, &staff);
    if upload.data.is_empty() {
        page_view.error = Some(crate::http::lang::t("admin-import-choose-file"));
        return render(
            &state,
            &staff,
            &csrf,
            StatusCode::UNPROCESSABLE_ENTITY,
            page_view,
        )
        .await;
    }
    match plan_upload(state.snapshot().await, &staff, &upload).await? {
        Ok(plan) => {
            let status = if plan.has_errors() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            page_view.preview = Some(preview(&plan, upload));
            render(&state, &staff, &csrf, status, page_view).await
        }
        Err(message) => {
            page_view.error = Some(super::records::tx(
                "admin-import-cannot",
                &[("file", &upload.file_name), ("detail", &message)],
            ));
            render(
                &state,
                &staff,
                &csrf,
                StatusCode::UNPROCESSABLE_ENTITY,
                page_view,
            )
            .await
        }
    }
}

/// `POST /admin/import/apply`: writes the previewed upload as one change set,
/// unless the registry now gives another outcome (then the new preview).
pub async fn apply(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
    Form(upload): Form<Resend>,
) -> Result<Response, AppError> {
    require_writer(&staff)?;
    let mut page_view = view(&upload.collection, &staff);
    // The plan and the write judge by one snapshot: what was checked is what is written.
    let snapshot = state.snapshot().await;
    let writer = kizuna_core::Writer::new(state.registry().clone(), snapshot.clone());
    let plan = match plan_upload(snapshot, &staff, &upload).await? {
        Ok(plan) => plan,
        Err(message) => {
            page_view.error = Some(message);
            return render(
                &state,
                &staff,
                &csrf,
                StatusCode::UNPROCESSABLE_ENTITY,
                page_view,
            )
            .await;
        }
    };
    if digest(&plan) != upload.digest || plan.has_errors() {
        page_view.changed_meanwhile = true;
        page_view.preview = Some(preview(&plan, upload));
        return render(&state, &staff, &csrf, StatusCode::CONFLICT, page_view).await;
    }
    let set = sheets::apply(&writer, &plan, Some(&staff.user), staff.user.email.as_str()).await?;
    after_write(&state).await;
    page_view.done = Some(DoneView {
        created: set.report.created,
        updated: set.report.updated,
        first: set.revisions.map(|r| r.0),
        last: set.revisions.map(|r| r.1),
        reverted: false,
    });
    render(&state, &staff, &csrf, StatusCode::OK, page_view).await
}

/// What "Revert this import" sends.
#[derive(Debug, Deserialize)]
pub struct RevertForm {
    first: i64,
    last: i64,
}

/// `POST /admin/import/revert`: undoes a change set in one step (admins).
pub async fn revert(
    State(state): State<AppState>,
    super::StaffPage(staff): PageUser,
    csrf: Csrf,
    Form(form): Form<RevertForm>,
) -> Result<Response, AppError> {
    let snapshot = state.snapshot().await;
    staff.require(&snapshot, Action::Restore, None)?;
    let report = writer(&state)
        .await
        .revert_change_set(&staff.user, form.first, form.last)
        .await?;
    after_write(&state).await;
    let mut page_view = view("agreements", &staff);
    page_view.done = Some(DoneView {
        created: report.created,
        updated: report.updated + report.deleted,
        first: Some(form.first),
        last: Some(form.last),
        reverted: true,
    });
    render(&state, &staff, &csrf, StatusCode::OK, page_view).await
}
