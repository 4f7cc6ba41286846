//! Server-side clustering of map points on a Web Mercator pixel grid, so a
//! world view of 50,000 partners is a few hundred features.

use super::Bounds;

/// Bits of a grid cell's side in pixels: points closer than 64 pixels on screen merge.
pub(super) const CELL_BITS: u32 = 6;
/// Pixels of a grid cell's side.
const CELL_PX: f64 = (1u32 << CELL_BITS) as f64;
/// Deepest zoom at which points still cluster; beyond it every point stands alone.
pub const MAX_CLUSTER_ZOOM: u8 = 14;
/// Degrees (about 50 km) within which partners count as one place.
const PLACE_DEGREES: f64 = 0.5;

/// A visible area in degrees: west, south, east, north (west > east crosses ±180°).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Western longitude.
    pub west: f64,
    /// Southern latitude.
    pub south: f64,
    /// Eastern longitude.
    pub east: f64,
    /// Northern latitude.
    pub north: f64,
}

impl BBox {
    /// The whole world.
    pub const WORLD: BBox = BBox {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    };

    /// Parses `west,south,east,north`.
    pub fn parse(text: &str) -> Result<BBox, String> {
        let parts: Vec<f64> = text
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| "`bbox` is four numbers: west,south,east,north".to_owned())?;
        let [west, south, east, north] = parts[..] else {
            return Err("`bbox` is four numbers: west,south,east,north".to_owned());
        };
        if !(-90.0..=90.0).contains(&south) || !(-90.0..=90.0).contains(&north) || south > north {
            return Err("`bbox` latitudes must lie within -90..90 with south ≤ north".to_owned());
        }
        // Leaflet reports longitudes beyond ±180 when the world is panned; fold them back.
        let wrap = |lng: f64| ((lng + 180.0).rem_euclid(360.0)) - 180.0;
        if (east - west) >= 360.0 {
            return Ok(BBox {
                west: -180.0,
                south,
                east: 180.0,
                north,
            });
        }
        Ok(BBox {
            west: wrap(west),
            south,
            east: wrap(east),
            north,
        })
    }

    /// Whether a point lies inside.
    pub fn contains(&self, lat: f64, lng: f64) -> bool {
        let lng_ok = if self.west <= self.east {
            (self.west..=self.east).contains(&lng)
        } else {
            lng >= self.west || lng <= self.east
        };
        lng_ok && (self.south..=self.north).contains(&lat)
    }
}

/// Projects to Web Mercator pixels at `zoom` (256-pixel tiles).
pub fn project(lat: f64, lng: f64, zoom: u8) -> (f64, f64) {
    let size = 256.0 * f64::from(1u32 << zoom.min(24));
    let lat = lat.clamp(-85.051_128, 85.051_128).to_radians();
    let x = (lng + 180.0) / 360.0 * size;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * size;
    (x, y)
}

/// The zoom at which a cluster spanning `span` certainly falls apart: its
/// extent on screen outgrows a grid cell. Always deeper than `zoom`.
pub fn expansion_zoom(span: Bounds, zoom: u8) -> u8 {
    let (_, top) = project(span.north, 0.0, 0);
    let (_, bottom) = project(span.south, 0.0, 0);
    let extent = (span.width() / 360.0 * 256.0).max(bottom - top);
    let needed = if extent > 0.0 {
        (CELL_PX / extent)
            .log2()
            .ceil()
            .clamp(0.0, f64::from(MAX_CLUSTER_ZOOM)) as u8
    } else {
        MAX_CLUSTER_ZOOM
    };
    needed.clamp(
        zoom.saturating_add(1).min(MAX_CLUSTER_ZOOM),
        MAX_CLUSTER_ZOOM,
    )
}

/// Whether points spanning `span` lie in one town or city (about 50 km
/// across), where a reader wants them listed rather than zoomed into.
pub fn is_one_place(span: Bounds) -> bool {
    let middle = ((span.north + span.south) / 2.0).to_radians();
    span.north - span.south <= PLACE_DEGREES && span.width() * middle.cos() <= PLACE_DEGREES
}

/// A group of nearby points, or one point alone (`members.len() == 1`).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean latitude.
    pub lat: f64,
    /// Mean longitude.
    pub lng: f64,
    /// Indexes of the points it holds, in input order.
    pub members: Vec<usize>,
}

/// Groups the points inside `bbox` by screen cell at `zoom`, walking every
/// point: the plain statement of what the map's place tree answers faster.
#[cfg(test)]
pub fn cluster(points: &[(f64, f64)], bbox: BBox, zoom: u8) -> Vec<Cluster> {
    let mut cells: std::collections::HashMap<(i64, i64), Cluster> = Default::default();
    let mut order = Vec::new();
    for (i, &(lat, lng)) in points.iter().enumerate() {
        if !bbox.contains(lat, lng) {
            continue;
        }
        let key = if zoom > MAX_CLUSTER_ZOOM {
            (i as i64, -1)
        } else {
            let (x, y) = project(lat, lng, zoom);
            ((x / CELL_PX).floor() as i64, (y / CELL_PX).floor() as i64)
        };
        let cell = cells.entry(key).or_insert_with(|| {
            order.push(key);
            Cluster {
                lat: 0.0,
                lng: 0.0,
                members: Vec::new(),
            }
        });
        cell.lat += lat;
        cell.lng += lng;
        cell.members.push(i);
    }
    order
        .into_iter()
        .filter_map(|key| cells.remove(&key))
        .map(|mut c| {
            let n = c.members.len() as f64;
            c.lat /= n;
            c.lng /= n;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearby_points_merge_at_low_zoom_and_split_when_zoomed_in() {
        let tokyo = [(35.71, 139.76), (35.68, 139.69), (35.62, 139.38)];
        let world = cluster(&tokyo, BBox::WORLD, 2);
        assert_eq!(world.len(), 1);
        assert_eq!(world[0].members, [0, 1, 2]);
        assert!((world[0].lat - 35.67).abs() < 0.01);
        let close = cluster(&tokyo, BBox::WORLD, 12);
        assert_eq!(close.len(), 3);
    }

    #[test]
    fn a_world_of_points_becomes_a_few_hundred_features() {
        let points: Vec<(f64, f64)> = (0..50_000)
            .map(|i| {
                (
                    ((i * 37) % 170) as f64 - 85.0,
                    ((i * 53) % 360) as f64 - 180.0,
                )
            })
            .collect();
        let features = cluster(&points, BBox::WORLD, 1);
        assert!(features.len() <= 300, "{} features", features.len());
        assert_eq!(
            features.iter().map(|c| c.members.len()).sum::<usize>(),
            50_000
        );
    }

    #[test]
    fn a_cluster_expands_where_its_points_part_and_a_city_is_one_place() {
        let tokyo = Bounds {
            west: 139.61,
            south: 35.71,
            east: 139.76,
            north: 35.78,
        };
        let z = expansion_zoom(tokyo, 2);
        assert!(
            (8..=10).contains(&z),
            "Wako and Tokyo part near zoom 9, not {z}"
        );
        let parted = cluster(&[(35.71, 139.76), (35.78, 139.61)], BBox::WORLD, z);
        assert_eq!(parted.len(), 2, "apart at the expansion zoom");
        assert_eq!(expansion_zoom(tokyo, 12), 13, "always deeper than now");
        let spot = Bounds {
            west: 139.7,
            south: 35.7,
            east: 139.7,
            north: 35.7,
        };
        assert_eq!(expansion_zoom(spot, 2), MAX_CLUSTER_ZOOM);
        assert!(is_one_place(tokyo));
        let kanto_kansai = Bounds {
            west: 135.5,
            south: 34.7,
            east: 139.7,
            north: 35.7,
        };
        assert!(!is_one_place(kanto_kansai));
    }

    #[test]
    fn bboxes_crossing_the_antimeridian_work() {
        let pacific = BBox::parse("170,-30,-170,10").unwrap();
        assert!(pacific.contains(-17.7, 178.0), "Fiji");
        assert!(pacific.contains(-14.3, -170.7), "American Samoa");
        assert!(!pacific.contains(35.7, 139.7), "Tokyo");
        let panned = BBox::parse("190,-30,210,10").unwrap();
        assert!(panned.contains(0.0, -160.0));
        assert!(BBox::parse("0,0,1").is_err());
        assert!(BBox::parse("0,50,1,10").is_err());
    }
}
