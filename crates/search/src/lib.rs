//! Kizuna's search: an in-process Tantivy index over every record.
//!
//! CJK text is indexed as overlapping bigrams beside folded, lowercased Latin
//! words; Latin words tolerate one typo; exact names and acronyms rank first;
//! facet counts come from fast fields. The index follows the registry's
//! revision: [`SearchIndex::rebuild`] from a snapshot, then
//! [`SearchIndex::sync`] for each change.

mod any_of;
mod countries;
mod document;
mod facets;
mod fuzzy;
mod index;
mod links;
mod query;
mod refs;
mod schema;
mod snippet;
mod spelling;
mod stored;
mod terms;
mod text;
mod tokenizer;

use std::collections::BTreeMap;
use std::path::PathBuf;

use kizuna_domain::{Collection, CountryCode, Visibility};
use serde::Serialize;
use utoipa::ToSchema;

pub use countries::country_names;
pub use index::{MAX_OFFSET, SearchIndex};
pub use schema::{FACETS, SCHEMA_VERSION};
pub use tokenizer::{CjkBigramTokenizer, TOKENIZER, analyzer, is_cjk, normalise};

/// Why the index could not be opened, written or searched.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Tantivy failed.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// A file of the index directory could not be read or written.
    #[error("search index directory {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The directory holds other files; wiping it to rebuild would destroy them.
    #[error("{0} is not empty and holds no search index; give the index a directory of its own")]
    NotAnIndex(PathBuf),
    /// A writer panicked while holding the lock; the index must be reopened.
    #[error("the search index writer was poisoned by an earlier panic")]
    Poisoned,
}

/// A search: text, filters and a page.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// What the user typed; empty (or only spaces) lists everything that passes
    /// the filters, while text with nothing searchable in it (`*`, `(`, one
    /// overlong word) finds nothing, or only an exact name match.
    pub q: String,
    /// Collections to search; empty means all.
    pub types: Vec<Collection>,
    /// Country (for agreements and programmes: a partner's country).
    pub country: Option<CountryCode>,
    /// Kind word of the record (`education`, `student_exchange`, `fellowship`…).
    pub kind: Option<String>,
    /// Agreement level.
    pub level: Option<String>,
    /// Education level of agreements and programmes.
    pub education_level: Option<String>,
    /// Career stage of funding opportunities.
    pub career_stage: Option<String>,
    /// Leave internal records out.
    pub public_only: bool,
    /// Title hits as a reader of this language (BCP 47) sees them: an
    /// organisation by its name in that language where it has one. None
    /// titles every hit by its display name.
    pub lang: Option<String>,
    /// Hits per page; 0 means the default (20).
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Hit {
    /// Its collection, e.g. `organisations`.
    #[serde(rename = "type")]
    pub kind: Collection,
    /// Its id.
    pub id: String,
    /// Its title or display name (plain text).
    pub title: String,
    /// HTML: escaped text with the matches in `<mark>`.
    pub snippet: String,
    /// Relevance; only comparable within one result list.
    pub score: f32,
    /// `internal` for a record only staff may see (never in a public search).
    pub visibility: Visibility,
}

/// A page of hits with facet counts over every match.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// Counts per facet (`type`, `country`, `kind`, `level`, `education_level`,
    /// `career_stage`) and value; each facet is counted with the other filters applied.
    pub facets: BTreeMap<String, BTreeMap<String, u64>>,
    /// Matches that pass every filter.
    pub total: usize,
    /// No record holds every word of the query: these hits hold some of them,
    /// those holding more first; false when every hit holds every word.
    pub partial: bool,
}
