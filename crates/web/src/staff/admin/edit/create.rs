//! `/admin/{collection}/new`: the form for a new record and creating it.

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kizuna_domain::ValidationErrors;

use super::{Ctx, id_taken, new_record, render};
use crate::http::auth::StaffPage;
use crate::http::csrf::Csrf;
use crate::staff::admin::PageUser;
use crate::staff::admin::forms::{self, Action};
use crate::staff::admin::records::AdminRecord;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};

/// `GET /admin/{collection}/new`.
pub async fn new_form<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
) -> Result<Response, AppError> {
    let c = E::COLLECTION.as_str();
    let form = forms::from_json(E::FIELDS, &E::blank());
    let ctx = Ctx::new("new", format!("/admin/{c}/new"));
    render::<E>(
        &state,
        &staff,
        &csrf,
        ctx,
        &form,
        &ValidationErrors::default(),
        StatusCode::OK,
        &format!("/admin/{c}/new"),
    )
    .await
}

/// `POST /admin/{collection}/new`.
pub async fn create<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let c = E::COLLECTION.as_str();
    let path = format!("/admin/{c}/new");
    let mut posted = forms::from_pairs(E::FIELDS, &pairs);
    let ctx = Ctx::new("new", path.clone());
    let none = ValidationErrors::default();
    if posted.action != Action::Save {
        return render::<E>(
            &state,
            &staff,
            &csrf,
            ctx,
            &posted.state,
            &none,
            StatusCode::OK,
            &path,
        )
        .await;
    }
    posted.state.compact(E::FIELDS);
    let snapshot = state.snapshot().await;
    let result = match new_record::<E>(&snapshot, &mut posted.state) {
        Ok(record) => {
            let saved = writer(&state).await.create(&staff.user, record).await;
            finish(&state, saved)
                .await
                .map(|v| v.record.id().to_string())
        }
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    let (errors, status) = match result {
        Ok(id) => return Ok(Redirect::to(&format!("/admin/{c}/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict(message)) => (id_taken(&message), StatusCode::CONFLICT),
        Err(e) => return Err(e),
    };
    render::<E>(
        &state,
        &staff,
        &csrf,
        ctx,
        &posted.state,
        &errors,
        status,
        &path,
    )
    .await
}
