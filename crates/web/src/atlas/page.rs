//! `GET /map`: filters, the map widget and the list of the same partners.

use std::collections::BTreeSet;

use axum::extract::State;
use axum::response::Html;
use kizuna_domain::{AgreementKind, AgreementLevel, AgreementStatus, EducationLevel};
use serde::Serialize;

use kizuna_core::read::map::{home_units, partners};

use super::MapParams;
use crate::http::query::ApiQuery;
use crate::http::render::{public_lookup, render};
use crate::{AppError, AppState};
use kizuna_core::read::rows::{Link, OrgRef};

/// Most partners listed beside the map; the rest are counted.
const LIST_LIMIT: usize = 500;

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
            text: crate::templates::label(&v.to_string()),
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

#[derive(Debug, Serialize)]
struct MapView {
    params: MapParams,
    query: String,
    options: Options,
    partners: Vec<PartnerRow>,
    total: usize,
    tile_url: Option<String>,
}

/// `GET /map`.
pub async fn map_page(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<MapParams>,
) -> Result<Html<String>, AppError> {
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let filter = params.filter(&lookup)?;
    let found = partners(&lookup, &filter);
    let mut countries: Vec<_> = lookup
        .agreements()
        .flat_map(|a| lookup.partner_countries(a.party_ids()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    countries.sort_by_key(|c| c.name());
    let options = Options {
        countries: countries
            .into_iter()
            .map(|c| Choice {
                value: c.to_string(),
                text: c.name().to_owned(),
            })
            .collect(),
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
    let partners = found
        .iter()
        .take(LIST_LIMIT)
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
    let mut filters = params.clone();
    (filters.bbox, filters.zoom, filters.lat, filters.lng) = (None, None, None, None);
    let query = serde_urlencoded_filters(&filters);
    let view = MapView {
        params,
        query,
        options,
        partners,
        total: found.len(),
        tile_url: state.settings().tile_url.clone(),
    };
    render(
        &state,
        "map.html",
        "Map of partners and agreements".to_owned(),
        "/map",
        view,
    )
    .await
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
