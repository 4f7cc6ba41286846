//! The tree held to the plain walk over every place.

use super::super::bounds;
use super::super::cluster::{Cluster, cluster};
use super::*;

/// Places scattered over the world, and cities where many crowd round
/// one spot or share it exactly, as ROR gives them.
fn world(n: u32) -> Vec<(f64, f64)> {
    (0..n)
        .map(|i| {
            let f = f64::from(i);
            let city = f64::from(i % 40);
            let (lat, lng) = (city * 0.37 + 28.0, 139.69 - city * 4.1);
            let jitter = |k: f64| ((f * k).fract() - 0.5) * 0.1;
            match i % 4 {
                0 => (lat, lng),
                1 => (lat + jitter(0.618_034), lng + jitter(0.414_214)),
                _ => ((f * 0.7319).sin() * 84.0, (f * 1.3171).cos() * 180.0),
            }
        })
        .chain([(90.0, 180.0), (-90.0, -180.0), (0.0, 180.0), (10.0, -180.0)])
        .collect()
}

fn same(places: &[(f64, f64)], tree: &PlaceTree, group: &Group, plain: &Cluster) -> bool {
    let span = bounds(plain.members.iter().map(|&i| places[i])).unwrap();
    group.count == plain.members.len()
        && group.first == plain.members[0]
        && tree.members(group, usize::MAX) == plain.members
        && tree.members(group, 3) == plain.members[..plain.members.len().min(3)]
        && group.span == span
        && (group.lat - plain.lat).abs() < 1e-8
        && (group.lng - plain.lng).abs() < 1e-8
}

#[test]
fn the_tree_groups_every_view_as_walking_every_place_does() {
    let places = world(6_000);
    let tree = PlaceTree::new(&places);
    let views = [
        BBox::WORLD,
        BBox::parse("-20,30,40,70").unwrap(),
        BBox::parse("170,-30,-170,10").unwrap(),
        BBox::parse("139.5,35.5,140.5,36").unwrap(),
        BBox::parse("100,-10,160,60").unwrap(),
        BBox::parse("139.69,28.68,139.69,28.68").unwrap(),
        BBox::parse("-180,-90,-179,90").unwrap(),
    ];
    for zoom in 0..=18 {
        for bbox in views {
            let plain = cluster(&places, bbox, zoom);
            let groups = tree.groups(bbox, zoom);
            assert_eq!(groups.len(), plain.len(), "zoom {zoom}, {bbox:?}");
            for (g, p) in groups.iter().zip(&plain) {
                assert!(
                    same(&places, &tree, g, p),
                    "zoom {zoom}, {bbox:?}: {g:?} {p:?}"
                );
            }
        }
    }
}

#[test]
fn views_whose_edges_fall_on_places_count_those_places_in() {
    let places = world(2_000);
    let tree = PlaceTree::new(&places);
    for (k, &(lat, lng)) in places.iter().enumerate().step_by(11) {
        // Built directly: parsing folds longitudes, which may round them.
        let edges = [
            BBox {
                west: lng,
                south: lat,
                east: (lng + 3.0).min(180.0),
                north: (lat + 3.0).min(90.0),
            },
            BBox {
                west: (lng - 3.0).max(-180.0),
                south: (lat - 3.0).max(-90.0),
                east: lng,
                north: lat,
            },
            // All the world but 20° beside the place: across the antimeridian.
            BBox {
                west: lng,
                south: -80.0,
                east: if lng - 20.0 >= -180.0 {
                    lng - 20.0
                } else {
                    lng + 340.0
                },
                north: 80.0,
            },
            BBox {
                west: if lng + 20.0 <= 180.0 {
                    lng + 20.0
                } else {
                    lng - 340.0
                },
                south: -80.0,
                east: lng,
                north: 80.0,
            },
        ];
        for (bbox, zoom) in edges
            .into_iter()
            .flat_map(|b| [(b, 3), (b, 8), (b, 12), (b, 16)])
        {
            let groups = tree.groups(bbox, zoom);
            let plain = cluster(&places, bbox, zoom);
            assert_eq!(groups.len(), plain.len(), "place {k}");
            assert!(
                groups
                    .iter()
                    .zip(&plain)
                    .all(|(g, p)| same(&places, &tree, g, p))
            );
            let held: usize = groups.iter().map(|g| g.count).sum();
            assert!(held >= 1, "the place on the edge, {k}");
        }
    }
}

#[test]
fn no_places_give_no_groups() {
    let tree = PlaceTree::new(&[]);
    assert!(tree.groups(BBox::WORLD, 3).is_empty());
}
