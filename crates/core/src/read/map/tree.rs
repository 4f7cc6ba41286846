//! Clusters a selection's places without visiting every one of them.
//!
//! The places are sorted along a Z-order (Morton) curve of their Web Mercator
//! pixels at zoom 0, so every grid cell of every zoom is one run of that
//! order. A run's count and mean come from prefix sums and its extent from a
//! tree of block extremes. A view then costs the cells it shows and the few
//! places near its edges, not the whole selection: at zoom 2 with every
//! organisation selected, walking them all was the map's whole cost.

use super::Bounds;
use super::cluster::{BBox, CELL_BITS, MAX_CLUSTER_ZOOM, project};

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

/// An area of the tree: the places whose kept pixels share all bits above `shift`.
#[derive(Debug, Clone, Copy)]
struct Node {
    shift: u32,
    x: u64,
    y: u64,
}

impl Node {
    const ROOT: Node = Node {
        shift: AXIS_BITS,
        x: 0,
        y: 0,
    };

    /// The first code past the node's `k`th quarter (in Morton order).
    fn quarter_end(self, k: u64) -> u64 {
        ((morton(self.x, self.y) << 2) + k + 1) << (2 * (self.shift - 1))
    }

    fn quarter(self, k: u64) -> Node {
        Node {
            shift: self.shift - 1,
            x: self.x * 2 + (k & 1),
            y: self.y * 2 + (k >> 1),
        }
    }

    /// Its zoom-0 pixels: `[x0, x1)` and `[y0, y1)`.
    fn pixels(self) -> (f64, f64, f64, f64) {
        let unit = f64::from(1u32 << FRACTION_BITS);
        let at = |v: u64| (v << self.shift) as f64 / unit;
        (at(self.x), at(self.x + 1), at(self.y), at(self.y + 1))
    }
}

/// Interleaves the bits of `x` (even) and `y` (odd).
fn morton(x: u64, y: u64) -> u64 {
    spread(x) | (spread(y) << 1)
}

fn spread(v: u64) -> u64 {
    let mut v = v & 0xFFFF_FFFF;
    v = (v | (v << 16)) & 0x0000_FFFF_0000_FFFF;
    v = (v | (v << 8)) & 0x00FF_00FF_00FF_00FF;
    v = (v | (v << 4)) & 0x0F0F_0F0F_0F0F_0F0F;
    v = (v | (v << 2)) & 0x3333_3333_3333_3333;
    (v | (v << 1)) & 0x5555_5555_5555_5555
}

/// Where an area lies against a view.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Inside,
    Outside,
    Cut,
}

/// A view's edges in zoom-0 pixels.
struct Window {
    bbox: BBox,
    west: f64,
    east: f64,
    north: f64,
    south: f64,
}

impl Window {
    fn new(bbox: BBox) -> Window {
        Window {
            bbox,
            west: project(0.0, bbox.west, 0).0,
            east: project(0.0, bbox.east, 0).0,
            north: project(bbox.north, 0.0, 0).1,
            south: project(bbox.south, 0.0, 0).1,
        }
    }

    /// Only `Inside` and `Outside` are promises about every place of the
    /// area, judged with strict bounds so that a place on an edge is tested.
    fn side(&self, node: Node) -> Side {
        let (x0, x1, y0, y1) = node.pixels();
        let across = if self.bbox.west <= self.bbox.east {
            if x1 <= self.west || x0 > self.east {
                Side::Outside
            } else if x0 > self.west && x1 <= self.east {
                Side::Inside
            } else {
                Side::Cut
            }
        } else if x0 > self.west || x1 <= self.east {
            Side::Inside
        } else if x1 <= self.west && x0 > self.east {
            Side::Outside
        } else {
            Side::Cut
        };
        let down = if y1 <= self.north - Y_MARGIN || y0 > self.south + Y_MARGIN {
            Side::Outside
        } else if y0 > self.north + Y_MARGIN && y1 <= self.south - Y_MARGIN {
            Side::Inside
        } else {
            Side::Cut
        };
        match (across, down) {
            (Side::Outside, _) | (_, Side::Outside) => Side::Outside,
            (Side::Inside, Side::Inside) => Side::Inside,
            _ => Side::Cut,
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
            extents[blocks + b] = (lo..hi).fold(Extent::EMPTY, |e, at| {
                e.merge(Extent::of(&places[at], order[at]))
            });
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
        let one_by_one = |range: std::ops::Range<usize>| {
            range.fold(Extent::EMPTY, |e, at| {
                e.merge(Extent::of(&self.places[at], self.order[at]))
            })
        };
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

#[cfg(test)]
mod tests {
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
}
