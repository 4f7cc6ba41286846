//! A new organisation or unit made from inside another form (the agreement
//! and programme forms' "New organisation" dialog): the organisation form's
//! fields, read the same way, answered as JSON so the script can select
//! the new record in the picker that asked for it.

use axum::extract::{Form, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kizuna_domain::{Organisation, ValidationErrors};
use serde::Serialize;
use serde_json::json;

use super::forms;
use super::making::{id_taken, new_record};
use super::records::AdminRecord;
use crate::error::Problem;
use crate::http::auth::Staff;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};

/// The choices of the "New organisation" dialog.
#[derive(Debug, Serialize)]
pub(super) struct NewOrgView {
    kinds: Vec<(String, String)>,
    countries: Vec<(String, String)>,
}

impl NewOrgView {
    /// The dialog's choices, for the forms that have it.
    pub(super) fn for_collection(c: kizuna_domain::Collection) -> Option<NewOrgView> {
        use kizuna_domain::Collection::{Agreements, Programmes};
        matches!(c, Agreements | Programmes).then(|| NewOrgView {
            kinds: super::schema::organisation_kinds(),
            countries: super::schema::countries(),
        })
    }
}

/// A problem document of field errors, as JSON (not the HTML error page).
fn invalid(status: StatusCode, errors: ValidationErrors) -> Response {
    let body = Problem {
        kind: "/problems/invalid-record".to_owned(),
        title: "Invalid record".to_owned(),
        status: status.as_u16(),
        detail: "the organisation was not created: see the errors".to_owned(),
        errors: super::problems::worded(&errors).0,
        said: None,
    };
    let mut response = (status, axum::Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

/// `POST /admin/inline/organisations`: creates an organisation from the
/// organisation form's fields (session and CSRF token as for every form);
/// answers `201 {id, label, value}` (value: what the picker shows) or a 422
/// problem with every field error.
pub(super) async fn create_organisation(
    State(state): State<AppState>,
    staff: Staff,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut posted = forms::from_pairs(Organisation::FIELDS, &pairs);
    posted.state.compact(Organisation::FIELDS);
    let snapshot = state.snapshot().await;
    let record = match new_record::<Organisation>(&snapshot, &mut posted.state) {
        Ok(record) => record,
        Err(errors) => return Ok(invalid(StatusCode::UNPROCESSABLE_ENTITY, errors)),
    };
    let saved = writer(&state).await.create(&staff.user, record).await;
    match finish(&state, saved).await {
        Ok(saved) => {
            let snapshot = state.snapshot().await;
            let id = saved.record.id.to_string();
            let choice = super::pickers::choices(&snapshot, super::schema::Target::Organisation)
                .into_iter()
                .find(|c| c.id == id);
            let (label, value) = choice
                .map(|c| (c.label, c.value))
                .unwrap_or_else(|| (saved.record.display_name().to_owned(), id.clone()));
            Ok((
                StatusCode::CREATED,
                axum::Json(json!({"id": id, "label": label, "value": value})),
            )
                .into_response())
        }
        Err(AppError::Invalid(errors)) => Ok(invalid(StatusCode::UNPROCESSABLE_ENTITY, errors)),
        Err(AppError::Conflict(message)) => Ok(invalid(StatusCode::CONFLICT, id_taken(&message))),
        Err(e) => Err(e),
    }
}
