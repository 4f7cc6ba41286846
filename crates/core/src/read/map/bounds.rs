//! The smallest box holding a set of map points, so the map can open on the
//! partners a filter selects instead of on a fixed world view.

use serde::Serialize;

/// A box in degrees; `west > east` when it crosses the ±180° meridian.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bounds {
    /// Western longitude.
    pub west: f64,
    /// Southern latitude.
    pub south: f64,
    /// Eastern longitude.
    pub east: f64,
    /// Northern latitude.
    pub north: f64,
}

impl Bounds {
    /// `[west, south, east, north]`, the order of a GeoJSON `bbox`.
    pub fn to_array(self) -> [f64; 4] {
        [self.west, self.south, self.east, self.north]
    }

    /// `west,south,east,north` with four decimals (about 10 m), for a data attribute.
    pub fn to_param(self) -> String {
        self.to_array()
            .iter()
            .map(|v| format!("{v:.4}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Width in degrees of longitude, counted eastwards from `west`.
    pub fn width(self) -> f64 {
        (self.east - self.west).rem_euclid(360.0)
    }
}

/// The smallest box around `(lat, lng)` points, or `None` for no points.
///
/// Longitudes go round: partners in New Zealand and Hawaii are framed across
/// the Pacific, not across Europe, by leaving out the widest empty gap.
pub fn bounds(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Bounds> {
    let mut south = f64::INFINITY;
    let mut north = f64::NEG_INFINITY;
    let mut longitudes = Vec::new();
    for (lat, lng) in points {
        south = south.min(lat);
        north = north.max(lat);
        // Folded only when out of range, so stored coordinates come back exactly.
        let folded = if (-180.0..=180.0).contains(&lng) {
            lng
        } else {
            ((lng + 180.0).rem_euclid(360.0)) - 180.0
        };
        longitudes.push(folded);
    }
    let (Some(&first), Some(&last)) = (
        longitudes.iter().min_by(|a, b| a.total_cmp(b)),
        longitudes.iter().max_by(|a, b| a.total_cmp(b)),
    ) else {
        return None;
    };
    // Points within half the world: the gap round the back (at least half
    // the world) is the widest, and the box needs no sorting. A cluster's
    // points always are, and so are most selections.
    if last - first <= 180.0 {
        return Some(Bounds {
            west: first,
            south,
            east: last,
            north,
        });
    }
    longitudes.sort_by(f64::total_cmp);
    // The widest gap between neighbours (the last one wraps round to the first)
    // is the part of the world the box leaves out.
    let last = longitudes.len() - 1;
    let (mut gap, mut west, mut east) = (
        longitudes[0] + 360.0 - longitudes[last],
        longitudes[0],
        longitudes[last],
    );
    for pair in longitudes.windows(2) {
        if pair[1] - pair[0] > gap {
            (gap, west, east) = (pair[1] - pair[0], pair[1], pair[0]);
        }
    }
    Some(Bounds {
        west,
        south,
        east,
        north,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_the_points_and_nothing_else() {
        let japan = [(35.71, 139.76), (35.78, 139.61), (43.07, 141.35)];
        let b = bounds(japan).unwrap();
        assert_eq!(b.to_array(), [139.61, 35.71, 141.35, 43.07]);
        assert_eq!(b.to_param(), "139.6100,35.7100,141.3500,43.0700");
        assert!(bounds([]).is_none());
        let one = bounds([(59.35, 18.07)]).unwrap();
        assert_eq!((one.west, one.east, one.width()), (18.07, 18.07, 0.0));
    }

    #[test]
    fn points_either_side_of_the_antimeridian_are_framed_across_it() {
        let pacific = [(-36.85, 174.76), (21.3, -157.86), (-17.7, 178.0)];
        let b = bounds(pacific).unwrap();
        assert_eq!((b.west, b.east), (174.76, -157.86));
        assert!(b.width() < 30.0, "{b:?}");
        let atlantic = [(59.35, 18.07), (40.7, -74.0)];
        let b = bounds(atlantic).unwrap();
        assert_eq!((b.west, b.east), (-74.0, 18.07), "not the long way round");
    }
}
