//! The map: which partners match a set of filters, clustered GeoJSON for the
//! map widget, per-country counts for shading, and the `/map` page whose
//! list is the keyboard and screen-reader way through the same results.

pub mod cluster;
mod page;

use std::collections::{BTreeSet, HashMap};

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use kizuna_domain::{
    Agreement, AgreementKind, AgreementLevel, AgreementStatus, CountryCode, EducationLevel,
    IscedCode, Organisation, Programme, Slug,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::IntoParams;

pub use page::map_page;

use crate::api::{ApiQuery, parse_param};
use crate::{AppError, AppState};
use kizuna_core::read::Lookup;

/// Filters shared by the map page, the map API and the country counts.
#[derive(Debug, Default, Clone, Deserialize, Serialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MapParams {
    /// The partner's country (ISO 3166-1 alpha-2, either case).
    pub country: Option<String>,
    /// Agreement kind.
    pub kind: Option<String>,
    /// Agreement level on the home side.
    pub level: Option<String>,
    /// Agreement status.
    pub status: Option<String>,
    /// Education level covered.
    pub education_level: Option<String>,
    /// Study programme covered (by name, case-insensitive).
    pub study_programme: Option<String>,
    /// ISCED-F subject area covered.
    pub subject_area: Option<String>,
    /// Home unit administering the agreement (or a unit below it).
    pub unit: Option<String>,
    /// `partners` (default: organisations with an agreement or programme) or `all` (every located organisation).
    pub scope: Option<String>,
    /// Visible area: west,south,east,north in degrees.
    pub bbox: Option<String>,
    /// Map zoom level, 0–18.
    pub zoom: Option<u8>,
    /// Map centre latitude (page only, kept in links).
    pub lat: Option<f64>,
    /// Map centre longitude (page only, kept in links).
    pub lng: Option<f64>,
}

/// Most partners listed in one spot's popup; the rest are counted.
const SPOT_LIMIT: usize = 50;

/// Parsed filters.
#[derive(Debug, Default)]
pub struct MapFilter {
    country: Option<CountryCode>,
    kind: Option<AgreementKind>,
    level: Option<AgreementLevel>,
    status: Option<AgreementStatus>,
    education_level: Option<EducationLevel>,
    study_programme: Option<String>,
    subject_area: Option<IscedCode>,
    unit: Option<Slug>,
    all: bool,
}

impl MapParams {
    /// Checks every filter value.
    pub fn filter(&self, lookup: &Lookup<'_>) -> Result<MapFilter, AppError> {
        let unit = parse_param::<Slug>(self.unit.as_deref())?;
        if let Some(u) = &unit
            && lookup.org(u).is_none()
        {
            return Err(AppError::BadRequest(format!(
                "`unit`: there is no organisation `{u}`"
            )));
        }
        let all = match self.scope.as_deref() {
            None | Some("") | Some("partners") => false,
            Some("all") => true,
            Some(other) => {
                return Err(AppError::BadRequest(format!(
                    "unknown scope `{other}`; expected one of: partners, all"
                )));
            }
        };
        Ok(MapFilter {
            country: parse_param(self.country.as_deref())?,
            kind: parse_param(self.kind.as_deref())?,
            level: parse_param(self.level.as_deref())?,
            status: parse_param(self.status.as_deref())?,
            education_level: parse_param(self.education_level.as_deref())?,
            study_programme: self
                .study_programme
                .clone()
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().to_lowercase()),
            subject_area: parse_param(self.subject_area.as_deref())?,
            unit,
            all,
        })
    }
}

impl MapFilter {
    fn filters_agreements(&self) -> bool {
        self.kind.is_some()
            || self.level.is_some()
            || self.status.is_some()
            || self.study_programme.is_some()
            || self.subject_area.is_some()
            || self.unit.is_some()
    }

    fn matches_agreement(&self, lookup: &Lookup<'_>, a: &Agreement) -> bool {
        self.kind.is_none_or(|k| a.kind == k)
            && self.level.is_none_or(|l| a.level == l)
            && self.status.is_none_or(|s| lookup.status(a) == s)
            && self
                .education_level
                .is_none_or(|e| a.education_levels.contains(&e))
            && self
                .study_programme
                .as_ref()
                .is_none_or(|p| a.study_programmes.iter().any(|s| s.to_lowercase() == *p))
            && self
                .subject_area
                .as_ref()
                .is_none_or(|s| a.subject_areas.contains(s))
            && self
                .unit
                .as_ref()
                .is_none_or(|u| a.home_unit.as_ref().is_some_and(|h| lookup.within(h, u)))
    }

    fn matches_programme(&self, p: &Programme) -> bool {
        !self.filters_agreements()
            && self
                .education_level
                .is_none_or(|e| p.education_levels.contains(&e))
    }
}

/// A located partner and what links it to the home organisation.
pub struct PartnerPoint<'a> {
    /// The organisation.
    pub org: &'a Organisation,
    /// Where it is drawn.
    pub lat: f64,
    /// Where it is drawn.
    pub lng: f64,
    /// Matching agreements it is party to.
    pub agreements: Vec<&'a Agreement>,
    /// Matching programmes it takes part in.
    pub programmes: Vec<&'a Programme>,
}

/// The partners matching `filter`, in id order.
pub fn partners<'a>(lookup: &Lookup<'a>, filter: &MapFilter) -> Vec<PartnerPoint<'a>> {
    let mut agreements: HashMap<&Slug, Vec<&Agreement>> = HashMap::new();
    let mut programmes: HashMap<&Slug, Vec<&Programme>> = HashMap::new();
    // The organisation a party is drawn as: a consortium's members, a unit's
    // parent when the unit has no place of its own.
    let drawn_as = |id: &'a Slug| -> Vec<&'a Slug> {
        match lookup.org(id) {
            Some(o) if !o.members.is_empty() => o
                .members
                .iter()
                .filter(|m| !lookup.is_home_side(m))
                .collect(),
            Some(o) if o.location.is_none() && o.parent.is_some() => o.parent.iter().collect(),
            Some(_) => vec![id],
            None => Vec::new(),
        }
    };
    for a in lookup
        .agreements()
        .filter(|a| filter.matches_agreement(lookup, a))
    {
        let ids: BTreeSet<&Slug> = a
            .parties
            .iter()
            .filter(|p| !lookup.is_home_side(&p.organisation))
            .flat_map(|p| drawn_as(&p.organisation))
            .collect();
        for id in ids {
            agreements.entry(id).or_default().push(a);
        }
    }
    for p in lookup.programmes().filter(|p| filter.matches_programme(p)) {
        let ids: BTreeSet<&Slug> = p
            .partners
            .iter()
            .filter(|o| !lookup.is_home_side(o))
            .flat_map(&drawn_as)
            .collect();
        for id in ids {
            programmes.entry(id).or_default().push(p);
        }
    }
    // Without `scope=all` only organisations linked to something are drawn:
    // visit those instead of every organisation in the registry.
    let candidates: Vec<&'a Organisation> = if filter.all {
        lookup.organisations().collect()
    } else {
        let ids: BTreeSet<&Slug> = agreements
            .keys()
            .chain(programmes.keys())
            .copied()
            .collect();
        ids.into_iter().filter_map(|id| lookup.org(id)).collect()
    };
    let filters_agreements = filter.filters_agreements();
    candidates
        .into_iter()
        .filter(|o| filter.country.is_none_or(|c| o.country == Some(c)))
        .filter_map(|o| {
            let loc = o.location?;
            let a = agreements.remove(&o.id).unwrap_or_default();
            let p = programmes.remove(&o.id).unwrap_or_default();
            let involved = !a.is_empty() || !p.is_empty();
            let shown = involved || (filter.all && !filters_agreements);
            (shown && !lookup.is_home_side(&o.id)).then_some(PartnerPoint {
                org: o,
                lat: loc.lat,
                lng: loc.lng,
                agreements: a,
                programmes: p,
            })
        })
        .collect()
}

fn point_properties(lookup: &Lookup<'_>, p: &PartnerPoint<'_>) -> Value {
    json!({
        "cluster": false,
        "count": 1,
        "id": p.org.id,
        "name": p.org.display_name(),
        "city": p.org.city,
        "country": p.org.country,
        "agreements": p.agreements.iter().map(|a| json!({"id": a.id, "title": a.title, "kind": a.kind, "status": lookup.status(a)})).collect::<Vec<_>>(),
        "programmes": p.programmes.iter().map(|x| json!({"id": x.id, "title": x.title})).collect::<Vec<_>>(),
    })
}

/// Partner points and clusters as a GeoJSON FeatureCollection.
#[utoipa::path(get, path = "/map", tag = "map", params(MapParams),
    responses((status = 200, description = "GeoJSON FeatureCollection; `properties.cluster` tells clusters (with `count` and `expansion_zoom`, or `partners` when they share one spot) from partner points (with `id`, `name`, `agreements`, `programmes`)", content_type = "application/geo+json"),
              (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn map_features(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<MapParams>,
) -> Result<Response, AppError> {
    let snapshot = state.public_snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let filter = params.filter(&lookup)?;
    let bbox = params
        .bbox
        .as_deref()
        .map(cluster::BBox::parse)
        .transpose()
        .map_err(AppError::BadRequest)?
        .unwrap_or(cluster::BBox::WORLD);
    let zoom = params.zoom.unwrap_or(2);
    if zoom > 18 {
        return Err(AppError::BadRequest("`zoom` runs from 0 to 18".to_owned()));
    }
    let points = partners(&lookup, &filter);
    let coordinates: Vec<(f64, f64)> = points.iter().map(|p| (p.lat, p.lng)).collect();
    let features: Vec<Value> = cluster::cluster(&coordinates, bbox, zoom)
        .into_iter()
        .map(|c| {
            let first = &points[c.members[0]];
            // Partners at the very same spot (ROR often gives only the city's
            // coordinates) never separate by zooming: list them in one popup.
            let same_spot = c.members.iter().all(|&i| (points[i].lat - first.lat).abs() < 1e-6 && (points[i].lng - first.lng).abs() < 1e-6);
            let properties = match c.members[..] {
                [only] => point_properties(&lookup, &points[only]),
                _ if same_spot || zoom >= cluster::MAX_CLUSTER_ZOOM => json!({
                    "cluster": true,
                    "count": c.members.len(),
                    "expansion_zoom": null,
                    // A city-level spot can hold thousands of ROR records: list a page of them.
                    "partners": c.members.iter().take(SPOT_LIMIT).map(|&i| point_properties(&lookup, &points[i])).collect::<Vec<_>>(),
                }),
                _ => json!({"cluster": true, "count": c.members.len(), "expansion_zoom": (zoom + 2).min(cluster::MAX_CLUSTER_ZOOM)}),
            };
            let (lat, lng) = if c.members.len() == 1 { (points[c.members[0]].lat, points[c.members[0]].lng) } else { (c.lat, c.lng) };
            json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lng, lat]}, "properties": properties})
        })
        .collect();
    let body = json!({"type": "FeatureCollection", "features": features, "total": points.len()});
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/geo+json")],
        body.to_string(),
    )
        .into_response())
}

/// Partner and agreement counts per country, for shading the base map.
#[utoipa::path(get, path = "/map/countries", tag = "map", params(MapParams),
    responses((status = 200, description = "`{\"JP\": {\"partners\": 5, \"agreements\": 4, \"active_agreements\": 3}}`"),
              (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn map_countries(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<MapParams>,
) -> Result<Response, AppError> {
    let snapshot = state.public_snapshot().await;
    let lookup = Lookup::new(&snapshot, state.status_context(), true);
    let filter = params.filter(&lookup)?;
    Ok(axum::Json(country_counts(&lookup, &filter)).into_response())
}

/// Counts per partner country.
#[derive(Debug, Default, Serialize)]
pub struct CountryCount {
    /// Partner organisations shown.
    pub partners: usize,
    /// Matching agreements with a partner there.
    pub agreements: usize,
    /// Of which active or expiring.
    pub active_agreements: usize,
}

/// Partner and agreement counts per country code.
pub fn country_counts(
    lookup: &Lookup<'_>,
    filter: &MapFilter,
) -> std::collections::BTreeMap<String, CountryCount> {
    let mut counts: std::collections::BTreeMap<String, CountryCount> = Default::default();
    for p in partners(lookup, filter) {
        if let Some(c) = p.org.country {
            counts.entry(c.to_string()).or_default().partners += 1;
        }
    }
    for a in lookup
        .agreements()
        .filter(|a| filter.matches_agreement(lookup, a))
    {
        let active = matches!(
            lookup.status(a),
            AgreementStatus::Active | AgreementStatus::Expiring
        );
        for c in lookup.partner_countries(a.party_ids()) {
            if filter.country.is_some_and(|f| f != c) {
                continue;
            }
            let entry = counts.entry(c.to_string()).or_default();
            entry.agreements += 1;
            entry.active_agreements += usize::from(active);
        }
    }
    counts
}
