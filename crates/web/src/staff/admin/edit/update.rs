//! `/admin/{collection}/{id}`: the form of a stored record and saving it,
//! unless someone else changed it since the form was loaded.

use std::collections::HashMap;

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kizuna_domain::ValidationErrors;

use super::{Conflict, Ctx, FormPage, changed_record, current, slug};
use crate::http::auth::StaffPage;
use crate::http::csrf::Csrf;
use crate::http::lang::t;
use crate::staff::admin::forms::{self, Action};
use crate::staff::admin::records::{AdminRecord, tx};
use crate::staff::admin::{PageUser, ewp};
use crate::writer::{finish, writer};
use crate::{AppError, AppState};

fn notice(query: &HashMap<String, String>) -> Option<String> {
    if let Some(rev) = query.get("restored") {
        Some(tx("admin-restored", &[("revision", rev)]))
    } else if query.contains_key("approved") {
        Some(t("admin-approved-partner-copy"))
    } else if query.contains_key("renewed") {
        Some(t("admin-saved-renewal"))
    } else if query.contains_key("saved") {
        Some(t("admin-saved"))
    } else {
        None
    }
}

/// `GET /admin/{collection}/{id}`.
pub async fn edit_form<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let found = current::<E>(&state, &id).await?;
    let form = forms::from_json(
        E::FIELDS,
        &serde_json::to_value(&found.record).unwrap_or_default(),
    );
    let mut ctx = Ctx::of(&found.record, found.revision);
    ctx.ewp = ewp::panel_of(&*state.snapshot().await, &found.record);
    ctx.notice = notice(&query);
    FormPage::new(&state, &staff, &csrf)
        .show::<E>(ctx, &form)
        .await
}

/// `POST /admin/{collection}/{id}`: saves, unless the record changed since the form was loaded.
pub async fn save<E: AdminRecord>(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    slug(&id, E::COLLECTION.as_str())?;
    let form_page = FormPage::new(&state, &staff, &csrf);
    let mut posted = forms::from_pairs(E::FIELDS, &pairs);
    posted.state.set("id", id.clone());
    let none = ValidationErrors::default();
    let Some(found) = state.registry().get::<E>(&id).await? else {
        // Deleted meanwhile: keep what the person typed, say so.
        let path = format!("/admin/{}/{id}", E::COLLECTION.as_str());
        let mut ctx = Ctx::new("edit", path.clone());
        ctx.id = Some(id.clone());
        ctx.title = id.clone();
        ctx.conflict = Some(Conflict {
            current_url: format!("{path}/history"),
            history_url: format!("{path}/history"),
            deleted: true,
        });
        let status = StatusCode::CONFLICT;
        return form_page
            .refuse::<E>(ctx, &posted.state, &none, status)
            .await;
    };
    let mut ctx = Ctx::of(&found.record, posted.revision);
    ctx.ewp = ewp::panel_of(&*state.snapshot().await, &found.record);
    let path = ctx.action.clone();
    if posted.action != Action::Save {
        return form_page.show::<E>(ctx, &posted.state).await;
    }
    posted.state.compact(E::FIELDS);
    let base = serde_json::to_value(&found.record).unwrap_or_default();
    let snapshot = state.snapshot().await;
    let result = match changed_record::<E>(&snapshot, &mut posted.state, base) {
        Ok(record) => {
            let saved = writer(&state)
                .await
                .update(&staff.user, record, posted.revision)
                .await;
            finish(&state, saved).await.map(|_| ())
        }
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    let (errors, status) = match result {
        Ok(()) => {
            let c = E::COLLECTION.as_str();
            return Ok(Redirect::to(&format!("/admin/{c}/{id}?saved=1")).into_response());
        }
        Err(AppError::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::PreconditionFailed(_)) => {
            ctx.conflict = Some(Conflict {
                current_url: path.clone(),
                history_url: format!("{path}/history"),
                deleted: false,
            });
            (none, StatusCode::CONFLICT)
        }
        Err(e) => return Err(e),
    };
    form_page
        .refuse::<E>(ctx, &posted.state, &errors, status)
        .await
}
