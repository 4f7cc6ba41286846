//! The back office: lists, forms to create, edit and delete every kind of
//! record and the country pages' Markdown, agreement renewal, each record's
//! history with restore, and the Erasmus Without Paper exchange. Every change goes through `kizuna_core::Writer`.
//!
//! Forms work without JavaScript (adding a row, removing one and previewing
//! Markdown re-render the form on the server); `assets/admin.js` makes the
//! same buttons work in place and lets pickers search as you type.

mod countries;
mod delete;
mod edit;
pub mod ewp;
mod forms;
mod history;
mod import;
mod lists;
mod records;
mod renew;
mod schema;
mod view;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use kizuna_domain::{
    Agreement, Contact, FundingOpportunity, Organisation, OrganisationKind, Programme,
};
use serde::{Deserialize, Serialize};

use super::dashboard::render_admin;
use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::{AppError, AppState};
pub use records::AdminRecord;
use schema::Target;

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
        .route("/admin/import", get(import::form).post(import::upload))
        .route("/admin/import/apply", post(import::apply))
        .route("/admin/import/revert", post(import::revert))
        .route("/admin/preview", post(preview))
        .route("/admin/picker", get(picker))
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
        "Preview".to_owned(),
        "/admin/preview",
        view,
    )
    .await?
    .into_response())
}

/// What a picker asks.
#[derive(Debug, Deserialize)]
struct PickerQuery {
    #[serde(rename = "type")]
    target: String,
    #[serde(default)]
    q: String,
}

/// One suggestion of a picker.
#[derive(Debug, Serialize, PartialEq)]
pub(crate) struct Choice {
    /// The id that goes into the field.
    pub id: String,
    /// What a person recognises it by.
    pub label: String,
}

/// Most choices a picker gets at once.
const PICKER_LIMIT: usize = 20;
/// Most entries of a datalist drawn into a page (the no-script baseline).
const DATALIST_LIMIT: usize = 2000;

/// Every record a picker of `target` may choose, as `(id, label)`, staff view (internal ones too).
pub(crate) fn choices(snapshot: &kizuna_core::Snapshot, target: Target) -> Vec<Choice> {
    let org_label = |o: &Organisation| {
        let mut label = o.display_name().to_owned();
        if let Some(p) = o
            .parent
            .as_ref()
            .and_then(|p| snapshot.organisations.get(p))
        {
            label = format!("{label} ({})", p.display_name());
        } else if let Some(c) = o.country {
            label = format!("{label} ({})", c.as_str());
        }
        label
    };
    match target {
        Target::Organisation | Target::Unit => snapshot
            .organisations
            .values()
            .filter(|o| target == Target::Organisation || o.kind == OrganisationKind::Unit)
            .map(|o| Choice {
                id: o.id.to_string(),
                label: org_label(o),
            })
            .collect(),
        Target::Agreement => snapshot
            .agreements
            .iter()
            .map(|a| Choice {
                id: a.id.to_string(),
                label: a.title.clone(),
            })
            .collect(),
        Target::Programme => snapshot
            .programmes
            .iter()
            .map(|p| Choice {
                id: p.id.to_string(),
                label: p.title.clone(),
            })
            .collect(),
        Target::Contact => snapshot
            .contacts
            .iter()
            .map(|c| Choice {
                id: c.id.to_string(),
                label: c
                    .role
                    .as_ref()
                    .map(|r| format!("{} ({r})", c.name))
                    .unwrap_or_else(|| c.name.clone()),
            })
            .collect(),
    }
}

fn target_of(word: &str) -> Option<Target> {
    Target::ALL.into_iter().find(|t| t.as_str() == word)
}

/// Whether every word of `q` occurs in the choice (any name, any script, any case).
fn matches(snapshot: &kizuna_core::Snapshot, choice: &Choice, q: &str) -> bool {
    let mut hay = format!("{} {}", choice.id, choice.label).to_lowercase();
    if let Some(o) = choice
        .id
        .parse()
        .ok()
        .and_then(|id| snapshot.organisations.get(&id))
    {
        for n in &o.names {
            hay.push(' ');
            hay.push_str(&n.value.to_lowercase());
        }
    }
    q.to_lowercase().split_whitespace().all(|w| hay.contains(w))
}

/// `GET /admin/picker?type=organisations|units|agreements|programmes|contacts&q=…`:
/// what a picker offers while typing (staff see internal records too).
async fn picker(
    State(state): State<AppState>,
    _staff: Staff,
    Query(query): Query<PickerQuery>,
) -> Result<Response, AppError> {
    let target = target_of(&query.target)
        .ok_or_else(|| AppError::BadRequest(format!("unknown picker type `{}`", query.target)))?;
    let snapshot = state.snapshot().await;
    let items: Vec<Choice> = choices(&snapshot, target)
        .into_iter()
        .filter(|c| matches(&snapshot, c, &query.q))
        .take(PICKER_LIMIT)
        .collect();
    Ok(axum::Json(serde_json::json!({ "items": items })).into_response())
}

/// A datalist drawn into a form page.
#[derive(Debug, Serialize)]
pub(crate) struct Datalist {
    /// `dl-organisations`, …
    pub id: String,
    /// Its options.
    pub options: Vec<Choice>,
}

/// The datalists of the pickers a form uses.
pub(crate) fn datalists(
    snapshot: &kizuna_core::Snapshot,
    targets: &[&'static str],
) -> Vec<Datalist> {
    targets
        .iter()
        .filter_map(|t| target_of(t))
        .map(|t| Datalist {
            id: format!("dl-{}", t.as_str()),
            options: choices(snapshot, t)
                .into_iter()
                .take(DATALIST_LIMIT)
                .collect(),
        })
        .collect()
}
