//! `/admin/{collection}/new`: the form for a new record and creating it.

use super::{Ctx, FormPage, id_taken, new_record};
use crate::http::auth::StaffPage;
use crate::http::csrf::Csrf;
use crate::staff::admin::PageUser;
use crate::staff::admin::forms::{self, Action};
use crate::staff::admin::records::AdminRecord;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// `GET /admin/{collection}/new`.
pub async fn new_form<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
) -> Result<Response, AppError> {
    let c = E::COLLECTION.as_str();
    let form = forms::from_json(E::FIELDS, &E::blank());
    let ctx = Ctx::new("new", format!("/admin/{c}/new"));
    FormPage::new(&state, &staff, &csrf)
        .show::<E>(ctx, &form)
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
    let form_page = FormPage::new(&state, &staff, &csrf);
    let mut posted = forms::from_pairs(E::FIELDS, &pairs);
    let ctx = Ctx::new("new", format!("/admin/{c}/new"));
    if posted.action != Action::Save {
        return form_page.show::<E>(ctx, &posted.state).await;
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
    form_page
        .refuse::<E>(ctx, &posted.state, &errors, status)
        .await
}
