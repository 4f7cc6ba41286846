//! The editorial part of the country pages: years of collaboration, research
//! fields, key partners, supporters and the five Markdown sections, in
//! English and in the interface's other languages.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use kizuna_domain::{CountryCode, CountryProfile, ValidationErrors};
use serde::Serialize;
use serde_json::json;

use super::forms::{self, Action, FormState};
use super::schema::{self, COUNTRY, Field, Kind};
use super::view::{self, FormView, OptionView};
use super::{Datalist, PageUser, datalists, page};
use crate::http::auth::{Staff, StaffPage};
use crate::http::csrf::Csrf;
use crate::http::lang::{current, languages, t, t_with};
use crate::writer::{finish, writer};
use crate::{AppError, AppState};

/// A translated section's field.
const fn translated(path: &'static str, label: &'static str) -> Field {
    Field {
        path,
        label,
        hint: None,
        kind: Kind::Markdown,
        required: false,
    }
}

/// The sections in Swedish and Japanese, after the English ones; a section
/// left empty is shown in English with a note.
const TRANSLATED: [Field; 10] = [
    translated("translations.sv.intro", "country-field-intro-sv"),
    translated("translations.sv.education", "country-field-education-sv"),
    translated("translations.sv.doctoral", "country-field-doctoral-sv"),
    translated("translations.sv.postdoc", "country-field-postdoc-sv"),
    translated("translations.sv.funding", "country-field-funding-sv"),
    translated("translations.ja.intro", "country-field-intro-ja"),
    translated("translations.ja.education", "country-field-education-ja"),
    translated("translations.ja.doctoral", "country-field-doctoral-ja"),
    translated("translations.ja.postdoc", "country-field-postdoc-ja"),
    translated("translations.ja.funding", "country-field-funding-ja"),
];

/// The country form: the profile's fields, then the translated sections.
static FORM: LazyLock<Vec<Field>> =
    LazyLock::new(|| COUNTRY.iter().chain(TRANSLATED.iter()).copied().collect());

fn form_fields() -> &'static [Field] {
    &FORM
}

/// The languages a profile has sections in besides English.
fn translated_into(profile: &CountryProfile) -> Vec<String> {
    profile
        .translations
        .iter()
        .filter(|(_, s)| {
            kizuna_domain::SectionKey::ALL
                .iter()
                .any(|k| s.get(*k).is_some_and(|t| !t.trim().is_empty()))
        })
        .map(|(lang, _)| lang.clone())
        .collect()
}

/// A country in the list.
#[derive(Debug, Serialize)]
struct CountryRow {
    /// Lower-case code, as in URLs.
    code: String,
    name: String,
    /// Organisations located there.
    organisations: usize,
    /// Whether it has editorial text or facts.
    has_profile: bool,
    /// Sections written, of five.
    sections: usize,
    /// Languages besides English it has sections in.
    translated: Vec<String>,
}

/// The country list.
#[derive(Debug, Serialize)]
struct CountriesView {
    rows: Vec<CountryRow>,
    /// Every country, for opening one not in the list.
    all: Vec<OptionView>,
}

/// `GET /admin/countries` (`?cc=JP` opens that country's form).
pub async fn list(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    if let Some(cc) = query.get("cc").filter(|c| !c.is_empty()) {
        let code: CountryCode = cc
            .parse()
            .map_err(|e: kizuna_domain::values::InvalidValue| {
                AppError::BadRequest(e.to_string())
            })?;
        return Ok(Redirect::to(&format!(
            "/admin/countries/{}",
            code.as_str().to_lowercase()
        ))
        .into_response());
    }
    let snapshot = state.snapshot().await;
    let mut counts: BTreeMap<CountryCode, usize> = BTreeMap::new();
    for o in snapshot.organisations.values() {
        if let Some(c) = o.country {
            *counts.entry(c).or_default() += 1;
        }
    }
    for p in &snapshot.countries {
        counts.entry(p.country).or_default();
    }
    let mut rows: Vec<CountryRow> = counts
        .into_iter()
        .map(|(c, organisations)| {
            let profile = snapshot.countries.iter().find(|p| p.country == c);
            CountryRow {
                code: c.as_str().to_lowercase(),
                name: crate::country_names::name_in(current(), c).to_owned(),
                organisations,
                has_profile: profile.is_some(),
                sections: profile
                    .map(|p| {
                        kizuna_domain::SectionKey::ALL
                            .iter()
                            .filter(|k| p.sections.get(**k).is_some())
                            .count()
                    })
                    .unwrap_or(0),
                translated: profile.map(translated_into).unwrap_or_default(),
            }
        })
        .collect();
    languages()
        .collation(current())
        .sort_by_key(&mut rows, |r| r.name.as_str());
    let all = std::iter::once(OptionView {
        value: String::new(),
        label: t("country-admin-choose"),
        selected: true,
    })
    .chain(
        schema::countries()
            .into_iter()
            .map(|(value, label)| OptionView {
                value,
                label,
                selected: false,
            }),
    )
    .collect();
    let view = CountriesView { rows, all };
    let html = page(
        &state,
        &staff,
        &csrf,
        "admin/countries.html",
        t("country-admin-title"),
        "/admin/countries",
        view,
    )
    .await?;
    Ok(html.into_response())
}

/// One country's form.
#[derive(Debug, Serialize)]
struct CountryView {
    code: String,
    name: String,
    action: String,
    form: FormView,
    datalists: Vec<Datalist>,
    notice: Option<String>,
}

fn code_of(cc: &str) -> Result<CountryCode, AppError> {
    cc.parse()
        .map_err(|_| AppError::NotFound(format!("There is no country `{cc}`.")))
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    staff: &Staff,
    csrf: &Csrf,
    code: CountryCode,
    form: &FormState,
    errors: &ValidationErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut shown = form.clone();
    super::pickers::display(&*state.snapshot().await, form_fields(), &mut shown);
    let form = view::build(form_fields(), &shown, errors, &[]);
    let snapshot = state.snapshot().await;
    let path = format!("/admin/countries/{}", code.as_str().to_lowercase());
    let name = crate::country_names::name_in(current(), code);
    let view = CountryView {
        code: code.as_str().to_lowercase(),
        name: name.to_owned(),
        action: path.clone(),
        datalists: datalists(&snapshot, &form.targets),
        form,
        notice,
    };
    let title = t_with(
        "country-admin-form-title",
        &[("country", kizuna_i18n::Arg::Text(name.to_owned()))],
    );
    let html = page(state, staff, csrf, "admin/country.html", title, &path, view).await?;
    Ok((status, html).into_response())
}

async fn profile(state: &AppState, code: CountryCode) -> CountryProfile {
    let snapshot = state.snapshot().await;
    snapshot
        .countries
        .iter()
        .find(|p| p.country == code)
        .cloned()
        .unwrap_or(CountryProfile {
            country: code,
            collaboration_years: None,
            research_fields: Vec::new(),
            key_partners: Vec::new(),
            supporters: Vec::new(),
            sections: Default::default(),
            translations: Default::default(),
            updated_at: None,
        })
}

/// `GET /admin/countries/{cc}`.
pub async fn form(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(cc): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let code = code_of(&cc)?;
    let current = profile(&state, code).await;
    let form = forms::from_json(
        form_fields(),
        &serde_json::to_value(&current).unwrap_or_default(),
    );
    let notice = query
        .contains_key("saved")
        .then(|| t("country-admin-saved"));
    render(
        &state,
        &staff,
        &csrf,
        code,
        &form,
        &ValidationErrors::default(),
        notice,
        StatusCode::OK,
    )
    .await
}

/// `POST /admin/countries/{cc}`.
pub async fn save(
    State(state): State<AppState>,
    StaffPage(staff): PageUser,
    csrf: Csrf,
    Path(cc): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let code = code_of(&cc)?;
    let mut posted = forms::from_pairs(form_fields(), &pairs);
    let none = ValidationErrors::default();
    if posted.action != Action::Save {
        return render(
            &state,
            &staff,
            &csrf,
            code,
            &posted.state,
            &none,
            None,
            StatusCode::OK,
        )
        .await;
    }
    posted.state.compact(form_fields());
    let mut base = serde_json::to_value(profile(&state, code).await).unwrap_or_else(|_| json!({}));
    base["country"] = json!(code.as_str());
    let named = super::pickers::resolve(&*state.snapshot().await, form_fields(), &mut posted.state);
    let (doc, errors) = forms::to_json(form_fields(), &posted.state, base);
    let errors = super::making::merged(named, errors);
    let result = if errors.0.is_empty() {
        match serde_json::from_value::<CountryProfile>(doc) {
            Ok(mut p) => {
                // A language with no section written is no translation.
                let written = translated_into(&p);
                p.translations.retain(|lang, _| written.contains(lang));
                let saved = writer(&state).await.save_country(&staff.user, p).await;
                finish(&state, saved).await
            }
            Err(e) => Err(AppError::Invalid(forms::unreadable(errors, e))),
        }
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!(
            "/admin/countries/{}?saved=1",
            code.as_str().to_lowercase()
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => {
            render(
                &state,
                &staff,
                &csrf,
                code,
                &posted.state,
                &errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}
