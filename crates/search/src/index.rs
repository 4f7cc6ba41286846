//! The index's lifecycle: open, rebuild, sync (its searches: [`searches`]).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard};

use kizuna_core::Snapshot;
use kizuna_domain::{Collection, Slug};
use tantivy::schema::Schema;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, Term,
};

use crate::SearchError;
use crate::document::{DocBuilder, key};
use crate::facets::FacetCache;
use crate::links::dependants;
use crate::schema::{Fields, SCHEMA_VERSION};
use crate::stored::StoredCache;
use crate::tokenizer::{TOKENIZER, analyzer};

mod searches;

/// Bytes of stored text compressed together (see [`settings`]).
const DOCSTORE_BLOCK_BYTES: usize = 4096;
/// Memory the writer may buffer before it flushes a segment.
const WRITER_BUDGET: usize = 50_000_000;
/// Marks a directory as holding an index of this [`SCHEMA_VERSION`].
const VERSION_FILE: &str = "kizuna-search-version";
/// Deepest offset served; deeper pages are empty.
pub const MAX_OFFSET: usize = 10_000;

/// The search index: one reader for every query, one writer behind a lock.
pub struct SearchIndex {
    fields: Fields,
    reader: IndexReader,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    analyzer: TextAnalyzer,
    facets: FacetCache,
    stored: StoredCache,
    revision: AtomicI64,
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> SearchError + '_ {
    move |source| SearchError::Io {
        path: path.to_owned(),
        source,
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and `dir`) when missing; an index
    /// of another schema version is wiped, since it can be rebuilt.
    pub fn open_or_create(dir: &Path) -> Result<Self, SearchError> {
        fs::create_dir_all(dir).map_err(io_error(dir))?;
        let (schema, fields) = Fields::build();
        let version_path = dir.join(VERSION_FILE);
        let version = fs::read_to_string(&version_path).ok();
        let has_index = dir.join("meta.json").exists();
        let current = version.as_deref().map(str::trim) == Some(&SCHEMA_VERSION.to_string());
        let existing = if has_index && current {
            open_matching(dir, &schema)
        } else {
            None
        };
        let index = match existing {
            Some(index) => index,
            None => {
                let non_empty = fs::read_dir(dir).map_err(io_error(dir))?.next().is_some();
                if non_empty {
                    // Only wipe what is recognisably ours.
                    if !has_index && version.is_none() {
                        return Err(SearchError::NotAnIndex(dir.to_owned()));
                    }
                    tracing::warn!(dir = %dir.display(), "search index is outdated; recreating it");
                    fs::remove_dir_all(dir).map_err(io_error(dir))?;
                    fs::create_dir_all(dir).map_err(io_error(dir))?;
                }
                let index = Index::builder()
                    .schema(schema)
                    .settings(settings())
                    .create_in_dir(dir)?;
                fs::write(&version_path, SCHEMA_VERSION.to_string())
                    .map_err(io_error(&version_path))?;
                index
            }
        };
        Self::with_index(index, fields)
    }

    /// An index held in memory only (tests, one-off tools).
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = Fields::build();
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_ram()?;
        Self::with_index(index, fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self, SearchError> {
        // Tokenizers are not persisted: register ours before any writer or query uses it.
        index.tokenizers().register(TOKENIZER, analyzer());
        let writer = index.writer_with_num_threads(1, WRITER_BUDGET)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let revision = index
            .load_metas()?
            .payload
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or(0);
        let index = SearchIndex {
            fields,
            reader,
            writer: Mutex::new(writer),
            analyzer: analyzer(),
            facets: FacetCache::default(),
            stored: StoredCache::default(),
            revision: AtomicI64::new(revision),
        };
        index.warm()?;
        Ok(index)
    }

    /// The registry revision the index reflects; 0 when it was never filled.
    pub fn indexed_revision(&self) -> i64 {
        self.revision.load(Ordering::Acquire)
    }

    fn writer(&self) -> Result<MutexGuard<'_, IndexWriter<TantivyDocument>>, SearchError> {
        self.writer.lock().map_err(|_| SearchError::Poisoned)
    }

    /// Replaces the whole index with the records of `snapshot`.
    pub fn rebuild(&self, snapshot: &Snapshot) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        let result = (|| {
            writer.delete_all_documents()?;
            DocBuilder::new(&self.fields, snapshot)
                .for_each(|_, _| true, |_, _, doc| writer.add_document(doc).map(drop))?;
            self.commit(&mut writer, snapshot.revision)?;
            self.merge_all(&mut writer);
            Ok(())
        })();
        self.finish(&mut writer, result)
    }

    /// Merges every segment into one: a rebuild leaves several, and each
    /// query walks every segment's term dictionaries (its typo-tolerant words
    /// once per segment and field), so one segment answers fastest. A failed
    /// merge (one of them already merging) leaves a correct index as it was.
    fn merge_all(&self, writer: &mut IndexWriter<TantivyDocument>) {
        let ids: Vec<_> = self
            .reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        if ids.len() < 2 {
            return;
        }
        let merged = writer
            .merge(&ids)
            .wait()
            .and_then(|_| self.reader.reload())
            .and_then(|_| self.warm());
        if let Err(e) = merged {
            tracing::warn!(error = %e, segments = ids.len(), "search index segments not merged");
        }
    }

    /// Number of segments the searcher reads.
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Re-indexes the `changed` records from `snapshot` (deleting those it no
    /// longer holds) and the records that show their names, then commits `revision`.
    pub fn sync(
        &self,
        snapshot: &Snapshot,
        changed: &[(Collection, String)],
        revision: i64,
    ) -> Result<(), SearchError> {
        let changed_orgs: BTreeSet<Slug> = changed
            .iter()
            .filter(|(c, _)| *c == Collection::Organisations)
            .filter_map(|(_, id)| id.parse().ok())
            .collect();
        let mut wanted: HashMap<Collection, HashSet<String>> = HashMap::new();
        let extra = dependants(snapshot, &changed_orgs);
        for (collection, id) in changed.iter().chain(&extra) {
            wanted.entry(*collection).or_default().insert(id.clone());
        }
        let mut writer = self.writer()?;
        let result = (|| {
            for (collection, ids) in &wanted {
                for id in ids {
                    let term = Term::from_field_text(self.fields.key, &key(*collection, id));
                    writer.delete_term(term);
                }
            }
            DocBuilder::new(&self.fields, snapshot).for_each(
                |c, id| wanted.get(&c).is_some_and(|ids| ids.contains(id)),
                |_, _, doc| writer.add_document(doc).map(drop),
            )?;
            self.commit(&mut writer, revision)
        })();
        self.finish(&mut writer, result)
    }

    fn commit(
        &self,
        writer: &mut IndexWriter<TantivyDocument>,
        revision: i64,
    ) -> tantivy::Result<()> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&revision.to_string());
        prepared.commit()?;
        // Manual reload: a change is searchable as soon as sync returns.
        self.reader.reload()?;
        self.warm()?;
        self.revision.store(revision, Ordering::Release);
        Ok(())
    }

    /// Prepares the facet arrays of the current segments so no query pays
    /// for them, and forgets the stored hits of segments merged away.
    fn warm(&self) -> tantivy::Result<()> {
        let searcher = self.reader.searcher();
        self.stored.retain(searcher.segment_readers());
        self.facets.refresh(searcher.segment_readers())
    }

    /// Drops the uncommitted operations of a failed write so the next one starts clean.
    fn finish(
        &self,
        writer: &mut IndexWriter<TantivyDocument>,
        result: tantivy::Result<()>,
    ) -> Result<(), SearchError> {
        if let Err(e) = result {
            if let Err(rollback) = writer.rollback() {
                tracing::error!(error = %rollback, "search index rollback failed");
            }
            return Err(e.into());
        }
        Ok(())
    }

    /// Number of documents in the index (every record, internal ones included).
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Small stored blocks: a page of hits reads one block per hit, and a hit's
/// block is decompressed whole (tantivy's default of 16 KiB cost a tenth of
/// a query at 50k organisations).
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    }
}

/// The index in `dir` when it opens and has exactly our schema.
fn open_matching(dir: &Path, schema: &Schema) -> Option<Index> {
    match Index::open_in_dir(dir) {
        Ok(index) if index.schema() == *schema => Some(index),
        Ok(_) => None,
        Err(e) => {
            tracing::warn!(dir = %dir.display(), error = %e, "search index unreadable");
            None
        }
    }
}
