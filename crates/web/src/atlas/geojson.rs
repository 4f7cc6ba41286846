//! The map API's answer: partner points and clusters inside the visible area
//! as GeoJSON, with the box that frames every partner the filters select.

use kizuna_core::read::Lookup;
use kizuna_core::read::map::cluster;
use kizuna_core::read::map::{Group, PartnerPoint, Selection, selection};
use kizuna_domain::{AgreementKind, AgreementStatus, CountryCode, Slug};
use serde::Serialize;

use super::MapParams;
use crate::AppError;
use crate::http::query::to_json;

/// Most partners listed in one spot's popup (or ids given for a cluster); the rest are counted.
const SPOT_LIMIT: usize = 50;

// The answer is written straight from these borrowed shapes: building a
// `serde_json::Value` first was most of a large view's cost.

#[derive(Serialize)]
struct Collection<'a> {
    r#type: &'static str,
    features: Vec<Feature<'a>>,
    total: usize,
    bounds: Option<[f64; 4]>,
}

#[derive(Serialize)]
struct Feature<'a> {
    r#type: &'static str,
    geometry: Geometry,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Geometry {
    r#type: &'static str,
    coordinates: [f64; 2],
}

#[derive(Serialize)]
#[serde(untagged)]
enum Properties<'a> {
    Partner(PartnerProperties<'a>),
    Cluster(ClusterProperties<'a>),
}

#[derive(Serialize)]
struct PartnerProperties<'a> {
    cluster: bool,
    count: usize,
    id: &'a Slug,
    name: &'a str,
    city: &'a Option<String>,
    country: &'a Option<CountryCode>,
    agreements: Vec<AgreementLink<'a>>,
    programmes: Vec<ProgrammeLink<'a>>,
}

#[derive(Serialize)]
struct AgreementLink<'a> {
    id: &'a Slug,
    title: &'a str,
    kind: AgreementKind,
    status: AgreementStatus,
}

#[derive(Serialize)]
struct ProgrammeLink<'a> {
    id: &'a Slug,
    title: &'a str,
}

#[derive(Serialize)]
struct ClusterProperties<'a> {
    cluster: bool,
    count: usize,
    expansion_zoom: Option<u8>,
    bounds: [f64; 4],
    #[serde(skip_serializing_if = "Option::is_none")]
    partners: Option<Vec<PartnerProperties<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ids: Option<Vec<&'a Slug>>,
}

fn partner_properties<'a>(lookup: &Lookup<'a>, p: PartnerPoint<'a>) -> PartnerProperties<'a> {
    PartnerProperties {
        cluster: false,
        count: 1,
        id: &p.org.id,
        name: p.org.display_name(),
        city: &p.org.city,
        country: &p.org.country,
        agreements: p
            .agreements
            .iter()
            .map(|a| AgreementLink {
                id: &a.id,
                title: &a.title,
                kind: a.kind,
                status: lookup.status(a),
            })
            .collect(),
        programmes: p
            .programmes
            .iter()
            .map(|x| ProgrammeLink {
                id: &x.id,
                title: &x.title,
            })
            .collect(),
    }
}

/// A cluster's properties: its partners listed when they share one spot or
/// one town (a reader opens them in one click), else where to zoom to part them.
fn cluster_properties<'a>(
    lookup: &Lookup<'a>,
    selected: &Selection,
    c: &Group,
    zoom: u8,
) -> ClusterProperties<'a> {
    let span = c.span;
    // ROR often gives only the city's coordinates: such partners never part by zooming.
    let same_spot = span.width() < 1e-6 && span.north - span.south < 1e-6;
    let listed = same_spot
        || zoom >= cluster::MAX_CLUSTER_ZOOM
        || (cluster::is_one_place(span) && c.count <= SPOT_LIMIT);
    let members = || selected.members(c, SPOT_LIMIT).into_iter();
    ClusterProperties {
        cluster: true,
        count: c.count,
        expansion_zoom: (!same_spot && zoom < cluster::MAX_CLUSTER_ZOOM)
            .then(|| cluster::expansion_zoom(span, zoom)),
        bounds: span.to_array(),
        // A city-level spot can hold thousands of ROR records: list a page of them.
        partners: listed.then(|| {
            members()
                .map(|i| partner_properties(lookup, selected.point(lookup, i)))
                .collect()
        }),
        // Lets the list beside the map light up the cluster that holds a partner.
        ids: (!listed && c.count <= SPOT_LIMIT).then(|| {
            members()
                .map(|i| &selected.point(lookup, i).org.id)
                .collect()
        }),
    }
}

/// The GeoJSON of the partners `params` select.
pub(super) fn map_body(lookup: &Lookup<'_>, params: &MapParams) -> Result<String, AppError> {
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
    // Found once per revision and filter; each visible area only regroups.
    let selected = selection(lookup, &filter);
    let features = selected
        .groups(bbox, zoom)
        .iter()
        .map(|c| {
            let (properties, (lat, lng)) = match c.count {
                1 => (
                    Properties::Partner(partner_properties(
                        lookup,
                        selected.point(lookup, c.first),
                    )),
                    selected.places[c.first],
                ),
                _ => (
                    Properties::Cluster(cluster_properties(lookup, &selected, c, zoom)),
                    (c.lat, c.lng),
                ),
            };
            Feature {
                r#type: "Feature",
                geometry: Geometry {
                    r#type: "Point",
                    coordinates: [lng, lat],
                },
                properties,
            }
        })
        .collect();
    let body = Collection {
        r#type: "FeatureCollection",
        features,
        total: selected.len(),
        bounds: selected.framing.map(|b| b.to_array()),
    };
    to_json(&body)
}
