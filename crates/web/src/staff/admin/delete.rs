//! Deleting a record, after a confirmation page.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use super::edit::{Conflict, current};
use super::forms;
use super::records::AdminRecord;
use super::{PageUser, page};
use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};

/// The delete confirmation page.
#[derive(Debug, Serialize)]
struct DeleteView {
    collection: &'static str,
    id: String,
    title: String,
    revision: i64,
    conflict: Option<Conflict>,
    /// Why the deletion was refused, if it was.
    refused: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn render_delete<E: AdminRecord>(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    record: &E,
    revision: i64,
    conflict: Option<Conflict>,
    refused: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let c = E::COLLECTION.as_str();
    let path = format!("/admin/{c}/{}/delete", record.id());
    let view = DeleteView {
        collection: c,
        id: record.id().to_string(),
        title: record.title().to_owned(),
        revision,
        conflict,
        refused,
    };
    let title =
        super::records::by_collection("admin-delete-page-title", c, &[("title", record.title())]);
    let html = page(state, staff, csrf, "admin/delete.html", title, &path, view).await?;
    Ok((status, html).into_response())
}

/// `GET /admin/{collection}/{id}/delete`: asks to confirm.
pub async fn confirm_delete<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let found = current::<E>(&state, &id).await?;
    render_delete(
        &state,
        &staff,
        &csrf,
        &found.record,
        found.revision,
        None,
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /admin/{collection}/{id}/delete`.
pub async fn delete<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let found = current::<E>(&state, &id).await?;
    let posted = forms::from_pairs(&[], &pairs);
    let c = E::COLLECTION.as_str();
    let deleted = writer(&state)
        .await
        .delete::<E>(&staff.user, &id, posted.revision)
        .await;
    match finish(&state, deleted).await {
        Ok(()) => Ok(Redirect::to(&format!("/admin/{c}?deleted={id}")).into_response()),
        Err(AppError::PreconditionFailed(_)) => {
            let conflict = Conflict {
                current_url: format!("/admin/{c}/{id}"),
                history_url: format!("/admin/{c}/{id}/history"),
                deleted: false,
            };
            render_delete(
                &state,
                &staff,
                &csrf,
                &found.record,
                posted.revision,
                Some(conflict),
                None,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e @ (AppError::Conflict(_) | AppError::Refused { .. }))
            if e.status() == StatusCode::CONFLICT =>
        {
            // Still referred to: said in the reader's language.
            let message = match e {
                AppError::Refused {
                    english, problem, ..
                } => super::problems::refused_text(&problem, &english),
                other => other.to_string(),
            };
            render_delete(
                &state,
                &staff,
                &csrf,
                &found.record,
                posted.revision,
                None,
                Some(message),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(AppError::Invalid(errors)) => {
            let message = errors
                .0
                .iter()
                .map(super::problems::text)
                .collect::<Vec<_>>()
                .join("; ");
            render_delete(
                &state,
                &staff,
                &csrf,
                &found.record,
                posted.revision,
                None,
                Some(message),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e),
    }
}
