//! `GET /search`: results with type badges, facet filters and pages.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use kizuna_domain::Visibility;
use serde::Serialize;

use super::facets::{FacetView, facet_label, facet_views, get, href};
use super::{Audience, SearchParams, private_to, run};
use crate::http::lang::{t, t_with};
use crate::http::query::ApiQuery;
use crate::http::render::render;
use crate::{AppError, AppState};
use kizuna_i18n::Arg;

#[derive(Debug, Serialize)]
struct HitView {
    kind: String,
    /// The collection's badge, in the reader's language.
    badge: String,
    id: String,
    title: String,
    /// Escaped by the search index, with matches in `<mark>`.
    snippet: String,
    /// Only staff find internal records; theirs link to the back office.
    internal: bool,
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

/// `GET /search`.
pub async fn search_page(
    State(state): State<AppState>,
    audience: Audience,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> Result<Response, AppError> {
    // An organisation is titled by its name in the reader's language.
    let query = kizuna_search::SearchQuery {
        lang: Some(crate::http::lang::current().code().to_owned()),
        ..params.query(audience)?
    };
    let (offset, limit) = (query.offset, query.limit);
    let results = run(&state, query).await?;
    // A page holds at most five kinds of record: each badge is worded once.
    let mut badges: Vec<(kizuna_domain::Collection, String)> = Vec::new();
    let mut badge = |kind: kizuna_domain::Collection| match badges.iter().find(|b| b.0 == kind) {
        Some((_, text)) => text.clone(),
        None => {
            let text = facet_label("type", kind.as_str());
            badges.push((kind, text.clone()));
            text
        }
    };
    let hits = results
        .hits
        .into_iter()
        .map(|h| HitView {
            kind: h.kind.to_string(),
            badge: badge(h.kind),
            title: h.title,
            id: h.id,
            snippet: h.snippet,
            internal: h.visibility == Visibility::Internal,
        })
        .collect::<Vec<_>>();
    let facets = facet_views(&params, &results.facets);
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
        active_filters: kizuna_search::FACETS
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
