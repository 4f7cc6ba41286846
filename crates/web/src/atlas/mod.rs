//! The map's HTTP edge: clustered GeoJSON for the map widget, per-country
//! counts for shading, and the `/map` page whose list is the keyboard and
//! screen-reader way through the same results. Which partners match is the
//! core's read model (`kizuna_core::read::map`).

pub mod cluster;
mod page;

use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use kizuna_core::read::Lookup;
use kizuna_core::read::filters::AgreementFilter;
use kizuna_core::read::map::{MapFilter, PartnerPoint, country_counts, partners};
use kizuna_domain::Slug;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::IntoParams;

pub use page::map_page;

use crate::http::query::{ApiQuery, parse_param};
use crate::{AppError, AppState};

/// Filters shared by the map page, the map API and the country counts.
#[derive(Debug, Default, Clone, Deserialize, Serialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MapParams {
    /// The partner's country (ISO 3166-1 alpha-2, either case).
    #[param(value_type = Option<kizuna_domain::CountryCode>)]
    pub country: Option<String>,
    /// Agreement kind.
    #[param(value_type = Option<kizuna_domain::AgreementKind>)]
    pub kind: Option<String>,
    /// Agreement level on the home side.
    #[param(value_type = Option<kizuna_domain::AgreementLevel>)]
    pub level: Option<String>,
    /// Agreement status.
    #[param(value_type = Option<kizuna_domain::AgreementStatus>)]
    pub status: Option<String>,
    /// Education level covered.
    #[param(value_type = Option<kizuna_domain::EducationLevel>)]
    pub education_level: Option<String>,
    /// Study programme covered (by name, case-insensitive).
    pub study_programme: Option<String>,
    /// ISCED-F subject area covered.
    #[param(value_type = Option<kizuna_domain::IscedCode>)]
    pub subject_area: Option<String>,
    /// Home unit administering the agreement (or a unit below it).
    #[param(value_type = Option<kizuna_domain::Slug>)]
    pub unit: Option<String>,
    /// `partners` (default: organisations with an agreement or programme) or `all` (every located organisation).
    #[param(pattern = "^(partners|all)?$")]
    pub scope: Option<String>,
    /// Visible area: west,south,east,north in degrees (latitudes within ±90, south ≤ north).
    #[param(pattern = "^-?[0-9]+(\\.[0-9]+)?(,-?[0-9]+(\\.[0-9]+)?){3}$")]
    pub bbox: Option<String>,
    /// Map zoom level, 0–18.
    #[param(minimum = 0, maximum = 18)]
    pub zoom: Option<u8>,
    /// Map centre latitude (page only, kept in links).
    pub lat: Option<f64>,
    /// Map centre longitude (page only, kept in links).
    pub lng: Option<f64>,
}

/// Most partners listed in one spot's popup; the rest are counted.
const SPOT_LIMIT: usize = 50;

impl MapParams {
    /// Checks every filter value.
    pub fn filter(&self, lookup: &Lookup<'_>) -> Result<MapFilter, AppError> {
        // Checked here, not only where clusters are cut, so every map answer refuses it alike.
        if self.zoom.is_some_and(|z| z > 18) {
            return Err(AppError::BadRequest("`zoom` runs from 0 to 18".to_owned()));
        }
        if let Some(bbox) = &self.bbox {
            cluster::BBox::parse(bbox).map_err(AppError::BadRequest)?;
        }
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
            agreements: AgreementFilter {
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
                ..AgreementFilter::default()
            },
            country: parse_param(self.country.as_deref())?,
            all,
        })
    }
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
    uri: Uri,
    ApiQuery(params): ApiQuery<MapParams>,
) -> Result<Response, AppError> {
    let ctx = state.status_context();
    let key = format!("map {uri}");
    state
        .cached(key, "application/geo+json", async |snapshot| {
            let lookup = Lookup::new(&snapshot, ctx, true);
            map_body(&lookup, &params)
        })
        .await
}

/// The GeoJSON of the partners `params` select.
fn map_body(lookup: &Lookup<'_>, params: &MapParams) -> Result<String, AppError> {
    let filter = params.filter(lookup)?;
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
    let points = partners(lookup, &filter);
    let coordinates: Vec<(f64, f64)> = points.iter().map(|p| (p.lat, p.lng)).collect();
    let features: Vec<Value> = cluster::cluster(&coordinates, bbox, zoom)
        .into_iter()
        .map(|c| {
            let first = &points[c.members[0]];
            // Partners at the very same spot (ROR often gives only the city's
            // coordinates) never separate by zooming: list them in one popup.
            let same_spot = c.members.iter().all(|&i| (points[i].lat - first.lat).abs() < 1e-6 && (points[i].lng - first.lng).abs() < 1e-6);
            let properties = match c.members[..] {
                [only] => point_properties(lookup, &points[only]),
                _ if same_spot || zoom >= cluster::MAX_CLUSTER_ZOOM => json!({
                    "cluster": true,
                    "count": c.members.len(),
                    "expansion_zoom": null,
                    // A city-level spot can hold thousands of ROR records: list a page of them.
                    "partners": c.members.iter().take(SPOT_LIMIT).map(|&i| point_properties(lookup, &points[i])).collect::<Vec<_>>(),
                }),
                _ => json!({"cluster": true, "count": c.members.len(), "expansion_zoom": (zoom + 2).min(cluster::MAX_CLUSTER_ZOOM)}),
            };
            let (lat, lng) = if c.members.len() == 1 { (points[c.members[0]].lat, points[c.members[0]].lng) } else { (c.lat, c.lng) };
            json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lng, lat]}, "properties": properties})
        })
        .collect();
    let body = json!({"type": "FeatureCollection", "features": features, "total": points.len()});
    Ok(body.to_string())
}

/// Partner and agreement counts per country, for shading the base map.
#[utoipa::path(get, path = "/map/countries", tag = "map", params(MapParams),
    responses((status = 200, description = "`{\"JP\": {\"partners\": 5, \"agreements\": 4, \"active_agreements\": 3}}`"),
              (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn map_countries(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(params): ApiQuery<MapParams>,
) -> Result<Response, AppError> {
    let ctx = state.status_context();
    state
        .cached(
            format!("map/countries {uri}"),
            "application/json",
            async |snapshot| {
                let lookup = Lookup::new(&snapshot, ctx, true);
                let filter = params.filter(&lookup)?;
                serde_json::to_string(&country_counts(&lookup, &filter))
                    .map_err(|e| AppError::Internal(e.to_string()))
            },
        )
        .await
}
