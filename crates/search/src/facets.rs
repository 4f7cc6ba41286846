//! The audience, the organisation preference, filters and facet counts in
//! one pass over the query's matches.
//!
//! The text query runs without them; this collector leaves out what the
//! audience may not find, ranks organisations up, applies the facet filters
//! and hands the documents that pass all of them to the inner (top-docs)
//! collector. Each facet is counted over the documents that pass every
//! *other* filter, so choosing `country=JP` still shows how many hits the
//! other countries would give.
//!
//! Facet values are read from the fast fields once per segment into one flat
//! array ([`SegmentFacets`]) and cached: an empty query visits every document,
//! and reading six columns per document through their indexes would dominate it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use kizuna_domain::{Collection, Visibility};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::{FACETS, facet};

const N: usize = FACETS.len();

/// Facet counts by facet name and value.
pub type FacetCounts = BTreeMap<String, BTreeMap<String, u64>>;

/// The facet values of every document of one segment.
///
/// Every value of every facet has a *slot*: the facets' values one after the
/// other. A document's values are its slots, `slots[offsets[doc]..offsets[doc + 1]]`
/// (an organisation has three: its type, country and kind), so counting a
/// match adds one to each of a few counters, whatever the number of facets.
pub struct SegmentFacets {
    /// Each facet's column, for its dictionary (filters name values).
    columns: [Option<StrColumn>; N],
    /// The first slot of each facet.
    first_slot: [u32; N],
    /// The facet of each slot.
    facet_of: Vec<u8>,
    /// The value of each slot (looking values up in the dictionary per query
    /// cost a twentieth of a search).
    values: Vec<String>,
    offsets: Vec<u32>,
    slots: Vec<u32>,
    /// [`ORGANISATION`] and [`INTERNAL`] of each document.
    flags: Vec<u8>,
}

/// The document is an organisation's.
const ORGANISATION: u8 = 1;
/// The document is of an internal record.
const INTERNAL: u8 = 2;

impl SegmentFacets {
    fn load(segment: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let mut columns: [Option<StrColumn>; N] = Default::default();
        let mut first_slot = [0u32; N];
        let (mut facet_of, mut values) = (Vec::new(), Vec::new());
        for (i, name) in FACETS.iter().enumerate() {
            first_slot[i] = values.len() as u32;
            let Some(column) = segment.fast_fields().str(name)? else {
                continue;
            };
            for ord in 0..column.num_terms() as u64 {
                let mut value = String::new();
                column.ord_to_str(ord, &mut value)?;
                values.push(value);
                facet_of.push(i as u8);
            }
            columns[i] = Some(column);
        }
        let max_doc = segment.max_doc();
        let flags = Self::flags(segment, &columns)?;
        let mut offsets = Vec::with_capacity(max_doc as usize + 1);
        let mut slots = Vec::with_capacity(max_doc as usize * 3);
        for doc in 0..max_doc {
            offsets.push(slots.len() as u32);
            for (i, column) in columns.iter().enumerate() {
                if let Some(column) = column {
                    slots.extend(column.term_ords(doc).map(|o| first_slot[i] + o as u32));
                }
            }
        }
        offsets.push(slots.len() as u32);
        Ok(SegmentFacets {
            columns,
            first_slot,
            facet_of,
            values,
            offsets,
            slots,
            flags,
        })
    }

    /// Which documents are organisations' and which are internal.
    fn flags(
        segment: &SegmentReader,
        columns: &[Option<StrColumn>; N],
    ) -> tantivy::Result<Vec<u8>> {
        let mut flags = vec![0u8; segment.max_doc() as usize];
        let visibility = segment.fast_fields().str("visibility")?;
        let mut mark = |column: Option<&StrColumn>, value: &str, flag: u8| -> tantivy::Result<()> {
            let Some(column) = column else { return Ok(()) };
            let Some(wanted) = column.dictionary().term_ord(value)? else {
                return Ok(());
            };
            for (doc, flags) in flags.iter_mut().enumerate() {
                if column.term_ords(doc as DocId).any(|o| o == wanted) {
                    *flags |= flag;
                }
            }
            Ok(())
        };
        let organisations = Collection::Organisations.as_str();
        mark(columns[facet::TYPE].as_ref(), organisations, ORGANISATION)?;
        mark(visibility.as_ref(), Visibility::Internal.as_str(), INTERNAL)?;
        Ok(flags)
    }

    /// The value slots of `doc`.
    fn slots(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        &self.slots[self.offsets[doc] as usize..self.offsets[doc + 1] as usize]
    }
}

/// Facet arrays of the live segments, shared by every query.
#[derive(Default)]
pub struct FacetCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetCache {
    /// The arrays of `segment`, loaded on first use.
    fn get(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentFacets>> {
        let id = segment.segment_id();
        if let Some(found) = self.lock().get(&id) {
            return Ok(found.clone());
        }
        // Loaded outside the lock; a concurrent load of the same segment is harmless.
        let loaded = Arc::new(SegmentFacets::load(segment)?);
        self.lock().insert(id, loaded.clone());
        Ok(loaded)
    }

    /// Loads the arrays of new segments and forgets those merged away.
    pub fn refresh(&self, segments: &[SegmentReader]) -> tantivy::Result<()> {
        self.lock()
            .retain(|id, _| segments.iter().any(|s| s.segment_id() == *id));
        for segment in segments {
            self.get(segment)?;
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentFacets>>> {
        // The map holds no invariant a panic could break.
        self.segments.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// What the collector finds: the inner fruit, the number of documents that
/// pass every filter, and the facet counts.
pub struct Faceted<F> {
    /// The inner collector's result over the documents that pass every filter.
    pub inner: F,
    /// Documents that pass every filter.
    pub total: usize,
    /// Counts per facet.
    pub facets: FacetCounts,
}

/// Who searches, and what ranks a match beyond its text.
#[derive(Debug, Clone, Copy)]
pub struct Ranking {
    /// Internal records are left out.
    pub public_only: bool,
    /// What an organisation adds to its score.
    pub organisation_boost: Score,
}

/// Leaves out what the audience may not find, ranks organisations up, applies
/// facet filters and counts facets around an inner collector.
///
/// The audience and the preference were query clauses before: each match
/// then sought two more posting lists, one of them (the organisations) held
/// by most of the index.
pub struct FacetCollector<'a, C> {
    inner: C,
    cache: &'a FacetCache,
    /// Accepted values per facet; `None` accepts every document.
    filters: [Option<Vec<String>>; N],
    ranking: Ranking,
    counting: bool,
}

impl<'a, C> FacetCollector<'a, C> {
    /// Wraps `inner`; `filters` are in [`FACETS`] order.
    pub fn new(
        inner: C,
        cache: &'a FacetCache,
        filters: [Option<Vec<String>>; N],
        ranking: Ranking,
    ) -> Self {
        FacetCollector {
            inner,
            cache,
            filters,
            ranking,
            counting: true,
        }
    }

    /// Leaves facets uncounted (suggestions show none).
    pub fn without_counts(mut self) -> Self {
        self.counting = false;
        self
    }
}

/// The per-segment half of [`FacetCollector`].
pub struct FacetSegmentCollector<S> {
    inner: S,
    facets: Arc<SegmentFacets>,
    /// The filtered facets, one bit each.
    filtered: u8,
    /// For each slot, the filters its value satisfies (one bit per facet).
    satisfies: Vec<u8>,
    /// Matches counted per slot.
    counts: Vec<u64>,
    total: usize,
    ranking: Ranking,
    counting: bool,
}

impl<C: Collector> Collector for FacetCollector<'_, C> {
    type Fruit = Faceted<C::Fruit>;
    type Child = FacetSegmentCollector<C::Child>;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let inner = self.inner.for_segment(segment_ord, segment)?;
        let facets = self.cache.get(segment)?;
        let mut filtered = 0u8;
        let mut satisfies = vec![0u8; facets.values.len()];
        for (i, accepted) in self.filters.iter().enumerate() {
            let Some(accepted) = accepted else { continue };
            filtered |= 1 << i;
            let Some(column) = &facets.columns[i] else {
                continue;
            };
            for value in accepted {
                if let Some(ord) = column.dictionary().term_ord(value)? {
                    satisfies[(facets.first_slot[i] + ord as u32) as usize] |= 1 << i;
                }
            }
        }
        Ok(FacetSegmentCollector {
            inner,
            counts: vec![0; facets.values.len()],
            facets,
            filtered,
            satisfies,
            total: 0,
            ranking: self.ranking,
            counting: self.counting,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut inner = Vec::with_capacity(fruits.len());
        let mut total = 0;
        let mut facets: FacetCounts = FACETS
            .iter()
            .map(|name| (name.to_string(), BTreeMap::new()))
            .collect();
        for (fruit, segment_total, segment_facets) in fruits {
            inner.push(fruit);
            total += segment_total;
            for (name, values) in segment_facets {
                let merged = facets.entry(name).or_default();
                for (value, count) in values {
                    *merged.entry(value).or_default() += count;
                }
            }
        }
        Ok(Faceted {
            inner: self.inner.merge_fruits(inner)?,
            total,
            facets,
        })
    }
}

impl<S: SegmentCollector> SegmentCollector for FacetSegmentCollector<S> {
    type Fruit = (S::Fruit, usize, FacetCounts);

    fn collect(&mut self, doc: DocId, score: Score) {
        let flags = self.facets.flags[doc as usize];
        if self.ranking.public_only && flags & INTERNAL != 0 {
            return;
        }
        let score = if flags & ORGANISATION != 0 {
            score + self.ranking.organisation_boost
        } else {
            score
        };
        if self.filtered == 0 {
            self.total += 1;
            self.inner.collect(doc, score);
            if self.counting {
                for &slot in self.facets.slots(doc) {
                    self.counts[slot as usize] += 1;
                }
            }
            return;
        }
        let slots = self.facets.slots(doc);
        let satisfied = slots
            .iter()
            .fold(0u8, |bits, &slot| bits | self.satisfies[slot as usize]);
        let failed = self.filtered & !satisfied;
        if failed == 0 {
            self.total += 1;
            self.inner.collect(doc, score);
        }
        if self.counting {
            for &slot in slots {
                // Counted when every filter but this facet's own passes.
                let facet = self.facets.facet_of[slot as usize];
                if failed & !(1 << facet) == 0 {
                    self.counts[slot as usize] += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut facets = FacetCounts::new();
        for (i, name) in FACETS.iter().enumerate() {
            if self.facets.columns[i].is_some() {
                facets.insert(name.to_string(), BTreeMap::new());
            }
        }
        for (slot, &count) in self.counts.iter().enumerate() {
            if count > 0 {
                let name = FACETS[self.facets.facet_of[slot] as usize];
                let value = self.facets.values[slot].clone();
                facets
                    .entry(name.to_string())
                    .or_default()
                    .insert(value, count);
            }
        }
        (self.inner.harvest(), self.total, facets)
    }
}
