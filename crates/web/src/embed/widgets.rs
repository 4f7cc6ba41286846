//! The four widgets: their filters (the public ones, as query parameters)
//! and the public records each shows. Drafts never appear.

use kizuna_core::Snapshot;
use kizuna_core::read::country::{CountryView, Overview};
use kizuna_core::read::filters::{AgreementFilter, FundingFilter};
use kizuna_core::read::map::partners;
use kizuna_core::read::rows::{AgreementRow, FundingRow, OrgRef};
use kizuna_domain::{AgreementStatus, CountryCode, Slug};
use serde::{Deserialize, Serialize};

use crate::atlas::{MapParams, country_name};
use crate::http::lang::{t, t_with};
use crate::http::query::parse_param;
use crate::http::render::{Layout, Page, public_lookup};
use crate::{AppError, AppState};
use kizuna_i18n::Arg;

/// Most rows a list widget shows; the rest are counted and linked.
const ROWS: usize = 50;

/// Filters of the agreement list.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementParams {
    country: Option<String>,
    kind: Option<String>,
    level: Option<String>,
    status: Option<String>,
    education_level: Option<String>,
    study_programme: Option<String>,
    subject_area: Option<String>,
    unit: Option<String>,
}

/// Filters of the funding list.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FundingParams {
    country: Option<String>,
    kind: Option<String>,
    career_stage: Option<String>,
}

/// The country summary's one parameter.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountryParams {
    country: Option<String>,
}

/// A widget with its filters, read from the query string.
#[derive(Debug, Clone)]
pub enum Params {
    /// `map`.
    Map(MapParams),
    /// `agreements`.
    Agreements(AgreementParams),
    /// `funding`.
    Funding(FundingParams),
    /// `country`.
    Country(CountryParams),
}

fn query<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, AppError> {
    serde_urlencoded::from_str(text).map_err(|e| AppError::BadRequest(e.to_string()))
}

impl Params {
    /// The filters of widget `name` in `text` (a query string).
    pub fn parse(name: &str, text: &str) -> Result<Params, AppError> {
        Ok(match name {
            "map" => Params::Map(query(text)?),
            "agreements" => Params::Agreements(query(text)?),
            "funding" => Params::Funding(query(text)?),
            _ => Params::Country(query(text)?),
        })
    }
}

/// The query string of `params`, empty values left out.
fn query_string<T: Serialize>(params: &T) -> String {
    let value = serde_json::to_value(params).unwrap_or_default();
    let pairs: Vec<(String, String)> = value
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str().filter(|s| !s.is_empty())?.to_owned())))
        .collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

fn with_query(path: &str, query: &str) -> String {
    match query {
        "" => path.to_owned(),
        q => format!("{path}?{q}"),
    }
}

/// What every widget page has around its own view.
#[derive(Debug, Serialize)]
struct Frame<T: Serialize> {
    /// The base of absolute links.
    base: String,
    /// The full page on the site that shows the same (a path under `base`).
    full: String,
    /// The widget's own data.
    widget: T,
}

/// Renders widget `params` from `snapshot`, its links under `base`.
pub async fn render(
    state: &AppState,
    snapshot: &Snapshot,
    base: &str,
    params: &Params,
) -> Result<String, AppError> {
    match params {
        Params::Map(p) => map(state, snapshot, base, p).await,
        Params::Agreements(p) => agreements(state, snapshot, base, p).await,
        Params::Funding(p) => funding(state, snapshot, base, p).await,
        Params::Country(p) => country(state, snapshot, base, p).await,
    }
}

async fn page<T: Serialize>(
    state: &AppState,
    template: &str,
    title: String,
    frame: Frame<T>,
) -> Result<String, AppError> {
    let page = Page {
        layout: Layout::new(state, title, "/embed").await,
        view: frame,
    };
    state.templates().render(template, &page)
}

/// The message `key` (no country) or `key-in` (naming the country), in the reader's language.
fn title(key: &str, country: Option<CountryCode>) -> String {
    match country {
        Some(c) => t_with(
            &format!("{key}-in"),
            &[("country", Arg::Text(country_name(c)))],
        ),
        None => t(key),
    }
}

#[derive(Debug, Serialize)]
struct MapRow {
    org: OrgRef,
    agreements: usize,
    programmes: usize,
}

#[derive(Debug, Serialize)]
struct MapWidget {
    query: String,
    tile_url: Option<String>,
    lat: Option<f64>,
    lng: Option<f64>,
    zoom: Option<u8>,
    partners: Vec<MapRow>,
    total: usize,
}

async fn map(
    state: &AppState,
    snapshot: &Snapshot,
    base: &str,
    params: &MapParams,
) -> Result<String, AppError> {
    let lookup = public_lookup(state, snapshot);
    let filter = params.filter(&lookup)?;
    let rows: Vec<MapRow> = partners(&lookup, &filter)
        .iter()
        .filter_map(|p| {
            let agreements = p
                .agreements
                .iter()
                .filter(|a| lookup.status(a) != AgreementStatus::Draft)
                .count();
            if agreements + p.programmes.len() == 0 {
                return None;
            }
            Some(MapRow {
                org: lookup.org_ref(&p.org.id)?,
                agreements,
                programmes: p.programmes.len(),
            })
        })
        .collect();
    let mut filters = params.clone();
    (filters.bbox, filters.zoom, filters.lat, filters.lng) = (None, None, None, None);
    let query = query_string(&filters);
    let title = title("atlas-embed-map-title", filter.country);
    let widget = MapWidget {
        query: query.clone(),
        tile_url: state.settings().tile_url.clone(),
        lat: params.lat,
        lng: params.lng,
        zoom: params.zoom,
        total: rows.len(),
        partners: rows.into_iter().take(ROWS * 4).collect(),
    };
    let frame = Frame {
        base: base.to_owned(),
        full: with_query("/map", &query),
        widget,
    };
    page(state, "embed/map.html", title, frame).await
}

#[derive(Debug, Serialize)]
struct ListWidget<T: Serialize> {
    items: Vec<T>,
    total: usize,
}

async fn agreements(
    state: &AppState,
    snapshot: &Snapshot,
    base: &str,
    p: &AgreementParams,
) -> Result<String, AppError> {
    let lookup = public_lookup(state, snapshot);
    let unit = parse_param::<Slug>(p.unit.as_deref())?;
    let filter = AgreementFilter {
        country: parse_param(p.country.as_deref())?,
        kind: parse_param(p.kind.as_deref())?,
        level: parse_param(p.level.as_deref())?,
        status: parse_param(p.status.as_deref())?,
        education_level: parse_param(p.education_level.as_deref())?,
        study_programme: p
            .study_programme
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase),
        subject_area: parse_param(p.subject_area.as_deref())?,
        unit,
        ..AgreementFilter::default()
    };
    let rows: Vec<AgreementRow> = filter
        .select(&lookup)
        .into_iter()
        .filter(|a| lookup.status(a) != AgreementStatus::Draft)
        .map(|a| lookup.agreement_row(a))
        .collect();
    let title = title("atlas-embed-agreements-title", filter.country);
    let frame = Frame {
        base: base.to_owned(),
        // The map page lists the partners of the same agreements.
        full: with_query("/map", &query_string(p)),
        widget: ListWidget {
            total: rows.len(),
            items: rows.into_iter().take(ROWS).collect(),
        },
    };
    page(state, "embed/agreements.html", title, frame).await
}

async fn funding(
    state: &AppState,
    snapshot: &Snapshot,
    base: &str,
    p: &FundingParams,
) -> Result<String, AppError> {
    let lookup = public_lookup(state, snapshot);
    let filter = FundingFilter {
        country: parse_param(p.country.as_deref())?,
        kind: parse_param(p.kind.as_deref())?,
        career_stage: parse_param(p.career_stage.as_deref())?,
        ..FundingFilter::default()
    };
    let rows: Vec<FundingRow> = filter
        .select(&lookup)
        .into_iter()
        .map(|f| lookup.funding_row(f))
        .collect();
    let title = title("atlas-embed-funding-title", filter.country);
    let frame = Frame {
        base: base.to_owned(),
        full: with_query("/funding", &query_string(p)),
        widget: ListWidget {
            total: rows.len(),
            items: rows.into_iter().take(ROWS).collect(),
        },
    };
    page(state, "embed/funding.html", title, frame).await
}

#[derive(Debug, Serialize)]
struct CountryWidget {
    code: String,
    name: String,
    overview: Overview,
}

async fn country(
    state: &AppState,
    snapshot: &Snapshot,
    base: &str,
    p: &CountryParams,
) -> Result<String, AppError> {
    let code: CountryCode = parse_param(p.country.as_deref())?
        .ok_or_else(|| AppError::BadRequest(t("atlas-embed-needs-country")))?;
    let lookup = public_lookup(state, snapshot);
    let view = CountryView::build(&lookup, code);
    let frame = Frame {
        base: base.to_owned(),
        full: format!("/countries/{}", code.to_string().to_lowercase()),
        widget: CountryWidget {
            code: code.to_string(),
            name: country_name(code),
            overview: view.overview,
        },
    };
    let title = t_with(
        "atlas-embed-country-title",
        &[("country", Arg::Text(country_name(code)))],
    );
    page(state, "embed/country.html", title, frame).await
}
