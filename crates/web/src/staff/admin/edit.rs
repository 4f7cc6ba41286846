//! New and edit: the form pages of a record and what their buttons do. The
//! page and the finding of its record are here (renewing and deleting use
//! them too); the handlers of a new record are in [`create`], those of a
//! stored one in [`update`].

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kizuna_domain::{Slug, ValidationErrors};
use serde::Serialize;

use super::forms::FormState;
pub(super) use super::making::{changed_record, id_taken, new_record};
use super::records::{AdminRecord, by_collection, not_found};
use super::view::{self, FormView};
use super::{Datalist, datalists, page, pickers};
use crate::http::auth::Staff;
use crate::http::csrf::Csrf;
use crate::http::lang::t;
use crate::{AppError, AppState};
use kizuna_core::read::rows::Link;

mod create;
mod update;

pub use create::{create, new_form};
pub use update::{edit_form, save};

/// Someone else changed the record after the form was loaded.
#[derive(Debug, Serialize)]
pub(crate) struct Conflict {
    /// The current version's edit page.
    pub current_url: String,
    /// Its history.
    pub history_url: String,
    /// It was deleted (`current_url` is then its history).
    pub deleted: bool,
}

/// An attached document, as listed.
#[derive(Debug, Serialize)]
pub(super) struct DocumentView {
    /// Where staff download it.
    url: String,
    name: String,
    content_type: String,
    size: u64,
}

/// A record's form page.
#[derive(Debug, Serialize)]
struct EditView {
    /// `new`, `edit` or `renew`.
    mode: &'static str,
    collection: &'static str,
    plural: String,
    /// The record's id and title (edit, renew: the agreement renewed).
    id: Option<String>,
    title: String,
    /// Where the form posts.
    action: String,
    /// The version the form is based on.
    revision: i64,
    form: FormView,
    datalists: Vec<Datalist>,
    documents: Vec<DocumentView>,
    public_url: Option<String>,
    /// A flash message after a redirect.
    notice: Option<String>,
    conflict: Option<Conflict>,
    renews: Option<Link>,
    /// The EWP exchange (agreements).
    ewp: Option<super::ewp::EwpPanel>,
    /// The "New organisation" dialog's choices (agreement and programme forms).
    new_org: Option<super::inline::NewOrgView>,
}

/// What a form page is about, apart from the form's values.
pub(super) struct Ctx {
    pub(super) mode: &'static str,
    pub(super) id: Option<String>,
    pub(super) title: String,
    pub(super) action: String,
    pub(super) revision: i64,
    pub(super) public_url: Option<String>,
    pub(super) documents: Vec<DocumentView>,
    pub(super) notice: Option<String>,
    pub(super) conflict: Option<Conflict>,
    pub(super) renews: Option<Link>,
    pub(super) ewp: Option<super::ewp::EwpPanel>,
}

impl Ctx {
    pub(super) fn new(mode: &'static str, action: String) -> Ctx {
        Ctx {
            mode,
            id: None,
            title: String::new(),
            action,
            revision: 0,
            public_url: None,
            documents: Vec::new(),
            notice: None,
            conflict: None,
            renews: None,
            ewp: None,
        }
    }

    fn of<E: AdminRecord>(record: &E, revision: i64) -> Ctx {
        let c = E::COLLECTION.as_str();
        let doc = serde_json::to_value(record).unwrap_or_default();
        let documents = doc["documents"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|d| DocumentView {
                        url: format!(
                            "/api/v1/agreements/{}/documents/{}",
                            record.id(),
                            d["id"].as_str().unwrap_or_default()
                        ),
                        name: d["name"].as_str().unwrap_or_default().to_owned(),
                        content_type: d["content_type"].as_str().unwrap_or_default().to_owned(),
                        size: d["size"].as_u64().unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ctx {
            id: Some(record.id().to_string()),
            title: record.title().to_owned(),
            revision,
            public_url: record.public_url(),
            documents,
            ..Ctx::new("edit", format!("/admin/{c}/{}", record.id()))
        }
    }
}

/// A form page as the request asks for it: the state, the signed-in person
/// and their CSRF token, which every form page of a request shares.
pub(super) struct FormPage<'a> {
    state: &'a AppState,
    staff: &'a Staff,
    csrf: &'a Csrf,
}

impl<'a> FormPage<'a> {
    /// The form pages of one request.
    pub(super) fn new(state: &'a AppState, staff: &'a Staff, csrf: &'a Csrf) -> Self {
        FormPage { state, staff, csrf }
    }

    /// The page of `ctx` with `form` as it is: a new or stored record's
    /// form, or a posted one whose button was not Save (add a row, preview).
    pub(super) async fn show<E: AdminRecord>(
        &self,
        ctx: Ctx,
        form: &FormState,
    ) -> Result<Response, AppError> {
        self.refuse::<E>(ctx, form, &ValidationErrors::default(), StatusCode::OK)
            .await
    }

    /// The page of `ctx` with the posted `form`, the `errors` that kept it
    /// from being saved marked, answered with `status`.
    pub(super) async fn refuse<E: AdminRecord>(
        &self,
        ctx: Ctx,
        form: &FormState,
        errors: &ValidationErrors,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let (state, staff, csrf) = (self.state, self.staff, self.csrf);
        let readonly: &[&str] = match ctx.mode {
            "edit" => &["id"],
            "renew" => &["renews"],
            _ => &[],
        };
        let snapshot = state.snapshot().await;
        let mut shown = form.clone();
        pickers::display(&snapshot, E::FIELDS, &mut shown);
        let form = view::build(E::FIELDS, &shown, errors, readonly);
        let c = E::COLLECTION.as_str();
        let heading = match ctx.mode {
            "new" => by_collection("admin-new-record", c, &[]),
            "renew" => format!("{}: {}", t("admin-renew-title"), ctx.title),
            _ => by_collection("admin-edit-title", c, &[("title", &ctx.title)]),
        };
        let view = EditView {
            mode: ctx.mode,
            collection: E::COLLECTION.as_str(),
            plural: by_collection("admin-records", c, &[]),
            id: ctx.id,
            title: ctx.title,
            action: ctx.action,
            revision: ctx.revision,
            datalists: datalists(&snapshot, &form.targets),
            form,
            documents: ctx.documents,
            public_url: ctx.public_url,
            notice: ctx.notice,
            conflict: ctx.conflict,
            renews: ctx.renews,
            ewp: ctx.ewp,
            new_org: super::inline::NewOrgView::for_collection(E::COLLECTION),
        };
        let path = view.action.clone();
        let html = page(state, staff, csrf, "admin/edit.html", heading, &path, view).await?;
        Ok((status, html).into_response())
    }
}

fn slug(id: &str, collection: &str) -> Result<Slug, AppError> {
    id.parse().map_err(|_| not_found(collection, id))
}

pub(super) async fn current<E: AdminRecord>(
    state: &AppState,
    id: &str,
) -> Result<kizuna_core::Versioned<E>, AppError> {
    slug(id, E::COLLECTION.as_str())?;
    state
        .registry()
        .get::<E>(id)
        .await?
        .ok_or_else(|| not_found(E::COLLECTION.as_str(), id))
}
