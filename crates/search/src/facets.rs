//! Filters and facet counts in one pass over the query's matches.
//!
//! The text query runs without the facet filters; this collector applies them
//! and hands the documents that pass all of them to the inner (top-docs)
//! collector. Each facet is counted over the documents that pass every
//! *other* filter, so choosing `country=JP` still shows how many hits the
//! other countries would give.
//!
//! Facet values are read from the fast fields once per segment into flat
//! arrays ([`SegmentFacets`]) and cached: an empty query visits every document,
//! and reading six columns per document through their indexes would dominate it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::FACETS;

const N: usize = FACETS.len();

/// Facet counts by facet name and value.
pub type FacetCounts = BTreeMap<String, BTreeMap<String, u64>>;

/// One facet of one segment: the column (for its dictionary), every
/// document's term ordinals, `ords[offsets[doc]..offsets[doc + 1]]`, and the
/// value of each ordinal (looking values up in the dictionary per query cost
/// a twentieth of a search).
struct FacetColumn {
    column: StrColumn,
    offsets: Vec<u32>,
    ords: Vec<u32>,
    values: Vec<String>,
}

/// The facet values of every document of one segment.
pub struct SegmentFacets {
    columns: [Option<FacetColumn>; N],
}

impl SegmentFacets {
    fn load(segment: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let mut columns: [Option<FacetColumn>; N] = Default::default();
        for (i, name) in FACETS.iter().enumerate() {
            let Some(column) = segment.fast_fields().str(name)? else {
                continue;
            };
            let max_doc = segment.max_doc();
            let mut offsets = Vec::with_capacity(max_doc as usize + 1);
            let mut ords = Vec::with_capacity(max_doc as usize);
            for doc in 0..max_doc {
                offsets.push(ords.len() as u32);
                ords.extend(column.term_ords(doc).map(|o| o as u32));
            }
            offsets.push(ords.len() as u32);
            let mut values = Vec::with_capacity(column.num_terms());
            for ord in 0..column.num_terms() as u64 {
                let mut value = String::new();
                column.ord_to_str(ord, &mut value)?;
                values.push(value);
            }
            columns[i] = Some(FacetColumn {
                column,
                offsets,
                ords,
                values,
            });
        }
        Ok(SegmentFacets { columns })
    }

    /// Term ordinals of facet `i` for `doc`.
    fn ords(&self, i: usize, doc: DocId) -> &[u32] {
        match &self.columns[i] {
            Some(c) => {
                let doc = doc as usize;
                &c.ords[c.offsets[doc] as usize..c.offsets[doc + 1] as usize]
            }
            None => &[],
        }
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

/// Applies facet filters and counts facets around an inner collector.
pub struct FacetCollector<'a, C> {
    inner: C,
    cache: &'a FacetCache,
    /// Accepted values per facet; `None` accepts every document.
    filters: [Option<Vec<String>>; N],
}

impl<'a, C> FacetCollector<'a, C> {
    /// Wraps `inner`; `filters` are in [`FACETS`] order.
    pub fn new(inner: C, cache: &'a FacetCache, filters: [Option<Vec<String>>; N]) -> Self {
        FacetCollector {
            inner,
            cache,
            filters,
        }
    }
}

/// The per-segment half of [`FacetCollector`].
pub struct FacetSegmentCollector<S> {
    inner: S,
    facets: Arc<SegmentFacets>,
    /// Accepted term ordinals per facet in this segment.
    wanted: [Option<Vec<u32>>; N],
    counts: [Vec<u64>; N],
    total: usize,
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
        let mut wanted: [Option<Vec<u32>>; N] = Default::default();
        let mut counts: [Vec<u64>; N] = Default::default();
        for i in 0..N {
            let column = facets.columns[i].as_ref().map(|c| &c.column);
            if let Some(column) = column {
                counts[i] = vec![0; column.num_terms()];
            }
            if let Some(values) = &self.filters[i] {
                let mut ords = Vec::with_capacity(values.len());
                if let Some(column) = column {
                    for value in values {
                        let ord = column.dictionary().term_ord(value)?;
                        ords.extend(ord.map(|o| o as u32));
                    }
                }
                wanted[i] = Some(ords);
            }
        }
        Ok(FacetSegmentCollector {
            inner,
            facets,
            wanted,
            counts,
            total: 0,
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
        let mut failed = 0u32;
        for (i, wanted) in self.wanted.iter().enumerate() {
            if let Some(wanted) = wanted
                && !self.facets.ords(i, doc).iter().any(|o| wanted.contains(o))
            {
                failed |= 1 << i;
            }
        }
        if failed == 0 {
            self.total += 1;
            self.inner.collect(doc, score);
        }
        for (i, counts) in self.counts.iter_mut().enumerate() {
            // Counted when every filter but this facet's own passes.
            if failed & !(1 << i) == 0 {
                for &ord in self.facets.ords(i, doc) {
                    counts[ord as usize] += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut facets = FacetCounts::new();
        for (i, name) in FACETS.iter().enumerate() {
            let Some(column) = &self.facets.columns[i] else {
                continue;
            };
            let values = facets.entry(name.to_string()).or_default();
            for (value, &count) in column.values.iter().zip(&self.counts[i]) {
                if count > 0 {
                    values.insert(value.clone(), count);
                }
            }
        }
        (self.inner.harvest(), self.total, facets)
    }
}
