//! Areas of the place tree and where they lie against a view: the
//! geometry, kept apart from how runs are counted.

use super::{AXIS_BITS, BBox, FRACTION_BITS, Y_MARGIN, project};

/// An area of the tree: the places whose kept pixels share all bits above `shift`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Node {
    pub(super) shift: u32,
    pub(super) x: u64,
    pub(super) y: u64,
}

impl Node {
    pub(super) const ROOT: Node = Node {
        shift: AXIS_BITS,
        x: 0,
        y: 0,
    };

    /// The first code past the node's `k`th quarter (in Morton order).
    pub(super) fn quarter_end(self, k: u64) -> u64 {
        ((morton(self.x, self.y) << 2) + k + 1) << (2 * (self.shift - 1))
    }

    pub(super) fn quarter(self, k: u64) -> Node {
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
pub(super) fn morton(x: u64, y: u64) -> u64 {
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
pub(super) enum Side {
    Inside,
    Outside,
    Cut,
}

/// A view's edges in zoom-0 pixels.
pub(super) struct Window {
    pub(super) bbox: BBox,
    west: f64,
    east: f64,
    north: f64,
    south: f64,
}

impl Window {
    pub(super) fn new(bbox: BBox) -> Window {
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
    pub(super) fn side(&self, node: Node) -> Side {
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
