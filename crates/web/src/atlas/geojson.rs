//! The map API's answer: partner points and clusters inside the visible area
//! as GeoJSON, with the box that frames every partner the filters select.

use kizuna_core::read::Lookup;
use kizuna_core::read::map::cluster;
use kizuna_core::read::map::{Group, PartnerPoint, Selection, selection};
use kizuna_domain::{AgreementKind, AgreementStatus, CountryCode, Slug};
use serde::Serialize;

use super::MapParams;
use crate::AppError;

/// Most partners listed in one spot's popup (or ids given for a cluster); the rest are counted.
const SPOT_LIMIT: usize = 50;

// A partner's properties are written once per selection and kept there
// (`Selection::partner_text`), and each answer is put together around them:
// writing them anew for every view was most of a large view's cost.

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

/// A cluster's properties before its list of partners or ids.
#[derive(Serialize)]
struct ClusterHead {
    cluster: bool,
    count: usize,
    expansion_zoom: Option<u8>,
    bounds: [f64; 4],
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

/// The `i`th partner's properties, as kept with the selection.
fn partner_text<'s>(lookup: &Lookup<'_>, selected: &'s Selection, i: usize) -> &'s str {
    selected.partner_text(i, || {
        serde_json::to_string(&partner_properties(lookup, selected.point(lookup, i)))
            .expect("strings and numbers always serialise")
    })
}

/// Appends `value` as JSON.
fn push_json(out: &mut Vec<u8>, value: &impl Serialize) {
    serde_json::to_writer(out, value).expect("strings and numbers always serialise");
}

/// Appends a cluster's properties: its partners listed when they share one
/// spot or one town (a reader opens them in one click), else where to zoom
/// to part them.
fn push_cluster(out: &mut Vec<u8>, lookup: &Lookup<'_>, selected: &Selection, c: &Group, zoom: u8) {
    let span = c.span;
    // ROR often gives only the city's coordinates: such partners never part by zooming.
    let same_spot = span.width() < 1e-6 && span.north - span.south < 1e-6;
    let listed = same_spot
        || zoom >= cluster::MAX_CLUSTER_ZOOM
        || (cluster::is_one_place(span) && c.count <= SPOT_LIMIT);
    let head = ClusterHead {
        cluster: true,
        count: c.count,
        expansion_zoom: (!same_spot && zoom < cluster::MAX_CLUSTER_ZOOM)
            .then(|| cluster::expansion_zoom(span, zoom)),
        bounds: span.to_array(),
    };
    push_json(out, &head);
    out.pop(); // its closing brace: the list goes inside
    if listed {
        // A city-level spot can hold thousands of ROR records: list a page of them.
        out.extend_from_slice(br#","partners":["#);
        for (n, i) in selected.members(c, SPOT_LIMIT).into_iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(partner_text(lookup, selected, i).as_bytes());
        }
        out.push(b']');
    } else if c.count <= SPOT_LIMIT {
        // Lets the list beside the map light up the cluster that holds a partner.
        let ids: Vec<&str> = selected
            .members(c, SPOT_LIMIT)
            .into_iter()
            .map(|i| selected.id(i))
            .collect();
        out.extend_from_slice(br#","ids":"#);
        push_json(out, &ids);
    }
    out.push(b'}');
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
    let groups = selected.groups(bbox, zoom);
    let mut out = Vec::with_capacity(256 + 512 * groups.len());
    out.extend_from_slice(br#"{"type":"FeatureCollection","features":["#);
    for (n, c) in groups.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        let (lat, lng) = match c.count {
            1 => selected.places[c.first],
            _ => (c.lat, c.lng),
        };
        out.extend_from_slice(br#"{"type":"Feature","geometry":{"type":"Point","coordinates":"#);
        push_json(&mut out, &[lng, lat]);
        out.extend_from_slice(br#"},"properties":"#);
        match c.count {
            1 => out.extend_from_slice(partner_text(lookup, &selected, c.first).as_bytes()),
            _ => push_cluster(&mut out, lookup, &selected, c, zoom),
        }
        out.push(b'}');
    }
    out.extend_from_slice(br#"],"total":"#);
    push_json(&mut out, &selected.len());
    out.extend_from_slice(br#","bounds":"#);
    push_json(&mut out, &selected.framing.map(|b| b.to_array()));
    out.push(b'}');
    String::from_utf8(out).map_err(|e| AppError::Internal(e.to_string()))
}
