//! Clusters a selection's places without visiting every one of them.
//!
//! The places are sorted along a Z-order (Morton) curve of their Web Mercator
//! pixels at zoom 0, so every grid cell of every zoom is one run of that
//! order. A run's count and mean come from prefix sums and its extent from a
//! tree of block extremes. A view then costs the cells it shows and the few
//! places near its edges, not the whole selection: at zoom 2 with every
//! organisation selected, walking them all was the map's whole cost.

mod area;
#[cfg(test)]
mod tests;

use super::Bounds;
use super::cluster::{BBox, CELL_BITS, MAX_CLUSTER_ZOOM, project};
use area::{Node, Side, Window, morton};

/// Bits below a zoom-0 pixel kept per axis: cells are exact down to zoom `FINEST`.
const FRACTION_BITS: u32 = 16;
/// The zoom whose cells are single steps of a place's kept pixel.
const FINEST: u32 = FRACTION_BITS + CELL_BITS;
/// Bits per axis: zoom-0 pixels run from 0 to 256 (longitude 180° is 256).
const AXIS_BITS: u32 = 25;
/// Places per block whose extremes are kept; a run's ends are read place by place.
const BLOCK: usize = 16;
/// A cut area holding at most this many places has each of them tested.
const FEW: usize = 16;
/// Fixed point for sums of degrees: exact, so a mean does not depend on how
/// a cell's run was split at the edge of a view.
const SUM_SCALE: f64 = (1u64 << 30) as f64;
/// Zoom-0 pixels within which a latitude's pixel may be out of order
/// (`tan` and `ln` are not exactly monotonic); longitudes' pixels are.
const Y_MARGIN: f64 = 1e-7;
/// A group of places inside a view: one grid cell's worth, or one place alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Mean latitude.
    pub lat: f64,
    /// Mean longitude.
    pub lng: f64,
    /// How many places it holds.
    pub count: usize,
    /// The smallest box around them (a cell never spans half the world).
    pub span: Bounds,
    /// The selection's index of its first place.
    pub first: usize,
    /// Its places as runs of the tree's order.
    runs: Vec<(u32, u32)>,
}

/// The extremes of some places, and the first of them.
#[derive(Debug, Clone, Copy)]
struct Extent {
    south: f64,
    north: f64,
    west: f64,
    east: f64,
    first: u32,
}

impl Extent {
    const EMPTY: Extent = Extent {
        south: f64::INFINITY,
        north: f64::NEG_INFINITY,
        west: f64::INFINITY,
        east: f64::NEG_INFINITY,
        first: u32::MAX,
    };

    fn of(&(lat, lng): &(f64, f64), index: u32) -> Extent {
        Extent {
            south: lat,
            north: lat,
            west: lng,
            east: lng,
            first: index,
        }
    }

    fn merge(self, other: Extent) -> Extent {
        Extent {
            south: self.south.min(other.south),
            north: self.north.max(other.north),
            west: self.west.min(other.west),
            east: self.east.max(other.east),
            first: self.first.min(other.first),
        }
    }
}

/// A group being gathered from runs and single places.
struct Gathering {
    count: usize,
    lat: i64,
    lng: i64,
    extent: Extent,
    runs: Vec<(u32, u32)>,
}

impl Gathering {
    fn new() -> Gathering {
        Gathering {
            count: 0,
            lat: 0,
            lng: 0,
            extent: Extent::EMPTY,
            runs: Vec::new(),
        }
    }

    fn add_run(&mut self, lo: usize, hi: usize) {
        match self.runs.last_mut() {
            Some(last) if last.1 as usize == lo => last.1 = hi as u32,
            _ => self.runs.push((lo as u32, hi as u32)),
        }
    }

    fn finish(self) -> Option<Group> {
        (self.count > 0).then(|| {
            let n = self.count as f64;
            Group {
                lat: self.lat as f64 / SUM_SCALE / n,
                lng: self.lng as f64 / SUM_SCALE / n,
                count: self.count,
                span: Bounds {
                    west: self.extent.west,
                    south: self.extent.south,
                    east: self.extent.east,
                    north: self.extent.north,
                },
                first: self.extent.first as usize,
                runs: self.runs,
            }
        })
    }
}

/// The extent of the places at `range` of the tree's order, read one by one.
fn extent_one_by_one(
    places: &[(f64, f64)],
    order: &[u32],
    range: std::ops::Range<usize>,
) -> Extent {
    range.fold(Extent::EMPTY, |e, at| {
        e.merge(Extent::of(&places[at], order[at]))
    })
}

fn fixed(degrees: f64) -> i64 {
    (degrees * SUM_SCALE).round() as i64
}

/// A selection's places in Morton order, with what a run's group needs.
#[derive(Debug)]
pub(super) struct PlaceTree {
    /// Morton codes of the kept pixels, ascending.
    codes: Vec<u64>,
    /// The selection's index of the place at each position.
    order: Vec<u32>,
    /// The places in this order, so that testing a run's places reads memory in turn.
    places: Vec<(f64, f64)>,
    /// Prefix sums of latitude and longitude in fixed point.
    sums: Vec<(i64, i64)>,
    /// A segment tree of block extents: leaves from `blocks`, root at 1.
    extents: Vec<Extent>,
    blocks: usize,
}

impl PlaceTree {
    /// Sorts `places` (latitude, longitude) along the curve.
    pub(super) fn new(places: &[(f64, f64)]) -> PlaceTree {
        let limit = (1u64 << AXIS_BITS) - 1;
        let unit = f64::from(1u32 << FRACTION_BITS);
        let kept = |v: f64| ((v * unit).floor().max(0.0) as u64).min(limit);
        let mut keyed: Vec<(u64, u32)> = places
            .iter()
            .enumerate()
            .map(|(i, &(lat, lng))| {
                let (x, y) = project(lat, lng, 0);
                (morton(kept(x), kept(y)), i as u32)
            })
            .collect();
        keyed.sort_unstable();
        let (codes, order): (Vec<u64>, Vec<u32>) = keyed.into_iter().unzip();
        let places: Vec<(f64, f64)> = order.iter().map(|&i| places[i as usize]).collect();
        let mut sums = Vec::with_capacity(order.len() + 1);
        let mut total = (0i64, 0i64);
        sums.push(total);
        for &(lat, lng) in &places {
            total = (total.0 + fixed(lat), total.1 + fixed(lng));
            sums.push(total);
        }
        let blocks = order.len().div_ceil(BLOCK);
        let mut extents = vec![Extent::EMPTY; 2 * blocks];
        for b in 0..blocks {
            let (lo, hi) = (b * BLOCK, ((b + 1) * BLOCK).min(order.len()));
            extents[blocks + b] = extent_one_by_one(&places, &order, lo..hi);
        }
        for b in (1..blocks).rev() {
            extents[b] = extents[2 * b].merge(extents[2 * b + 1]);
        }
        PlaceTree {
            codes,
            order,
            places,
            sums,
            extents,
            blocks,
        }
    }

    /// The places inside `bbox` grouped by screen cell at `zoom`, in order of
    /// their first place; past [`MAX_CLUSTER_ZOOM`] every place stands alone.
    pub(super) fn groups(&self, bbox: BBox, zoom: u8) -> Vec<Group> {
        let search = Search {
            tree: self,
            window: Window::new(bbox),
            cell_shift: (zoom <= MAX_CLUSTER_ZOOM).then(|| FINEST - u32::from(zoom)),
        };
        let mut found = Vec::new();
        search.cells(Node::ROOT, 0, self.codes.len(), &mut found);
        found.sort_by_key(|g| g.first);
        found
    }

    /// The selection's indexes of a group's places, the first `limit` of them in order.
    pub(super) fn members(&self, group: &Group, limit: usize) -> Vec<usize> {
        let mut all: Vec<usize> = group
            .runs
            .iter()
            .flat_map(|&(lo, hi)| &self.order[lo as usize..hi as usize])
            .map(|&i| i as usize)
            .collect();
        if all.len() > limit {
            all.select_nth_unstable(limit);
            all.truncate(limit);
        }
        all.sort_unstable();
        all
    }

    /// The extent of the places at positions `lo..hi`.
    fn extent(&self, lo: usize, hi: usize) -> Extent {
        let one_by_one = |range| extent_one_by_one(&self.places, &self.order, range);
        let (mut left, mut right) = (lo.div_ceil(BLOCK), hi / BLOCK);
        if left >= right {
            return one_by_one(lo..hi);
        }
        let mut extent = one_by_one(lo..left * BLOCK).merge(one_by_one(right * BLOCK..hi));
        (left, right) = (left + self.blocks, right + self.blocks);
        while left < right {
            if left & 1 == 1 {
                extent = extent.merge(self.extents[left]);
                left += 1;
            }
            if right & 1 == 1 {
                right -= 1;
                extent = extent.merge(self.extents[right]);
            }
            (left, right) = (left / 2, right / 2);
        }
        extent
    }

    /// The non-empty quarters of `node`, whose places sit at `lo..hi`.
    fn quarters(
        &self,
        node: Node,
        lo: usize,
        hi: usize,
    ) -> impl Iterator<Item = (Node, usize, usize)> {
        let mut start = lo;
        (0..4u64).filter_map(move |k| {
            let end = if k == 3 {
                hi
            } else {
                let bound = node.quarter_end(k);
                start + self.codes[start..hi].partition_point(|&c| c < bound)
            };
            let quarter = (node.quarter(k), start, end);
            start = end;
            (quarter.1 < quarter.2).then_some(quarter)
        })
    }
}

/// One view's walk down the tree.
struct Search<'a> {
    tree: &'a PlaceTree,
    window: Window,
    /// The shift of a grid cell at the view's zoom; `None` past clustering.
    cell_shift: Option<u32>,
}

impl Search<'_> {
    fn place(&self, at: usize) -> (u32, (f64, f64)) {
        let i = self.tree.order[at];
        (i, self.tree.places[at])
    }

    /// Finds the groups of the view among the places of `node` (at `lo..hi`).
    fn cells(&self, node: Node, lo: usize, hi: usize, found: &mut Vec<Group>) {
        let side = self.window.side(node);
        if side == Side::Outside {
            return;
        }
        match self.cell_shift {
            Some(cell) if node.shift == cell => {
                let mut gathering = Gathering::new();
                self.gather(node, lo, hi, side, &mut gathering);
                found.extend(gathering.finish());
                return;
            }
            None if side == Side::Inside || node.shift == 0 || hi - lo <= FEW => {
                for at in lo..hi {
                    let (_, (lat, lng)) = self.place(at);
                    if side == Side::Inside || self.window.bbox.contains(lat, lng) {
                        let mut alone = Gathering::new();
                        self.add_place(&mut alone, at);
                        found.extend(alone.finish());
                    }
                }
                return;
            }
            _ => {}
        }
        for (quarter, lo, hi) in self.tree.quarters(node, lo, hi) {
            self.cells(quarter, lo, hi, found);
        }
    }

    /// Adds the places of `node` inside the view to one cell's group.
    fn gather(&self, node: Node, lo: usize, hi: usize, side: Side, into: &mut Gathering) {
        match side {
            Side::Outside => {}
            Side::Inside => {
                let tree = self.tree;
                into.count += hi - lo;
                into.lat += tree.sums[hi].0 - tree.sums[lo].0;
                into.lng += tree.sums[hi].1 - tree.sums[lo].1;
                into.extent = into.extent.merge(tree.extent(lo, hi));
                into.add_run(lo, hi);
            }
            Side::Cut if node.shift == 0 || hi - lo <= FEW => {
                for at in lo..hi {
                    let (_, (lat, lng)) = self.place(at);
                    if self.window.bbox.contains(lat, lng) {
                        self.add_place(into, at);
                    }
                }
            }
            Side::Cut => {
                for (quarter, lo, hi) in self.tree.quarters(node, lo, hi) {
                    self.gather(quarter, lo, hi, self.window.side(quarter), into);
                }
            }
        }
    }

    fn add_place(&self, into: &mut Gathering, at: usize) {
        let (i, place) = self.place(at);
        into.count += 1;
        into.lat += fixed(place.0);
        into.lng += fixed(place.1);
        into.extent = into.extent.merge(Extent::of(&place, i));
        into.add_run(at, at + 1);
    }
}
