//! `GET /search`: results with type badges, facet filters and pages.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use kizuna_domain::Visibility;
use serde::Serialize;

use super::{Audience, SearchParams, private_to, run};
use crate::http::lang::{current, t, t_with};
use crate::http::query::ApiQuery;
use crate::http::render::render;
use crate::{AppError, AppState};
use kizuna_i18n::Arg;

#[derive(Debug, Serialize)]
struct HitView {
    kind: String,
    id: String,
    title: String,
    /// Escaped by the search index, with matches in `<mark>`.
    snippet: String,
    /// Only staff find internal records; theirs link to the back office.
    internal: bool,
}

#[derive(Debug, Serialize)]
struct FacetValue {
    label: String,
    count: u64,
    selected: bool,
    href: String,
}

#[derive(Debug, Serialize)]
struct FacetView {
    name: String,
    label: String,
    values: Vec<FacetValue>,
}

#[derive(Debug, Serialize)]
struct SearchView {
    q: String,
    hits: Vec<HitView>,
    total: usize,
    facets: Vec<FacetView>,
    from: usize,
    to: usize,
    previous: Option<String>,
    next: Option<String>,
    /// No record holds every word: the hits are the closest ones.
    partial: bool,
    /// How many facet filters are on (shown on the phone's "Filters (n)").
    active_filters: usize,
}

/// The facets, in the order the page shows them; each is labelled by the
/// message `atlas-facet-NAME`.
const FACETS: [&str; 6] = [
    "type",
    "country",
    "kind",
    "level",
    "education_level",
    "career_stage",
];

fn get(params: &SearchParams, facet: &str) -> Option<String> {
    match facet {
        "type" => params.kind_of_record.clone(),
        "country" => params.country.clone().map(|c| c.to_uppercase()),
        "kind" => params.kind.clone(),
        "level" => params.level.clone(),
        "education_level" => params.education_level.clone(),
        "career_stage" => params.career_stage.clone(),
        _ => None,
    }
    .filter(|v| !v.is_empty())
}

fn set(params: &mut SearchParams, facet: &str, value: Option<String>) {
    match facet {
        "type" => params.kind_of_record = value,
        "country" => params.country = value,
        "kind" => params.kind = value,
        "level" => params.level = value,
        "education_level" => params.education_level = value,
        "career_stage" => params.career_stage = value,
        _ => {}
    }
}

/// The search page's address for these parameters.
fn href(params: &SearchParams) -> String {
    let mut p = params.clone();
    // Empty values and the first page are defaults: leave them out of links.
    for value in [
        &mut p.q,
        &mut p.kind_of_record,
        &mut p.country,
        &mut p.kind,
        &mut p.level,
        &mut p.education_level,
        &mut p.career_stage,
    ] {
        if value.as_deref() == Some("") {
            *value = None;
        }
    }
    p.offset = p.offset.filter(|o| *o > 0);
    format!(
        "/search?{}",
        serde_urlencoded::to_string(&p).unwrap_or_default()
    )
}

/// A facet value as the reader reads it, in the request's language.
fn facet_label(facet: &str, value: &str) -> String {
    match facet {
        "country" => value
            .parse::<kizuna_domain::CountryCode>()
            .map(crate::atlas::country_name)
            .unwrap_or_else(|_| value.to_owned()),
        "type" => t_with(
            "atlas-record-type",
            &[("type", Arg::Text(value.to_owned()))],
        ),
        _ => crate::templates::label_in(current(), value),
    }
}

/// `GET /search`.
pub async fn search_page(
    State(state): State<AppState>,
    audience: Audience,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> Result<Response, AppError> {
    let query = params.query(audience)?;
    let (offset, limit) = (query.offset, query.limit);
    let results = run(&state, query).await?;
    // An organisation is titled by its name in the reader's language (the
    // hits are already the audience's, so the whole registry may name them).
    let snapshot = state.snapshot().await;
    let lang = crate::http::lang::current();
    let hits = results
        .hits
        .into_iter()
        .map(|h| HitView {
            kind: h.kind.to_string(),
            title: h
                .id
                .parse::<kizuna_domain::Slug>()
                .ok()
                .filter(|_| h.kind == kizuna_domain::Collection::Organisations)
                .and_then(|id| snapshot.organisations.get(&id))
                .map(|o| o.names_for(lang.code()).primary.value.to_owned())
                .unwrap_or(h.title),
            id: h.id,
            snippet: h.snippet,
            internal: h.visibility == Visibility::Internal,
        })
        .collect::<Vec<_>>();
    let facets = FACETS
        .iter()
        .filter_map(|name| {
            let counts = results.facets.get(*name)?;
            let current = get(&params, name);
            // Every value's link is this facet's base address plus the value:
            // the other filters are written once per facet, not once per value.
            let mut without = params.clone();
            without.offset = None;
            set(&mut without, name, None);
            let base = href(&without);
            let joint = if base.ends_with('?') { "" } else { "&" };
            let values: Vec<FacetValue> = counts
                .iter()
                .map(|(value, count)| {
                    let selected = current.as_deref() == Some(value.as_str());
                    FacetValue {
                        label: facet_label(name, value),
                        count: *count,
                        selected,
                        href: if selected {
                            base.clone()
                        } else {
                            let pair =
                                serde_urlencoded::to_string([(*name, value)]).unwrap_or_default();
                            format!("{base}{joint}{pair}")
                        },
                    }
                })
                .collect();
            (!values.is_empty()).then(|| FacetView {
                name: name.to_string(),
                label: t(&format!("atlas-facet-{name}")),
                values,
            })
        })
        .collect();
    let page_at = |o: usize| {
        let mut p = params.clone();
        p.offset = Some(o);
        href(&p)
    };
    let to = offset + hits.len();
    let q = params.q.clone().unwrap_or_default();
    let view = SearchView {
        previous: (offset > 0).then(|| page_at(offset.saturating_sub(limit))),
        next: (to < results.total).then(|| page_at(to)),
        from: if hits.is_empty() { 0 } else { offset + 1 },
        to,
        total: results.total,
        partial: results.partial,
        active_filters: FACETS
            .iter()
            .filter(|name| get(&params, name).is_some())
            .count(),
        hits,
        facets,
        q: q.clone(),
    };
    let title = if q.is_empty() {
        t("atlas-search-title")
    } else {
        t_with("atlas-search-title-q", &[("q", Arg::Text(q))])
    };
    let page = render(&state, "search.html", title, "/search", view).await?;
    Ok(private_to(audience, page.into_response()))
}
