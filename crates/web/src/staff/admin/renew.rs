//! Renewing an agreement: a prefilled form of its successor.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use kizuna_domain::Agreement;
use serde_json::{Value, json};

use super::PageUser;
use super::edit::{Ctx, FormPage, current};
use super::forms::{self, Action};
use super::making::{fresh_id, id_taken, new_record};
use super::records::AdminRecord;
use crate::http::auth::StaffPage;
use crate::http::csrf::Csrf;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};
use kizuna_core::read::rows::Link;

/// The id a renewal of `id` is offered: `id` with this year instead of a trailing year.
fn renewal_id(snapshot: &kizuna_core::Snapshot, id: &str) -> String {
    let year = crate::state::today().year();
    let stem = match id.rsplit_once('-') {
        Some((stem, y)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => stem,
        _ => id,
    };
    fresh_id::<Agreement>(snapshot, &format!("{stem}-{year}")).unwrap_or_default()
}

fn renew_ctx(original: &Agreement) -> Ctx {
    Ctx {
        title: original.title.clone(),
        renews: Some(Link {
            id: original.id.to_string(),
            title: original.title.clone(),
        }),
        ..Ctx::new("renew", format!("/admin/agreements/{}/renew", original.id))
    }
}

/// `GET /admin/agreements/{id}/renew`: the successor's form, prefilled.
pub async fn renew_form(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let original = current::<Agreement>(&state, &id).await?.record;
    let snapshot = state.snapshot().await;
    let mut doc = serde_json::to_value(&original).unwrap_or_default();
    if let Value::Object(map) = &mut doc {
        for key in [
            "signed_on",
            "valid_from",
            "valid_until",
            "terminated_on",
            "internal_notes",
            "created_at",
            "updated_at",
        ] {
            map.insert(key.to_owned(), Value::Null);
        }
        map.insert("signed".to_owned(), json!(false));
        map.insert("documents".to_owned(), json!([]));
        map.insert("renews".to_owned(), json!(original.id.as_str()));
        map.insert(
            "id".to_owned(),
            json!(renewal_id(&snapshot, original.id.as_str())),
        );
    }
    let form = forms::from_json(Agreement::FIELDS, &doc);
    let ctx = renew_ctx(&original);
    FormPage::new(&state, &staff, &csrf)
        .show::<Agreement>(ctx, &form)
        .await
}

/// `POST /admin/agreements/{id}/renew`: creates the successor.
pub async fn renew(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let original = current::<Agreement>(&state, &id).await?.record;
    let mut posted = forms::from_pairs(Agreement::FIELDS, &pairs);
    posted.state.set("renews", id.clone());
    let ctx = renew_ctx(&original);
    let form_page = FormPage::new(&state, &staff, &csrf);
    if posted.action != Action::Save {
        return form_page.show::<Agreement>(ctx, &posted.state).await;
    }
    posted.state.compact(Agreement::FIELDS);
    let snapshot = state.snapshot().await;
    let result = match new_record::<Agreement>(&snapshot, &mut posted.state) {
        Ok(successor) => {
            let saved = writer(&state)
                .await
                .renew(&staff.user, &id, successor)
                .await;
            finish(&state, saved).await.map(|v| v.record.id.to_string())
        }
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    let (errors, status) = match result {
        Ok(new) => {
            return Ok(Redirect::to(&format!("/admin/agreements/{new}?renewed=1")).into_response());
        }
        Err(AppError::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict(message)) => (id_taken(&message), StatusCode::CONFLICT),
        Err(e) => return Err(e),
    };
    form_page
        .refuse::<Agreement>(ctx, &posted.state, &errors, status)
        .await
}
