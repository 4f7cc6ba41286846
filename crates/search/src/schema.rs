//! The index schema: one document per record, whatever its collection.

use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::tokenizer::TOKENIZER;

/// Bump when the schema or the tokenisation changes: an index written by
/// another version is wiped and rebuilt instead of being misread.
///
/// 2: visibility is stored (hits say it); documents of public records no
/// longer carry internal organisations, so older indexes must be rebuilt.
/// 3: draft agreements are indexed as internal.
/// 4: subject areas carry their ISCED names, records their collection word,
/// funding its deadlines.
/// 5: subject areas, education levels, career stages and kinds carry their
/// words in English, Swedish and Japanese.
/// 6: stored text in blocks of 4 KiB (was 16 KiB).
/// 7: organisations store the name they show in each language they have one in.
pub const SCHEMA_VERSION: u32 = 7;

/// Facet fields, in the order facet counts and filters use them.
pub const FACETS: [&str; 6] = [
    "type",
    "country",
    "kind",
    "level",
    "education_level",
    "career_stage",
];

/// Position of each facet in [`FACETS`].
pub mod facet {
    /// Collection word.
    pub const TYPE: usize = 0;
    /// Country code (partner countries for agreements and programmes).
    pub const COUNTRY: usize = 1;
    /// The record's kind word.
    pub const KIND: usize = 2;
    /// Agreement level.
    pub const LEVEL: usize = 3;
    /// Education levels of agreements and programmes.
    pub const EDUCATION_LEVEL: usize = 4;
    /// Career stages of funding.
    pub const CAREER_STAGE: usize = 5;
}

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// `collection/id`, unique; used to delete a record's document.
    pub key: Field,
    /// Record id.
    pub id: Field,
    /// Title or display name, searched and shown.
    pub title: Field,
    /// Other names and acronyms.
    pub names: Field,
    /// Everything else worth finding the record by.
    pub body: Field,
    /// Whole names, titles and identifiers, normalised, for exact-match boosts.
    pub exact: Field,
    /// `public` or `internal`.
    pub visibility: Field,
    /// Text snippets are cut from (stored only).
    pub summary: Field,
    /// Short plain text shown when nothing highlights (stored only).
    pub fallback: Field,
    /// `lang:title`, the title a reader of that language sees where it is
    /// not `title` (stored only; see [`crate::SearchQuery::lang`]).
    pub titles: Field,
    /// Facet fields, in [`FACETS`] order.
    pub facets: [Field; 6],
}

impl Fields {
    /// Builds the schema and the handles to its fields.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = |stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default().set_indexing_options(indexing);
            if stored { options | STORED } else { options }
        };
        let key = b.add_text_field("key", STRING);
        let id = b.add_text_field("id", STORED);
        let title = b.add_text_field("title", text(true));
        let names = b.add_text_field("names", text(false));
        let body = b.add_text_field("body", text(false));
        let exact = b.add_text_field("exact", STRING);
        let visibility = b.add_text_field("visibility", STRING | FAST | STORED);
        let summary = b.add_text_field("summary", STORED);
        let fallback = b.add_text_field("fallback", STORED);
        let titles = b.add_text_field("titles", STORED);
        // Only the type is read back (to name the hit's collection).
        let facets = FACETS.map(|name| {
            let options = if name == FACETS[facet::TYPE] {
                STRING | FAST | STORED
            } else {
                STRING | FAST
            };
            b.add_text_field(name, options)
        });
        let fields = Fields {
            key,
            id,
            title,
            names,
            body,
            exact,
            visibility,
            summary,
            fallback,
            titles,
            facets,
        };
        (b.build(), fields)
    }
}
