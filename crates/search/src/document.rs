//! Records flattened into index documents, with names of the records they link to.

use std::collections::BTreeSet;

use kizuna_core::Snapshot;
use kizuna_domain::{Collection, CountryCode, EducationLevel, Organisation, Slug, Visibility};
use tantivy::TantivyDocument;

use crate::countries::country_names;
use crate::refs::Refs;
use crate::schema::{Fields, facet};
use crate::terms::word_terms;
use crate::tokenizer::normalise;

mod flatten;

/// Separates the parts of a summary.
const PART: &str = " — ";

/// The unique key of a record's document.
pub fn key(collection: Collection, id: &str) -> String {
    format!("{collection}/{id}")
}

/// A record in the shape of the index, before it becomes a document.
struct Record {
    collection: Collection,
    id: String,
    title: String,
    names: Vec<String>,
    body: Vec<String>,
    exact: Vec<String>,
    visibility: Visibility,
    countries: BTreeSet<CountryCode>,
    kind: Option<&'static str>,
    level: Option<&'static str>,
    education_levels: Vec<&'static str>,
    career_stages: Vec<&'static str>,
    summary: Vec<String>,
    fallback: Vec<String>,
    /// The title in other languages, as `lang:title`.
    titles: Vec<String>,
}

impl Record {
    fn new(collection: Collection, id: &Slug, title: &str, visibility: Visibility) -> Record {
        Record {
            collection,
            id: id.to_string(),
            title: title.to_owned(),
            names: Vec::new(),
            body: Vec::new(),
            // The id is an exact name too: people paste slugs.
            exact: vec![normalise(title), normalise(id.as_str())],
            visibility,
            countries: BTreeSet::new(),
            kind: None,
            level: None,
            education_levels: Vec::new(),
            career_stages: Vec::new(),
            summary: Vec::new(),
            fallback: Vec::new(),
            titles: Vec::new(),
        }
    }

    /// The education levels an agreement or programme is for: its facet
    /// values, and their codes and words in the text it is found by.
    fn education(&mut self, levels: &[EducationLevel]) {
        self.education_levels = levels.iter().map(|l| l.as_str()).collect();
        self.body
            .extend(levels.iter().map(|l| l.as_str().to_owned()));
        self.body
            .extend(levels.iter().flat_map(|l| word_terms(l.as_str())));
    }

    fn country_names(&mut self) {
        for code in &self.countries {
            self.body.extend(country_names(*code).map(str::to_owned));
        }
    }

    fn into_document(self, f: &Fields) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, key(self.collection, &self.id));
        doc.add_text(f.id, &self.id);
        doc.add_text(f.title, &self.title);
        for name in self.names.iter().filter(|n| **n != self.title) {
            doc.add_text(f.names, name);
        }
        for text in self.body.iter().filter(|t| !t.is_empty()) {
            doc.add_text(f.body, text);
        }
        let exact: BTreeSet<String> = self.exact.into_iter().filter(|e| !e.is_empty()).collect();
        for e in exact {
            doc.add_text(f.exact, e);
        }
        doc.add_text(f.visibility, self.visibility.as_str());
        doc.add_text(f.facets[facet::TYPE], self.collection.as_str());
        for code in &self.countries {
            doc.add_text(f.facets[facet::COUNTRY], code.as_str());
        }
        if let Some(kind) = self.kind {
            doc.add_text(f.facets[facet::KIND], kind);
        }
        if let Some(level) = self.level {
            doc.add_text(f.facets[facet::LEVEL], level);
        }
        for level in dedup(self.education_levels) {
            doc.add_text(f.facets[facet::EDUCATION_LEVEL], level);
        }
        for stage in dedup(self.career_stages) {
            doc.add_text(f.facets[facet::CAREER_STAGE], stage);
        }
        doc.add_text(f.summary, join(&self.summary));
        doc.add_text(f.fallback, join(&self.fallback));
        for title in &self.titles {
            doc.add_text(f.titles, title);
        }
        doc
    }
}

fn dedup(mut words: Vec<&'static str>) -> Vec<&'static str> {
    words.sort_unstable();
    words.dedup();
    words
}

fn join(parts: &[String]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    parts.join(PART)
}

/// An enum word as people write it: `student_exchange` → `student exchange`.
fn words(word: &str) -> String {
    word.replace('_', " ")
}

/// Turns the records of one snapshot into documents.
///
/// Each record but an organisation (whose names say enough) also carries the
/// word people use for its collection: "postdoc funding japan" means funding.
pub struct DocBuilder<'a> {
    fields: &'a Fields,
    snapshot: &'a Snapshot,
}

impl<'a> DocBuilder<'a> {
    /// Builds documents from `snapshot`.
    pub fn new(fields: &'a Fields, snapshot: &'a Snapshot) -> Self {
        DocBuilder { fields, snapshot }
    }

    /// Calls `sink` with the document of every record for which
    /// `wanted(collection, id)` holds, one at a time to keep memory flat.
    pub fn for_each<E>(
        &self,
        wanted: impl Fn(Collection, &str) -> bool,
        mut sink: impl FnMut(Collection, &str, TantivyDocument) -> Result<(), E>,
    ) -> Result<(), E> {
        let s = self.snapshot;
        let mut emit = |r: Record| {
            let (collection, id) = (r.collection, r.id.clone());
            sink(collection, &id, r.into_document(self.fields))
        };
        // Sorted so that a rebuild lists records in the same order every time.
        let mut orgs: Vec<&Organisation> = s.organisations.values().map(|o| &**o).collect();
        orgs.sort_by(|a, b| a.id.cmp(&b.id));
        for o in orgs {
            if wanted(Collection::Organisations, o.id.as_str()) {
                emit(self.organisation(o))?;
            }
        }
        for a in &s.agreements {
            if wanted(Collection::Agreements, a.id.as_str()) {
                emit(self.agreement(a))?;
            }
        }
        for p in &s.programmes {
            if wanted(Collection::Programmes, p.id.as_str()) {
                emit(self.programme(p))?;
            }
        }
        for f in &s.funding {
            if wanted(Collection::Funding, f.id.as_str()) {
                emit(self.funding(f))?;
            }
        }
        for c in &s.contacts {
            if wanted(Collection::Contacts, c.id.as_str()) {
                emit(self.contact(c))?;
            }
        }
        Ok(())
    }

    /// What a record of `visibility` may show of the organisations it links to.
    fn refs(&self, visibility: Visibility) -> Refs<'a> {
        Refs::new(self.snapshot, visibility)
    }
}
