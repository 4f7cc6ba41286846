//! The factsheet for incoming students: one form, in sections, saved
//! through the core's write path (admins), with the revision it was loaded
//! at so that a change made meanwhile is not overwritten.

use std::collections::HashMap;

use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kizuna_domain::{Factsheet, ValidationErrors};
use serde::Serialize;
use serde_json::{Value, json};

use super::forms::{self, Action, FormState};
use super::schema::{FACTSHEET, FACTSHEET_SECTIONS, Field, Kind, Ty};
use super::view::{self, FieldView, SummaryItem};
use super::{PageUser, page};
use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::http::lang::t;
use crate::writer::{finish, writer};
use crate::{AppError, AppState};

const PATH: &str = "/admin/factsheet";

/// A heading and its fields.
#[derive(Debug, Serialize)]
struct Section {
    legend: String,
    /// The HTML id of its heading.
    id: String,
    fields: Vec<FieldView>,
}

/// The form's view.
#[derive(Debug, Serialize)]
struct FactsheetView {
    action: &'static str,
    sections: Vec<Section>,
    summary: Vec<SummaryItem>,
    /// The revision the form was loaded at (0: no factsheet yet).
    revision: i64,
    /// Whether one is published (a link to the public page).
    published: bool,
    /// Whether the home institution has a SCHAC code (EWP serves it then).
    hei: Option<String>,
    /// Just saved.
    saved: bool,
    /// Someone else saved the factsheet since the form was loaded.
    conflict: bool,
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    form: &FormState,
    errors: &ValidationErrors,
    revision: i64,
    saved: bool,
    conflict: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let built = view::build(FACTSHEET, form, errors, &[]);
    let mut fields = built.fields.into_iter();
    let sections: Vec<Section> = FACTSHEET_SECTIONS
        .iter()
        .map(|(key, count)| Section {
            legend: t(key),
            id: view::html_id(key),
            fields: fields.by_ref().take(*count).collect(),
        })
        .collect();
    // "E-mail" alone would not say whose: the summary names the section.
    let section_of: HashMap<String, &str> = sections
        .iter()
        .flat_map(|s| (s.fields.iter()).map(|f| (format!("#{}", f.id), s.legend.as_str())))
        .collect();
    let summary = built
        .summary
        .into_iter()
        .map(|mut item| {
            if let Some(legend) = item.href.as_ref().and_then(|h| section_of.get(h)) {
                item.label = format!("{legend}: {}", item.label);
            }
            item
        })
        .collect();
    let snapshot = state.snapshot().await;
    let view = FactsheetView {
        action: PATH,
        sections,
        summary,
        revision,
        published: snapshot.factsheet.is_some(),
        hei: kizuna_interop::ewp::node::home_hei(&snapshot),
        saved,
        conflict,
    };
    let title = t("factsheet-admin-title");
    let html = page(
        state,
        staff,
        csrf,
        "admin/factsheet.html",
        title,
        PATH,
        view,
    )
    .await?;
    Ok((status, html).into_response())
}

/// `GET /admin/factsheet`: the stored factsheet, or an empty form.
pub async fn form(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let stored = state.registry().factsheet().await?;
    let (doc, revision) = match &stored {
        Some(v) => (
            serde_json::to_value(&v.record).unwrap_or_default(),
            v.revision,
        ),
        None => (json!({}), 0),
    };
    let form = forms::from_json(FACTSHEET, &doc);
    let saved = query.contains_key("saved");
    let none = ValidationErrors::default();
    render(
        &state,
        &staff,
        &csrf,
        &form,
        &none,
        revision,
        saved,
        false,
        StatusCode::OK,
    )
    .await
}

/// `POST /admin/factsheet`.
pub async fn save(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut posted = forms::from_pairs(FACTSHEET, &pairs);
    let revision = posted.revision;
    if posted.action != Action::Save {
        let none = ValidationErrors::default();
        return render(
            &state,
            &staff,
            &csrf,
            &posted.state,
            &none,
            revision,
            false,
            false,
            StatusCode::OK,
        )
        .await;
    }
    posted.state.compact(FACTSHEET);
    let result = match read(&posted.state) {
        Ok(factsheet) => {
            let expected = (revision > 0).then_some(revision);
            let saved = writer(&state)
                .await
                .save_factsheet(&staff.user, factsheet, expected)
                .await;
            finish(&state, saved).await.map(|_| ())
        }
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    let (errors, conflict, status) = match result {
        Ok(()) => return Ok(Redirect::to(&format!("{PATH}?saved=1")).into_response()),
        Err(AppError::Invalid(errors)) => (errors, false, StatusCode::UNPROCESSABLE_ENTITY),
        // Saved by someone else meanwhile (or first, where there was none).
        Err(AppError::PreconditionFailed(_) | AppError::Conflict(_)) => {
            (ValidationErrors::default(), true, StatusCode::CONFLICT)
        }
        Err(e) => return Err(e),
    };
    render(
        &state,
        &staff,
        &csrf,
        &posted.state,
        &errors,
        revision,
        false,
        conflict,
        status,
    )
    .await
}

/// The factsheet the form holds, or every problem with it at once: what the
/// form cannot read, and what the domain's rules say of the rest (a value
/// that could not be read stands in as a valid one while they are checked).
fn read(state: &FormState) -> Result<Factsheet, ValidationErrors> {
    let (mut doc, mut errors) = forms::to_json(FACTSHEET, state, json!({}));
    for e in &errors.0 {
        let pointer = format!(
            "/{}",
            e.field.replace('[', "/").replace(']', "").replace('.', "/")
        );
        if let (Some(slot), Some(f)) = (doc.pointer_mut(&pointer), field_at(&e.field)) {
            *slot = stand_in(f);
        }
    }
    let factsheet: Factsheet = match serde_json::from_value(doc) {
        Ok(factsheet) => factsheet,
        Err(e) => return Err(forms::unreadable(errors, e)),
    };
    let said: Vec<String> = errors.0.iter().map(|e| e.field.clone()).collect();
    if let Err(more) = factsheet.validate() {
        errors
            .0
            .extend(more.0.into_iter().filter(|e| !said.contains(&e.field)));
    }
    errors.into_result().map(|()| factsheet)
}

/// The field of the form at `path` (`decision_weeks`, `accessibility[0].kind`).
fn field_at(path: &str) -> Option<&'static Field> {
    let (group, sub) = match path.split_once('[') {
        Some((group, rest)) => (group, rest.split_once("].").map(|(_, sub)| sub)),
        None => (path, None),
    };
    let top = FACTSHEET.iter().find(|f| f.path == group)?;
    match (top.kind, sub) {
        (Kind::Group { fields, .. }, Some(sub)) => fields.iter().find(|f| f.path == sub),
        (_, None) => Some(top),
        _ => None,
    }
}

/// A valid value of the field's type.
fn stand_in(f: &Field) -> Value {
    match f.kind {
        Kind::Text {
            ty: Ty::MonthDay, ..
        } => json!("--01-01"),
        Kind::Text { ty: Ty::Count, .. } => json!(1),
        Kind::Text {
            ty: Ty::Website, ..
        } => json!("https://example.org/"),
        Kind::Select { options, .. } => json!(options().first().map(|o| o.0.clone())),
        _ => json!(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(items: &[(&str, &str)]) -> FormState {
        let pairs: Vec<(String, String)> = items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut state = forms::from_pairs(FACTSHEET, &pairs).state;
        state.compact(FACTSHEET);
        state
    }

    #[test]
    fn a_filled_form_becomes_the_factsheet_and_back() {
        let doc = serde_json::to_value(kizuna_domain::factsheet::example()).unwrap();
        let form = forms::from_json(FACTSHEET, &doc);
        assert_eq!(form.value("nominations.autumn"), "--04-15");
        assert_eq!(
            form.rows("accessibility")[0]["information.email"],
            ["funka@ki.se"]
        );
        let back = read(&form).unwrap();
        assert_eq!(back, kizuna_domain::factsheet::example());
    }

    #[test]
    fn what_cannot_be_read_and_what_breaks_the_rules_are_reported_together() {
        let errors = read(&posted(&[
            ("nominations.autumn", "31 June"),
            ("nominations.spring", "1 October"),
            ("applications.autumn", ""),
            ("applications.spring", "15/10"),
            ("decision_weeks", "five"),
            ("tor_weeks", "0"),
            ("application.email", "incoming at ki.se"),
            ("application.website", "ki.se/incoming"),
            ("accessibility[0].kind", ""),
            ("accessibility[0].name", "Funka"),
            ("accessibility[0].information.email", "funka@ki.se"),
            ("accessibility[0].information.website", ""),
            ("housing.email", "housing@ki.se"),
            ("housing.website", "ki.se/housing"),
            ("housing.phone", "ask us"),
            ("visa.email", "visa@ki.se"),
            ("visa.website", "www.migrationsverket.se"),
            ("insurance.email", "insurance@ki.se"),
            ("insurance.website", "ki.se/insurance"),
        ]))
        .unwrap_err();
        let mut fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "accessibility[0].information.website",
                "accessibility[0].kind",
                "application.email",
                "applications.autumn",
                "decision_weeks",
                "housing.phone",
                "nominations.autumn",
                "tor_weeks",
            ],
            "{errors}"
        );
    }
}
