//! Records flattened into index documents, with names of the records they link to.

use std::collections::BTreeSet;

use kizuna_core::Snapshot;
use kizuna_domain::{
    Agreement, Collection, Contact, CountryCode, FundingOpportunity, Organisation, Programme, Slug,
    Visibility,
};
use tantivy::TantivyDocument;

use crate::countries::country_names;
use crate::refs::Refs;
use crate::schema::{Fields, facet};
use crate::terms::{subject_terms, word_terms};
use crate::text::plain_text;
use crate::tokenizer::normalise;

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
        }
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

    fn organisation(&self, o: &Organisation) -> Record {
        let mut r = Record::new(
            Collection::Organisations,
            &o.id,
            o.display_name(),
            o.visibility,
        );
        r.names = o.names.iter().map(|n| n.value.clone()).collect();
        r.exact.extend(o.names.iter().map(|n| normalise(&n.value)));
        let ids = &o.identifiers;
        let identifiers = [
            &ids.ror,
            &ids.erasmus,
            &ids.schac,
            &ids.pic,
            &ids.wikidata,
            &ids.isni,
            &ids.grid,
        ];
        r.exact
            .extend(identifiers.into_iter().flatten().map(|i| normalise(i)));
        r.countries.extend(o.country);
        r.kind = Some(o.kind.as_str());
        r.body.extend(o.city.clone());
        r.body.push(o.kind.as_str().to_owned());
        r.body.extend(word_terms(o.kind.as_str()));
        r.country_names();
        let refs = self.refs(o.visibility);
        let parent = o.parent.iter().flat_map(|p| refs.all_names(p));
        r.body.extend(parent);
        let members: Vec<String> = o
            .members
            .iter()
            .filter_map(|m| refs.display_name(m))
            .collect();
        r.body.extend(members.iter().cloned());
        r.body
            .extend(o.members.iter().filter_map(|m| refs.acronym(m)));
        let notes = o.notes.as_deref().map(plain_text).unwrap_or_default();
        r.body.push(notes.clone());

        let place = [o.city.as_deref(), o.country.map(|c| c.name())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let others: Vec<&str> = o
            .names
            .iter()
            .map(|n| n.value.as_str())
            .filter(|n| *n != o.display_name())
            .collect();
        let parent_name = o.parent.as_ref().and_then(|p| refs.display_name(p));
        r.summary = vec![others.join(" · "), place.clone()];
        r.summary.extend(parent_name);
        r.summary.push(members.join(" · "));
        r.summary.push(notes.clone());
        r.fallback = vec![place, notes];
        r
    }

    fn agreement(&self, a: &Agreement) -> Record {
        // A draft is found by staff only, whatever its visibility says.
        let mut r = Record::new(Collection::Agreements, &a.id, &a.title, a.audience());
        let refs = self.refs(a.audience());
        r.countries = refs.partner_countries(a.party_ids());
        r.kind = Some(a.kind.as_str());
        r.level = Some(a.level.as_str());
        r.education_levels = a.education_levels.iter().map(|l| l.as_str()).collect();
        let mut partners = Vec::new();
        for party in &a.parties {
            if refs.is_home_side(&party.organisation) {
                r.body.extend(refs.display_name(&party.organisation));
            } else {
                r.body.extend(refs.all_names(&party.organisation));
                partners.extend(refs.display_name(&party.organisation));
            }
            r.body
                .extend(party.unit.iter().flat_map(|u| refs.all_names(u)));
        }
        r.body
            .extend(a.home_unit.iter().flat_map(|u| refs.all_names(u)));
        r.body.extend(a.study_programmes.iter().cloned());
        r.body.extend(a.research_fields.iter().cloned());
        // Subject areas are found by their codes and their names ("nursing").
        let subjects = a
            .subject_areas
            .iter()
            .chain(a.conditions.iter().filter_map(|c| c.subject_area.as_ref()));
        for subject in subjects {
            r.body.push(subject.as_str().to_owned());
            r.body.extend(subject.name());
            r.body.extend(subject_terms(subject));
        }
        r.body.push("agreement".to_owned());
        r.body.push(words(a.kind.as_str()));
        r.body.extend(word_terms(a.kind.as_str()));
        r.body.extend(word_terms(a.level.as_str()));
        r.body
            .extend(a.education_levels.iter().map(|l| l.as_str().to_owned()));
        r.body.extend(
            a.education_levels
                .iter()
                .flat_map(|l| word_terms(l.as_str())),
        );
        r.country_names();
        let notes = a.notes.as_deref().map(plain_text).unwrap_or_default();
        r.body.push(notes.clone());
        r.summary = vec![
            partners.join(" · "),
            a.study_programmes.join(", "),
            a.research_fields.join(", "),
            notes.clone(),
        ];
        r.fallback = vec![notes, partners.join(" · ")];
        r
    }

    fn programme(&self, p: &Programme) -> Record {
        let mut r = Record::new(Collection::Programmes, &p.id, &p.title, p.visibility);
        let refs = self.refs(p.visibility);
        r.countries = refs.partner_countries(&p.partners);
        r.kind = Some(p.kind.as_str());
        r.education_levels = p.education_levels.iter().map(|l| l.as_str()).collect();
        for id in p.partners.iter().chain(&p.units) {
            r.body.extend(refs.all_names(id));
        }
        r.body
            .extend(p.locations.iter().filter_map(|l| refs.display_name(l)));
        r.body.extend(p.recurrence.clone());
        r.body.push(words(p.kind.as_str()));
        r.body.extend(word_terms(p.kind.as_str()));
        r.body.push("programme".to_owned());
        r.body
            .extend(p.education_levels.iter().map(|l| l.as_str().to_owned()));
        r.body.extend(
            p.education_levels
                .iter()
                .flat_map(|l| word_terms(l.as_str())),
        );
        r.country_names();
        let description = p.description.as_deref().map(plain_text).unwrap_or_default();
        r.body.push(description.clone());
        let partners: Vec<String> = p
            .partners
            .iter()
            .filter_map(|id| refs.display_name(id))
            .collect();
        r.summary = vec![partners.join(" · "), description.clone()];
        r.fallback = vec![description, partners.join(" · ")];
        r
    }

    fn funding(&self, f: &FundingOpportunity) -> Record {
        let mut r = Record::new(Collection::Funding, &f.id, &f.title, f.visibility);
        let refs = self.refs(f.visibility);
        r.countries = f.destination_countries.iter().copied().collect();
        r.kind = Some(f.kind.as_str());
        r.career_stages = f.career_stages.iter().map(|s| s.as_str()).collect();
        r.body
            .extend(f.funder.iter().flat_map(|id| refs.all_names(id)));
        r.body.extend(f.amount.clone());
        r.body.push(words(f.kind.as_str()));
        r.body.extend(word_terms(f.kind.as_str()));
        r.body.push("funding".to_owned());
        // "deadline" finds the opportunities that have one, and so does its date.
        if !f.deadlines.is_empty() {
            r.body.push("deadline".to_owned());
            r.body.extend(
                f.deadlines
                    .iter()
                    .map(|d| d.date.format("%Y-%m-%d %B %Y").to_string()),
            );
        }
        r.body
            .extend(f.career_stages.iter().map(|s| s.as_str().to_owned()));
        r.body
            .extend(f.career_stages.iter().flat_map(|s| word_terms(s.as_str())));
        r.country_names();
        let eligibility = f.eligibility.as_deref().map(plain_text).unwrap_or_default();
        r.body.push(eligibility.clone());
        let funder = f.funder.as_ref().and_then(|id| refs.display_name(id));
        let destinations: Vec<&str> = r.countries.iter().map(|c| c.name()).collect();
        r.summary = vec![
            funder.clone().unwrap_or_default(),
            destinations.join(", "),
            eligibility.clone(),
        ];
        r.fallback = vec![eligibility, funder.unwrap_or_default()];
        r
    }

    fn contact(&self, c: &Contact) -> Record {
        let mut r = Record::new(Collection::Contacts, &c.id, &c.name, c.visibility);
        let refs = self.refs(c.visibility);
        r.countries = c.countries.iter().copied().collect();
        r.body.extend(c.role.clone());
        r.body.push("contact".to_owned());
        for id in c.organisation.iter().chain(&c.unit) {
            r.body.extend(refs.all_names(id));
        }
        r.country_names();
        let employer: Vec<String> = c
            .unit
            .iter()
            .chain(&c.organisation)
            .filter_map(|id| refs.display_name(id))
            .collect();
        let countries: Vec<&str> = r.countries.iter().map(|c| c.name()).collect();
        r.summary = vec![
            c.role.clone().unwrap_or_default(),
            employer.join(", "),
            countries.join(", "),
        ];
        r.fallback = r.summary.clone();
        r
    }
}
