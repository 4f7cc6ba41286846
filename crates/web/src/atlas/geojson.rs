//! The map API's answer: partner points and clusters inside the visible area
//! as GeoJSON, with the box that frames every partner the filters select.

use kizuna_core::read::Lookup;
use kizuna_core::read::map::cluster::{self, Cluster};
use kizuna_core::read::map::{PartnerPoint, Selection, bounds, selection};
use serde_json::{Value, json};

use super::MapParams;
use crate::AppError;

/// Most partners listed in one spot's popup (or ids given for a cluster); the rest are counted.
const SPOT_LIMIT: usize = 50;

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

/// A cluster's properties: its partners listed when they share one spot or
/// one town (a reader opens them in one click), else where to zoom to part them.
fn cluster_properties(lookup: &Lookup<'_>, selected: &Selection, c: &Cluster, zoom: u8) -> Value {
    let span =
        bounds(c.members.iter().map(|&i| selected.places[i])).expect("a cluster has members");
    // ROR often gives only the city's coordinates: such partners never part by zooming.
    let same_spot = span.width() < 1e-6 && span.north - span.south < 1e-6;
    let listed = same_spot
        || zoom >= cluster::MAX_CLUSTER_ZOOM
        || (cluster::is_one_place(span) && c.members.len() <= SPOT_LIMIT);
    let expansion_zoom = (!same_spot && zoom < cluster::MAX_CLUSTER_ZOOM)
        .then(|| cluster::expansion_zoom(span, zoom));
    let mut properties = json!({
        "cluster": true,
        "count": c.members.len(),
        "expansion_zoom": expansion_zoom,
        "bounds": span.to_array(),
    });
    if listed {
        // A city-level spot can hold thousands of ROR records: list a page of them.
        properties["partners"] = c
            .members
            .iter()
            .take(SPOT_LIMIT)
            .map(|&i| point_properties(lookup, &selected.point(lookup, i)))
            .collect();
    } else if c.members.len() <= SPOT_LIMIT {
        // Lets the list beside the map light up the cluster that holds a partner.
        properties["ids"] = c
            .members
            .iter()
            .map(|&i| json!(selected.point(lookup, i).org.id))
            .collect();
    }
    properties
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
    // Found once per revision and filter; each visible area only re-clusters.
    let selected = selection(lookup, &filter);
    let places = &selected.places;
    let features: Vec<Value> = selected
        .clusters(bbox, zoom)
        .into_iter()
        .map(|c| {
            let (properties, (lat, lng)) = match c.members[..] {
                [only] => (point_properties(lookup, &selected.point(lookup, only)), places[only]),
                _ => (cluster_properties(lookup, &selected, &c, zoom), (c.lat, c.lng)),
            };
            json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lng, lat]}, "properties": properties})
        })
        .collect();
    let framing = selected.framing.map(|b| b.to_array());
    let body = json!({"type": "FeatureCollection", "features": features, "total": selected.len(), "bounds": framing});
    Ok(body.to_string())
}
