//! The partners one map filter selects, kept with the revision's indexes.
//!
//! A map that pans and zooms asks for the same partners over and over, each
//! time with another visible area. Finding them walks the registry (about
//! 50 ms at 150,000 organisations with `scope=all`); grouping the places of
//! a found selection costs what the visible area shows (see [`super::tree`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use kizuna_domain::Organisation;

use super::cluster::BBox;
use super::tree::{Group, PlaceTree};
use super::{Bounds, MapFilter, PartnerPoint, bounds, partners};
use crate::read::Lookup;

/// Filters whose selections one revision keeps; others are found per request
/// (a filter's free text could otherwise fill memory).
const KEPT: usize = 64;

/// What a selection depends on besides the revision.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    filter: MapFilter,
    public_only: bool,
    /// Agreement status depends on the day and the expiring window.
    today: NaiveDate,
    expiring_window_days: u32,
}

/// The partners a filter selects, in id order.
#[derive(Debug, Default)]
pub struct Selection {
    /// Each partner's position among the snapshot's organisations (`Indexes::all_orgs`).
    orgs: Vec<u32>,
    /// Where each partner is drawn: latitude, longitude.
    pub places: Vec<(f64, f64)>,
    /// The smallest box around every place.
    pub framing: Option<Bounds>,
    /// The places sorted for grouping, made when a map first asks.
    tree: OnceLock<PlaceTree>,
    /// Each partner's text as the map API writes it, made when first shown.
    texts: OnceLock<Box<[OnceLock<Box<str>>]>>,
    /// Every partner's id, side by side, and where each ends: answers that
    /// list many ids read them here rather than from each organisation.
    ids: String,
    id_ends: Vec<u32>,
    /// Positions of the matching agreements and programmes, for partners linked to any.
    links: HashMap<u32, (Vec<u32>, Vec<u32>)>,
}

impl Selection {
    fn find(lookup: &Lookup<'_>, filter: &MapFilter) -> Selection {
        let all = lookup.index.all_orgs();
        let mut selection = Selection::default();
        let mut at = 0;
        for p in partners(lookup, filter) {
            // Both lists are in id order: one walk finds every position.
            while all.get(at).is_some_and(|o| o.id < p.org.id) {
                at += 1;
            }
            if all.get(at).is_none_or(|o| o.id != p.org.id) {
                continue;
            }
            let point = selection.orgs.len() as u32;
            selection.orgs.push(at as u32);
            selection.places.push((p.lat, p.lng));
            selection.ids.push_str(p.org.id.as_str());
            selection.id_ends.push(selection.ids.len() as u32);
            if !p.agreements.is_empty() || !p.programmes.is_empty() {
                let ix = lookup.index;
                let agreements = positions(p.agreements.iter().map(|a| ix.agreement_at(&a.id)));
                let programmes = positions(p.programmes.iter().map(|x| ix.programme_at(&x.id)));
                selection.links.insert(point, (agreements, programmes));
            }
        }
        selection.framing = bounds(selection.places.iter().copied());
        selection
    }

    fn tree(&self) -> &PlaceTree {
        self.tree.get_or_init(|| PlaceTree::new(&self.places))
    }

    /// The partners inside `bbox` grouped by 64-pixel screen cell at `zoom`,
    /// in order of their first partner; past zoom 14 each stands alone.
    pub fn groups(&self, bbox: BBox, zoom: u8) -> Vec<Group> {
        self.tree().groups(bbox, zoom)
    }

    /// The first `limit` partners of a group, as indexes for [`Selection::point`].
    pub fn members(&self, group: &Group, limit: usize) -> Vec<usize> {
        self.tree().members(group, limit)
    }

    /// The `i`th partner's text in the map's answer, made by `write` the
    /// first time and kept with the selection (a panned map shows the same
    /// partners again and again). One wording per selection: the map API's.
    pub fn partner_text(&self, i: usize, write: impl FnOnce() -> String) -> &str {
        let texts = self
            .texts
            .get_or_init(|| (0..self.len()).map(|_| OnceLock::new()).collect());
        texts[i].get_or_init(|| write().into_boxed_str())
    }

    /// How many partners are selected.
    pub fn len(&self) -> usize {
        self.orgs.len()
    }

    /// Whether no partner is selected.
    pub fn is_empty(&self) -> bool {
        self.orgs.is_empty()
    }

    /// The `i`th partner's id.
    pub fn id(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |before| self.id_ends[before]);
        &self.ids[start as usize..self.id_ends[i] as usize]
    }

    /// The `i`th partner's organisation, read from `lookup`'s snapshot (the one it was found in).
    pub fn organisation<'a>(&self, lookup: &Lookup<'a>, i: usize) -> &'a Organisation {
        &lookup.index.all_orgs()[self.orgs[i] as usize]
    }

    /// The `i`th partner, read from `lookup`'s snapshot (the one it was found in).
    pub fn point<'a>(&self, lookup: &Lookup<'a>, i: usize) -> PartnerPoint<'a> {
        let snapshot = lookup.snapshot;
        let (lat, lng) = self.places[i];
        let (agreements, programmes) = match self.links.get(&(i as u32)) {
            Some((a, p)) => (
                a.iter()
                    .map(|&a| &snapshot.agreements[a as usize])
                    .collect(),
                p.iter()
                    .map(|&p| &snapshot.programmes[p as usize])
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        PartnerPoint {
            org: self.organisation(lookup, i),
            lat,
            lng,
            agreements,
            programmes,
        }
    }
}

/// Positions in the snapshot's lists, as kept.
fn positions(found: impl Iterator<Item = Option<usize>>) -> Vec<u32> {
    found.flatten().map(|i| i as u32).collect()
}

type Slot = Arc<OnceLock<Arc<Selection>>>;

/// The selections one revision has found, by filter.
#[derive(Debug, Default)]
pub(crate) struct Selections {
    found: Mutex<HashMap<Key, Slot>>,
}

/// The partners `filter` selects in `lookup`'s snapshot, found once per
/// revision and filter. Readers asking for one being found wait for it.
pub fn selection(lookup: &Lookup<'_>, filter: &MapFilter) -> Arc<Selection> {
    let key = Key {
        filter: filter.clone(),
        public_only: lookup.public_only,
        today: lookup.ctx.today,
        expiring_window_days: lookup.ctx.expiring_window_days,
    };
    let slot = {
        let selections = &lookup.index.map_selections;
        let mut found = selections.found.lock().unwrap_or_else(|e| e.into_inner());
        match found.get(&key) {
            Some(slot) => Some(slot.clone()),
            None if found.len() < KEPT => Some(found.entry(key).or_default().clone()),
            None => None,
        }
    };
    match slot {
        Some(slot) => slot
            .get_or_init(|| Arc::new(Selection::find(lookup, filter)))
            .clone(),
        None => Arc::new(Selection::find(lookup, filter)),
    }
}
