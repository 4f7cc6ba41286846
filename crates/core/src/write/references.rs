//! The ids a record refers to, and who refers to it: a record may name only
//! records that exist, and may be deleted only when none names it.

use kizuna_domain::{
    Collection, CountryProfile, Entity, Organisation, OrganisationKind, Problem, Slug,
    ValidationErrors,
};

use super::scope::{Typed, parents};
use crate::Snapshot;

struct Refs<'a> {
    snapshot: &'a Snapshot,
    errors: ValidationErrors,
}

impl Refs<'_> {
    fn org(&mut self, field: String, id: &Slug) -> Option<&Organisation> {
        let found = self.snapshot.organisations.get(id).map(|o| &**o);
        if found.is_none() {
            self.errors.add_coded(
                field,
                Problem::new("unknown-reference")
                    .with("id", id)
                    .with("what", "organisation"),
                format!("“{id}” is not a known organisation"),
            );
        }
        found
    }

    fn orgs(&mut self, field: &str, ids: &[Slug]) {
        for (i, id) in ids.iter().enumerate() {
            self.org(format!("{field}[{i}]"), id);
        }
    }

    fn known(&mut self, field: String, id: &Slug, collection: Collection) {
        let s = self.snapshot;
        let found = match collection {
            Collection::Organisations => s.organisations.contains_key(id),
            Collection::Agreements => s.agreements.iter().any(|a| &a.id == id),
            Collection::Programmes => s.programmes.iter().any(|p| &p.id == id),
            Collection::Funding => s.funding.iter().any(|f| &f.id == id),
            Collection::Contacts => s.contacts.iter().any(|c| &c.id == id),
        };
        if !found {
            let what = collection.as_str().trim_end_matches('s');
            self.errors.add_coded(
                field,
                Problem::new("unknown-reference")
                    .with("id", id)
                    .with("what", what),
                format!("“{id}” is not a known {what}"),
            );
        }
    }

    fn all(&mut self, field: &str, ids: &[Slug], collection: Collection) {
        for (i, id) in ids.iter().enumerate() {
            self.known(format!("{field}[{i}]"), id, collection);
        }
    }

    fn one(&mut self, field: &str, id: &Option<Slug>, collection: Collection) {
        if let Some(id) = id {
            self.known(field.to_owned(), id, collection);
        }
    }
}

/// Every id `record` names that does not exist, by field.
pub fn references<E: Entity>(snapshot: &Snapshot, record: &E) -> ValidationErrors {
    typed_references(snapshot, &Typed::of(record))
}

pub(crate) fn typed_references(snapshot: &Snapshot, record: &Typed) -> ValidationErrors {
    let mut r = Refs {
        snapshot,
        errors: ValidationErrors::default(),
    };
    match record {
        Typed::Organisation(o) => {
            if let Some(parent) = &o.parent
                && r.org("parent".into(), parent).is_some()
            {
                let mut up = Some(parent.clone());
                for _ in 0..64 {
                    match up {
                        Some(ref p) if p == &o.id => {
                            r.errors.add_coded(
                                "parent",
                                Problem::new("parent-ancestor"),
                                "this would make the organisation its own ancestor",
                            );
                            break;
                        }
                        Some(p) => up = parents(snapshot)(&p),
                        None => break,
                    }
                }
            }
            r.orgs("members", &o.members);
        }
        Typed::Agreement(a) => {
            for (i, party) in a.parties.iter().enumerate() {
                r.org(format!("parties[{i}].organisation"), &party.organisation);
                if let Some(unit) = &party.unit {
                    let parent = r
                        .org(format!("parties[{i}].unit"), unit)
                        .map(|u| u.parent.clone());
                    if parent.is_some_and(|p| p.as_ref() != Some(&party.organisation)) {
                        r.errors.add_coded(
                            format!("parties[{i}].unit"),
                            Problem::new("unit-not-of-party")
                                .with("unit", unit)
                                .with("organisation", &party.organisation),
                            format!("“{unit}” is not a unit of “{}”", party.organisation),
                        );
                    }
                }
            }
            if let Some(unit) = &a.home_unit {
                let kind = r.org("home_unit".into(), unit).map(|u| u.kind);
                if kind.is_some_and(|k| k != OrganisationKind::Unit) {
                    r.errors.add_coded(
                        "home_unit",
                        Problem::new("not-a-unit").with("id", unit),
                        format!("“{unit}” is not a unit (an organisation of kind unit)"),
                    );
                }
            }
            r.one("renews", &a.renews, Collection::Agreements);
            r.all("contacts", &a.contacts, Collection::Contacts);
        }
        Typed::Programme(p) => {
            r.orgs("partners", &p.partners);
            r.orgs("units", &p.units);
            r.orgs("locations", &p.locations);
            r.one("agreement", &p.agreement, Collection::Agreements);
            r.all("contacts", &p.contacts, Collection::Contacts);
        }
        Typed::Funding(f) => {
            r.one("funder", &f.funder, Collection::Organisations);
            r.one("programme", &f.programme, Collection::Programmes);
            r.one("agreement", &f.agreement, Collection::Agreements);
        }
        Typed::Contact(c) => {
            r.one("organisation", &c.organisation, Collection::Organisations);
            r.one("unit", &c.unit, Collection::Organisations);
            r.all("agreements", &c.agreements, Collection::Agreements);
            r.all("programmes", &c.programmes, Collection::Programmes);
        }
    }
    r.errors
}

/// Every id a country profile names that does not exist, by field.
pub fn country_references(snapshot: &Snapshot, profile: &CountryProfile) -> ValidationErrors {
    let mut r = Refs {
        snapshot,
        errors: ValidationErrors::default(),
    };
    r.orgs("key_partners", &profile.key_partners);
    r.orgs("supporters", &profile.supporters);
    r.errors
}

/// The records (as `collection/id`) that refer to `id` of `collection`.
pub fn referrers(snapshot: &Snapshot, collection: Collection, id: &Slug) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |c: &str, of: &Slug, hit: bool| {
        if hit {
            out.push(format!("{c}/{of}"));
        }
    };
    let is = |x: &Option<Slug>| x.as_ref() == Some(id);
    let has = |xs: &[Slug]| xs.contains(id);
    let s = snapshot;
    match collection {
        Collection::Organisations => {
            for o in s.organisations.values() {
                add("organisations", &o.id, is(&o.parent) || has(&o.members));
            }
            for a in &s.agreements {
                let party = a
                    .parties
                    .iter()
                    .any(|p| &p.organisation == id || is(&p.unit));
                add("agreements", &a.id, party || is(&a.home_unit));
            }
            for p in &s.programmes {
                add(
                    "programmes",
                    &p.id,
                    has(&p.partners) || has(&p.units) || has(&p.locations),
                );
            }
            for f in &s.funding {
                add("funding", &f.id, is(&f.funder));
            }
            for c in &s.contacts {
                add("contacts", &c.id, is(&c.organisation) || is(&c.unit));
            }
            for p in &s.countries {
                let slug = Slug::from_name(p.country.as_str()).expect("country codes are slugs");
                add(
                    "countries",
                    &slug,
                    has(&p.key_partners) || has(&p.supporters),
                );
            }
        }
        Collection::Agreements => {
            for a in &s.agreements {
                add("agreements", &a.id, is(&a.renews));
            }
            for p in &s.programmes {
                add("programmes", &p.id, is(&p.agreement));
            }
            for f in &s.funding {
                add("funding", &f.id, is(&f.agreement));
            }
            for c in &s.contacts {
                add("contacts", &c.id, has(&c.agreements));
            }
        }
        Collection::Programmes => {
            for f in &s.funding {
                add("funding", &f.id, is(&f.programme));
            }
            for c in &s.contacts {
                add("contacts", &c.id, has(&c.programmes));
            }
        }
        Collection::Contacts => {
            for a in &s.agreements {
                add("agreements", &a.id, has(&a.contacts));
            }
            for p in &s.programmes {
                add("programmes", &p.id, has(&p.contacts));
            }
        }
        Collection::Funding => {}
    }
    out
}

/// Whether a record of `collection` with this id exists (internal ones included).
pub fn exists(snapshot: &Snapshot, collection: Collection, id: &Slug) -> bool {
    let mut r = Refs {
        snapshot,
        errors: ValidationErrors::default(),
    };
    r.known(String::new(), id, collection);
    r.errors.0.is_empty()
}
