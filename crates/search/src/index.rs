//! The index's lifecycle (open, rebuild, sync) and its searches.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard};

use kizuna_core::Snapshot;
use kizuna_domain::names::primary_subtag;
use kizuna_domain::{Collection, Slug};
use tantivy::collector::TopDocs;
use tantivy::schema::Schema;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DocAddress, Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, Score, Searcher,
    TantivyDocument, Term,
};

use crate::document::{DocBuilder, key};
use crate::facets::{FacetCache, FacetCollector, Ranking};
use crate::links::dependants;
use crate::query::{self, Parsed};
use crate::schema::{FACETS, Fields, SCHEMA_VERSION, facet};
use crate::snippet::Highlighter;
use crate::spelling::keep_typos_for_unknown_words;
use crate::stored::StoredCache;
use crate::tokenizer::{TOKENIZER, analyzer};
use crate::{Hit, SearchError, SearchQuery, SearchResults};

/// Bytes of stored text compressed together (see [`settings`]).
const DOCSTORE_BLOCK_BYTES: usize = 4096;
/// Memory the writer may buffer before it flushes a segment.
const WRITER_BUDGET: usize = 50_000_000;
/// Marks a directory as holding an index of this [`SCHEMA_VERSION`].
const VERSION_FILE: &str = "kizuna-search-version";
/// Hits per page when the query does not say.
const DEFAULT_LIMIT: usize = 20;
/// Most hits one page may ask for.
const MAX_LIMIT: usize = 1000;
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

    /// Searches: hits of the requested page, facet counts and the total.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let parsed = self.parse(&searcher, &q.q, false);
        let query = query::build(&parsed, &self.fields);
        let limit = match q.limit {
            0 => DEFAULT_LIMIT,
            n => n.min(MAX_LIMIT),
        };
        // Tantivy keeps offset + limit candidates in memory: a page far beyond
        // any real result list is answered empty instead of allocated for.
        let beyond = q.offset > MAX_OFFSET;
        let (limit, offset) = if beyond { (1, 0) } else { (limit, q.offset) };
        let mut filters: [Option<Vec<String>>; FACETS.len()] = Default::default();
        if !q.types.is_empty() {
            filters[facet::TYPE] = Some(q.types.iter().map(|t| t.as_str().to_owned()).collect());
        }
        filters[facet::COUNTRY] = q.country.map(|c| vec![c.as_str().to_owned()]);
        filters[facet::KIND] = q.kind.clone().map(|k| vec![k]);
        filters[facet::LEVEL] = q.level.clone().map(|l| vec![l]);
        filters[facet::EDUCATION_LEVEL] = q.education_level.clone().map(|l| vec![l]);
        filters[facet::CAREER_STAGE] = q.career_stage.clone().map(|s| vec![s]);
        let top = TopDocs::with_limit(limit)
            .and_offset(offset)
            .order_by_score();
        let ranking = Ranking {
            public_only: q.public_only,
            organisation_boost: query::ORGANISATION_BOOST,
        };
        let collector = FacetCollector::new(top, &self.facets, filters, ranking);
        let mut found = searcher.search(&*query, &collector)?;
        // No record holds every word: the closest ones, said to be partial.
        let partial = found.total == 0 && parsed.groups.len() > 1;
        if partial {
            let closest = query::build_partial(&parsed, &self.fields);
            found = searcher.search(&*closest, &collector)?;
        }
        let hits = if beyond {
            Vec::new()
        } else {
            self.hits(&searcher, &parsed, q.lang.as_deref(), found.inner)?
        };
        Ok(SearchResults {
            hits,
            partial: partial && found.total > 0,
            facets: found.facets,
            total: found.total,
        })
    }

    /// As-you-type suggestions: the last word matches as a prefix.
    pub fn suggest(
        &self,
        prefix: &str,
        public_only: bool,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let searcher = self.reader.searcher();
        let parsed = self.parse(&searcher, prefix, true);
        if parsed.groups.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let query = query::build(&parsed, &self.fields);
        let top = TopDocs::with_limit(limit.min(MAX_LIMIT)).order_by_score();
        let ranking = Ranking {
            public_only,
            organisation_boost: query::ORGANISATION_BOOST_TYPING,
        };
        let collector =
            FacetCollector::new(top, &self.facets, Default::default(), ranking).without_counts();
        let found = searcher.search(&*query, &collector)?;
        self.hits(&searcher, &parsed, None, found.inner)
    }

    /// Takes the query apart; words the index holds as typed match as typed.
    fn parse(&self, searcher: &Searcher, text: &str, prefix_last: bool) -> Parsed {
        let mut parsed = query::parse(text, &mut self.analyzer.clone(), prefix_last);
        let f = &self.fields;
        keep_typos_for_unknown_words(&mut parsed, searcher, &[f.title, f.names, f.body]);
        parsed
    }

    fn hits(
        &self,
        searcher: &Searcher,
        parsed: &Parsed,
        lang: Option<&str>,
        found: Vec<(Score, DocAddress)>,
    ) -> Result<Vec<Hit>, SearchError> {
        let lang = lang.map(primary_subtag);
        let highlighter = Highlighter::new(parsed, self.analyzer.clone(), self.fields.summary);
        let mut hits = Vec::with_capacity(found.len());
        self.stored
            .read(searcher, &self.fields, found, |score, stored| {
                if let Some(kind) = stored.kind {
                    hits.push(Hit {
                        kind,
                        id: stored.id().to_owned(),
                        title: stored.title(lang.as_deref()).to_owned(),
                        snippet: highlighter.snippet(stored.summary(), stored.fallback()),
                        score,
                        visibility: stored.visibility,
                    });
                }
            })?;
        Ok(hits)
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
