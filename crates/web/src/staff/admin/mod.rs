//! The back office: lists, forms to create, edit and delete every kind of
//! record, the country pages' Markdown and the factsheet for incoming
//! students, agreement renewal, each record's
//! history with restore, and the Erasmus Without Paper exchange. Every change goes through `kizuna_core::Writer`.
//!
//! Forms work without JavaScript (adding a row, removing one and previewing
//! Markdown re-render the form on the server); `assets/admin.js` makes the
//! same buttons work in place and lets pickers search as you type.

mod countries;
mod delete;
mod edit;
pub mod ewp;
mod factsheet;
mod forms;
mod history;
mod import;
mod inline;
mod lists;
mod making;
mod pickers;
mod problems;
mod records;
mod renew;
mod schema;
mod view;
pub(crate) mod words;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use kizuna_domain::{Agreement, Contact, FundingOpportunity, Organisation, Programme};
use serde::{Deserialize, Serialize};

use super::dashboard::render_admin;
use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::{AppError, AppState};
pub(crate) use pickers::{Datalist, datalists};
pub use records::AdminRecord;

/// The user of a back-office page (signed in, or sent to `/login`).
pub(crate) type PageUser = StaffPage;

/// Renders a back-office page in the admin layout.
pub(crate) async fn page<T: Serialize>(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    template: &str,
    title: String,
    path: &str,
    view: T,
) -> Result<Html<String>, AppError> {
    render_admin(state, template, title, path, staff, csrf, view).await
}

/// Routes of one collection.
fn collection<E: AdminRecord>() -> Router<AppState> {
    let c = E::COLLECTION.as_str();
    Router::new()
        .route(&format!("/admin/{c}"), get(lists::list::<E>))
        .route(
            &format!("/admin/{c}/new"),
            get(edit::new_form::<E>).post(edit::create::<E>),
        )
        .route(
            &format!("/admin/{c}/{{id}}"),
            get(edit::edit_form::<E>).post(edit::save::<E>),
        )
        .route(
            &format!("/admin/{c}/{{id}}/delete"),
            get(delete::confirm_delete::<E>).post(delete::delete::<E>),
        )
        .route(
            &format!("/admin/{c}/{{id}}/history"),
            get(history::history_page::<E>),
        )
        .route(
            &format!("/admin/{c}/{{id}}/restore"),
            post(history::restore::<E>),
        )
}

/// Back-office routes under `/admin` (the dashboard at `/admin` itself lives in `staff::dashboard`).
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(collection::<Organisation>())
        .merge(collection::<Agreement>())
        .merge(collection::<Programme>())
        .merge(collection::<FundingOpportunity>())
        .merge(collection::<Contact>())
        .route(
            "/admin/agreements/{id}/renew",
            get(renew::renew_form).post(renew::renew),
        )
        .merge(ewp::routes())
        .route("/admin/countries", get(countries::list))
        .route(
            "/admin/countries/{cc}",
            get(countries::form).post(countries::save),
        )
        .route(
            "/admin/factsheet",
            get(factsheet::form).post(factsheet::save),
        )
        .route("/admin/import", get(import::form).post(import::upload))
        .route("/admin/import/apply", post(import::apply))
        .route("/admin/import/revert", post(import::revert))
        .route("/admin/preview", post(preview))
        .route("/admin/picker", get(pickers::picker))
        .route(
            "/admin/inline/organisations",
            post(inline::create_organisation),
        )
        .layer(middleware::from_fn_with_state(
            state,
            crate::http::render::render_errors,
        ))
}

/// What a preview is asked for.
#[derive(Debug, Deserialize)]
struct PreviewForm {
    #[serde(default)]
    text: String,
    /// `1`: only the HTML fragment (admin.js); else a whole page.
    #[serde(default)]
    fragment: Option<String>,
}

/// The preview page's view.
#[derive(Debug, Serialize)]
struct PreviewView {
    text: String,
}

/// `POST /admin/preview`: Markdown rendered and sanitised as it will be shown.
async fn preview(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    axum::Form(form): axum::Form<PreviewForm>,
) -> Result<Response, AppError> {
    if form.fragment.as_deref() == Some("1") {
        let html = crate::markdown::render(&form.text);
        return Ok((
            [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
            Html(html),
        )
            .into_response());
    }
    let view = PreviewView { text: form.text };
    Ok(page(
        &state,
        &staff,
        &csrf,
        "admin/preview.html",
        crate::http::lang::t("admin-preview"),
        "/admin/preview",
        view,
    )
    .await?
    .into_response())
}
