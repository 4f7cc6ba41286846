//! Each collection's records flattened: the words they are found by, their
//! summary and their facet values.

use kizuna_domain::{Agreement, Collection, Contact, FundingOpportunity, Organisation, Programme};

use super::{DocBuilder, Record, words};
use crate::terms::{subject_terms, word_terms};
use crate::text::plain_text;
use crate::tokenizer::normalise;

impl DocBuilder<'_> {
    pub(super) fn organisation(&self, o: &Organisation) -> Record {
        let mut r = Record::new(
            Collection::Organisations,
            &o.id,
            o.display_name(),
            o.visibility,
        );
        r.names = o.names.iter().map(|n| n.value.clone()).collect();
        r.titles = o
            .first_names_by_language()
            .into_iter()
            .map(|(lang, name)| format!("{lang}:{name}"))
            .collect();
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

    pub(super) fn agreement(&self, a: &Agreement) -> Record {
        // A draft is found by staff only, whatever its visibility says.
        let mut r = Record::new(Collection::Agreements, &a.id, &a.title, a.audience());
        let refs = self.refs(a.audience());
        r.countries = refs.partner_countries(a.party_ids());
        r.kind = Some(a.kind.as_str());
        r.level = Some(a.level.as_str());
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
        r.education(&a.education_levels);
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

    pub(super) fn programme(&self, p: &Programme) -> Record {
        let mut r = Record::new(Collection::Programmes, &p.id, &p.title, p.visibility);
        let refs = self.refs(p.visibility);
        r.countries = refs.partner_countries(&p.partners);
        r.kind = Some(p.kind.as_str());
        for id in p.partners.iter().chain(&p.units) {
            r.body.extend(refs.all_names(id));
        }
        r.body
            .extend(p.locations.iter().filter_map(|l| refs.display_name(l)));
        r.body.extend(p.recurrence.clone());
        r.body.push(words(p.kind.as_str()));
        r.body.extend(word_terms(p.kind.as_str()));
        r.body.push("programme".to_owned());
        r.education(&p.education_levels);
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

    pub(super) fn funding(&self, f: &FundingOpportunity) -> Record {
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

    pub(super) fn contact(&self, c: &Contact) -> Record {
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
