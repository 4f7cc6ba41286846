//! `GET /map`: filters, the map widget and the list of the same partners.

use std::collections::BTreeSet;

use axum::extract::State;
use axum::http::Uri;
use axum::response::{Html, Response};
use kizuna_core::Snapshot;
use kizuna_domain::{AgreementKind, AgreementLevel, AgreementStatus, EducationLevel, Slug};
use serde::Serialize;

use kizuna_core::read::map::{home_units, selection};

use super::MapParams;
use crate::http::lang::{current, t, t_with};
use crate::http::query::ApiQuery;
use crate::http::render::{HTML, public_lookup, render};
use crate::{AppError, AppState};
use kizuna_core::read::rows::{Link, OrgRef};
use kizuna_i18n::Arg;

/// Most partners listed beside the map; the rest are counted and the page
/// asks for narrower filters. Each row carries the partner's agreements, so
/// this bounds the page (about 200 KB at 150k organisations) whatever the registry holds.
const LIST_LIMIT: usize = 200;

#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    text: String,
}

fn choices<T: std::fmt::Display>(values: impl IntoIterator<Item = T>) -> Vec<Choice> {
    values
        .into_iter()
        .map(|v| Choice {
            value: v.to_string(),
            text: crate::templates::label_in(current(), &v.to_string()),
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct Options {
    countries: Vec<Choice>,
    kinds: Vec<Choice>,
    levels: Vec<Choice>,
    statuses: Vec<Choice>,
    education_levels: Vec<Choice>,
    study_programmes: Vec<String>,
    subject_areas: Vec<String>,
    units: Vec<Choice>,
}

#[derive(Debug, Serialize)]
struct AgreementLink {
    id: String,
    title: String,
    status: String,
}

#[derive(Debug, Serialize)]
struct PartnerRow {
    org: OrgRef,
    agreements: Vec<AgreementLink>,
    programmes: Vec<Link>,
}

/// Where the map opens when the link names a view or a partner.
#[derive(Debug, Serialize)]
struct Start {
    lat: f64,
    lng: f64,
    zoom: u8,
}

#[derive(Debug, Serialize)]
struct MapView {
    params: MapParams,
    query: String,
    options: Options,
    partners: Vec<PartnerRow>,
    total: usize,
    /// How many filters narrow the partners (shown as "Filters (n)").
    active_filters: usize,
    /// The box framing every partner found, when the link names no view.
    frame: Option<String>,
    start: Option<Start>,
    /// The organisation a "see on the map" link opens on.
    focus: Option<String>,
    tile_url: Option<String>,
    tile_attribution: Option<String>,
}

/// Zoom at which a "see on the map" link shows its partner: its region on the
/// offline country shapes (closer they show nothing), its city on tiles.
const FOCUS_ZOOM: u8 = 7;
/// The same over a configured tile layer.
const FOCUS_ZOOM_TILES: u8 = 13;

/// `GET /map`: it depends only on the data and the query, so it is rendered
/// once per revision and query (as the map's GeoJSON is) and then served as is.
pub async fn map_page(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(params): ApiQuery<MapParams>,
) -> Result<Response, AppError> {
    state
        .cached(format!("page {uri}"), HTML, async |snapshot| {
            Ok(map_html(&state, &snapshot, params).await?.0)
        })
        .await
}

async fn map_html(
    state: &AppState,
    snapshot: &Snapshot,
    params: MapParams,
) -> Result<Html<String>, AppError> {
    let lookup = public_lookup(state, snapshot);
    let filter = params.filter(&lookup)?;
    // The same selection the map's API answers from, found once per revision and filter.
    let found = selection(&lookup, &filter);
    // The public snapshot's index: countries with an agreement partner.
    let countries: Vec<Choice> =
        crate::country_names::named_in_order(current(), lookup.index.agreement_countries())
            .into_iter()
            .map(|(code, name)| Choice {
                value: code.to_owned(),
                text: name.to_owned(),
            })
            .collect();
    let options = Options {
        countries,
        kinds: choices(AgreementKind::ALL),
        levels: choices(AgreementLevel::ALL),
        statuses: choices(AgreementStatus::ALL),
        education_levels: choices(EducationLevel::ALL),
        study_programmes: lookup
            .agreements()
            .flat_map(|a| a.study_programmes.iter().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        subject_areas: lookup
            .agreements()
            .flat_map(|a| a.subject_areas.iter().map(|s| s.to_string()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        units: home_units(&lookup)
            .into_iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                text: o.display_name().to_owned(),
            })
            .collect(),
    };
    let partners = (0..found.len().min(LIST_LIMIT))
        .map(|i| found.point(&lookup, i))
        .filter_map(|p| {
            Some(PartnerRow {
                org: lookup.org_ref(&p.org.id)?,
                agreements: p
                    .agreements
                    .iter()
                    .map(|a| AgreementLink {
                        id: a.id.to_string(),
                        title: a.title.clone(),
                        status: lookup.status(a).to_string(),
                    })
                    .collect(),
                programmes: p
                    .programmes
                    .iter()
                    .map(|x| Link {
                        id: x.id.to_string(),
                        title: x.title.clone(),
                    })
                    .collect(),
            })
        })
        .collect();
    let focused = params
        .focus
        .as_deref()
        .and_then(|f| f.parse::<Slug>().ok())
        .and_then(|id| lookup.org(&id))
        .and_then(|o| Some((o.id.to_string(), o.location?)));
    let start = match (params.lat, params.lng, &focused) {
        (Some(lat), Some(lng), _) => Some(Start {
            lat,
            lng,
            zoom: params.zoom.unwrap_or(2),
        }),
        (_, _, Some((_, at))) => Some(Start {
            lat: at.lat,
            lng: at.lng,
            zoom: params
                .zoom
                .unwrap_or(if state.settings().tile_url.is_some() {
                    FOCUS_ZOOM_TILES
                } else {
                    FOCUS_ZOOM
                }),
        }),
        _ => None,
    };
    let frame = match start {
        Some(_) => None,
        None => found.framing.map(|b| b.to_param()),
    };
    let mut filters = params.clone();
    (
        filters.bbox,
        filters.zoom,
        filters.lat,
        filters.lng,
        filters.focus,
    ) = (None, None, None, None, None);
    let query = serde_urlencoded_filters(&filters);
    let tile_url = state.settings().tile_url.clone();
    let view = MapView {
        active_filters: active_filters(&filters),
        params,
        query,
        options,
        partners,
        total: found.len(),
        frame,
        start,
        focus: focused.map(|(id, _)| id),
        tile_attribution: tile_url.as_deref().map(tile_attribution),
        tile_url,
    };
    render(state, "map.html", t("atlas-map-title"), "/map", view).await
}

/// How many of the form's filters are set.
fn active_filters(p: &MapParams) -> usize {
    [
        &p.country,
        &p.kind,
        &p.level,
        &p.status,
        &p.education_level,
        &p.study_programme,
        &p.subject_area,
        &p.unit,
    ]
    .iter()
    .filter(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()))
    .count()
}

/// Credit for a tile server: OpenStreetMap's own wording, else its host.
fn tile_attribution(url: &str) -> String {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or_default();
    if host.ends_with("openstreetmap.org") || host.ends_with("openstreetmap.fr") {
        t("atlas-map-tiles-osm")
    } else {
        t_with("atlas-map-tiles", &[("host", Arg::Text(host.to_owned()))])
    }
}

/// The filters as a query string (empty values left out).
fn serde_urlencoded_filters(params: &MapParams) -> String {
    let value = serde_json::to_value(params).unwrap_or_default();
    let pairs: Vec<(String, String)> = value
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str().filter(|s| !s.is_empty())?.to_owned())))
        .collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_servers_are_credited() {
        assert_eq!(
            tile_attribution("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "© OpenStreetMap contributors"
        );
        assert_eq!(
            tile_attribution("https://tiles.example.ac.jp/{z}/{x}/{y}.png"),
            "Map tiles: tiles.example.ac.jp"
        );
    }

    #[test]
    fn only_set_filters_count() {
        let p = MapParams {
            country: Some("JP".to_owned()),
            kind: Some(String::new()),
            zoom: Some(4),
            ..MapParams::default()
        };
        assert_eq!(active_filters(&p), 1);
    }
}
