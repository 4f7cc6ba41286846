//! What a hit shows (its collection, id, title, visibility and the texts
//! snippets are cut from), kept in memory once a query has read it.
//!
//! Reading a hit from tantivy's doc store decompresses its whole block,
//! seeks the block's index and decodes every stored field: an eighth of the
//! search page's CPU at 150k organisations. A segment's documents never
//! change, so what was read once is kept per segment until the segment is
//! merged away. At most every document's stored text is held, decompressed,
//! and only what searches have shown.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use kizuna_domain::{Collection, Visibility};
use tantivy::index::SegmentId;
use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, DocId, Searcher, SegmentReader, TantivyDocument};

use crate::schema::{Fields, facet};

/// The stored fields of one document.
#[derive(Debug)]
pub struct StoredHit {
    /// None when the stored collection word is unknown (the hit is skipped).
    pub kind: Option<Collection>,
    /// A document without a readable visibility is treated as internal.
    pub visibility: Visibility,
    /// Id, title, summary and fallback, one after the other: one allocation.
    text: Box<str>,
    /// Where the id, title and summary end in `text`.
    ends: [usize; 3],
    /// `lang:title` for each language whose reader sees another title.
    titles: Box<[Box<str>]>,
}

impl StoredHit {
    fn read(doc: &TantivyDocument, f: &Fields) -> StoredHit {
        let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("");
        let parts = [text(f.id), text(f.title), text(f.summary), text(f.fallback)];
        let mut joined = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        let mut ends = [0; 3];
        for (i, part) in parts.iter().enumerate() {
            joined.push_str(part);
            if let Some(end) = ends.get_mut(i) {
                *end = joined.len();
            }
        }
        StoredHit {
            kind: text(f.facets[facet::TYPE]).parse().ok(),
            visibility: text(f.visibility).parse().unwrap_or(Visibility::Internal),
            text: joined.into_boxed_str(),
            ends,
            titles: doc
                .get_all(f.titles)
                .filter_map(|v| v.as_str())
                .map(Box::from)
                .collect(),
        }
    }

    /// The record's id.
    pub fn id(&self) -> &str {
        &self.text[..self.ends[0]]
    }

    /// Its title or display name, as a reader of `lang` (a primary
    /// subtag, lower-cased) sees it.
    pub fn title(&self, lang: Option<&str>) -> &str {
        let in_lang = lang.and_then(|lang| {
            self.titles
                .iter()
                .find_map(|t| t.split_once(':').filter(|(l, _)| *l == lang))
        });
        match in_lang {
            Some((_, title)) => title,
            None => &self.text[self.ends[0]..self.ends[1]],
        }
    }

    /// The text snippets are cut from.
    pub fn summary(&self) -> &str {
        &self.text[self.ends[1]..self.ends[2]]
    }

    /// The text shown when nothing highlights.
    pub fn fallback(&self) -> &str {
        &self.text[self.ends[2]..]
    }
}

/// One segment's documents, each read on first use.
struct SegmentHits {
    docs: Box<[OnceLock<Box<StoredHit>>]>,
}

/// The stored fields of the documents searches have shown, per segment.
#[derive(Default)]
pub struct StoredCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentHits>>>,
}

impl StoredCache {
    /// Calls `each` with every found item and its document's stored fields, in order.
    pub fn read<T>(
        &self,
        searcher: &Searcher,
        fields: &Fields,
        found: impl IntoIterator<Item = (T, DocAddress)>,
        mut each: impl FnMut(T, &StoredHit),
    ) -> tantivy::Result<()> {
        let mut segment: Option<(u32, Arc<SegmentHits>)> = None;
        for (item, address) in found {
            let hits = match &segment {
                Some((ord, hits)) if *ord == address.segment_ord => hits.clone(),
                _ => {
                    let hits = self.segment(searcher.segment_reader(address.segment_ord));
                    segment = Some((address.segment_ord, hits.clone()));
                    hits
                }
            };
            let Some(slot) = hits.docs.get(address.doc_id as usize) else {
                continue;
            };
            let hit = match slot.get() {
                Some(hit) => hit,
                None => {
                    let doc: TantivyDocument = searcher.doc(address)?;
                    slot.get_or_init(|| Box::new(StoredHit::read(&doc, fields)))
                }
            };
            each(item, hit);
        }
        Ok(())
    }

    fn segment(&self, reader: &SegmentReader) -> Arc<SegmentHits> {
        let max_doc: DocId = reader.max_doc();
        self.lock()
            .entry(reader.segment_id())
            .or_insert_with(|| {
                Arc::new(SegmentHits {
                    docs: (0..max_doc).map(|_| OnceLock::new()).collect(),
                })
            })
            .clone()
    }

    /// Forgets the segments that were merged away.
    pub fn retain(&self, segments: &[SegmentReader]) {
        self.lock()
            .retain(|id, _| segments.iter().any(|s| s.segment_id() == *id));
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<SegmentId, Arc<SegmentHits>>> {
        // The map holds no invariant a panic could break.
        self.segments.lock().unwrap_or_else(|e| e.into_inner())
    }
}
