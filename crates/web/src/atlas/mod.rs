//! The map's HTTP edge: clustered GeoJSON for the map widget, per-country
//! counts for shading, and the `/map` page whose list is the keyboard and
//! screen-reader way through the same results. Which partners match is the
//! core's read model (`kizuna_core::read::map`).

mod geojson;
mod page;

use axum::extract::State;
use axum::http::{Uri, header};
use axum::response::{IntoResponse, Response};
use kizuna_core::read::Lookup;
use kizuna_core::read::filters::AgreementFilter;
use kizuna_core::read::map::{MapFilter, country_counts};
use kizuna_domain::Slug;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::IntoParams;

pub use page::map_page;

use crate::http::query::{ApiQuery, JSON, parse_param, to_json};
use crate::{AppError, AppState};

/// A country's name as the reader of this request sees it.
pub fn country_name(code: kizuna_domain::CountryCode) -> String {
    crate::country_names::name_in(crate::http::lang::current(), code).to_owned()
}

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
    /// An organisation id the page opens on (page only: "see on the map" links).
    pub focus: Option<String>,
}

impl MapParams {
    /// Checks every filter value.
    pub fn filter(&self, lookup: &Lookup<'_>) -> Result<MapFilter, AppError> {
        // Checked here, not only where clusters are cut, so every map answer refuses it alike.
        if self.zoom.is_some_and(|z| z > 18) {
            return Err(AppError::BadRequest("`zoom` runs from 0 to 18".to_owned()));
        }
        if let Some(bbox) = &self.bbox {
            kizuna_core::read::map::cluster::BBox::parse(bbox).map_err(AppError::BadRequest)?;
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

/// The `Content-Type` of map answers.
const GEOJSON: &str = "application/geo+json";

/// Partner points and clusters as a GeoJSON FeatureCollection.
#[utoipa::path(get, path = "/map", tag = "map", params(MapParams),
    responses((status = 200, description = "GeoJSON FeatureCollection of the partners inside `bbox`; `properties.cluster` tells clusters (with `count`, `expansion_zoom` and `bounds` `[west, south, east, north]`; `ids` when at most 50; `partners` when they share one spot or one town) from partner points (with `id`, `name`, `agreements`, `programmes`). The collection's `total` counts and `bounds` frames every partner the filters select, inside `bbox` or not (`null` when none)", content_type = "application/geo+json"),
              (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn map_features(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(params): ApiQuery<MapParams>,
) -> Result<Response, AppError> {
    let ctx = state.status_context();
    // A view (its `bbox`) is seldom asked for twice: the partners of its
    // filters are kept per revision, not the answer, so that panning does
    // not fill the page cache (the bench's 20,000 views of a 51k registry
    // raised the server's peak memory from 225 to 261 MB).
    if params.bbox.is_some() {
        let snapshot = state.public_snapshot().await;
        let body = geojson::map_body(&Lookup::new(&snapshot, ctx, true), &params)?;
        return Ok(([(header::CONTENT_TYPE, GEOJSON)], body).into_response());
    }
    let key = format!("map {uri}");
    state
        .cached(key, GEOJSON, async |snapshot| {
            let lookup = Lookup::new(&snapshot, ctx, true);
            geojson::map_body(&lookup, &params)
        })
        .await
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
        .cached(format!("map/countries {uri}"), JSON, async |snapshot| {
            let lookup = Lookup::new(&snapshot, ctx, true);
            let filter = params.filter(&lookup)?;
            to_json(&country_counts(&lookup, &filter))
        })
        .await
}

/// `GET /map/country-names.json`: names in the reader's language by ISO
/// 3166-1 alpha-2 code, which label the countries of the offline base map.
pub async fn country_names() -> Response {
    let names: serde_json::Map<String, Value> = kizuna_domain::countries::COUNTRIES
        .iter()
        .map(|(code, name)| {
            let shown = code
                .parse()
                .map(country_name)
                .unwrap_or_else(|_| (*name).to_owned());
            ((*code).to_owned(), Value::from(shown))
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        Value::Object(names).to_string(),
    )
        .into_response()
}
