//! A whole registry in one value: what `kizuna demo` loads and exports write.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::{
    Agreement, Contact, CountryProfile, Entity, FundingOpportunity, Organisation, OrganisationKind,
    Programme, Slug, ValidationErrors,
};

/// Every record of a registry, with the id of the home organisation.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The deployment's home organisation.
    pub home: Option<Slug>,
    /// Organisations, units and consortia.
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    /// Agreements.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Programmes.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Funding opportunities.
    #[serde(default)]
    pub funding: Vec<FundingOpportunity>,
    /// Contacts.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Editorial country profile (a single `[country]` table).
    #[serde(default)]
    pub country: Option<CountryProfile>,
    /// More editorial country profiles.
    #[serde(default)]
    pub countries: Vec<CountryProfile>,
}

impl Dataset {
    /// Every country profile, whichever way the file wrote it.
    pub fn country_profiles(&self) -> impl Iterator<Item = &CountryProfile> {
        self.country.iter().chain(self.countries.iter())
    }

    /// Normalises every record and lists what is wrong with each on its own
    /// (its rules, ids given twice), prefixed by `collection.id`, and the
    /// text problems of each country profile, prefixed by `country.CC`.
    pub fn record_problems(&mut self) -> ValidationErrors {
        let mut errors = ValidationErrors::default();
        check_all(&mut self.organisations, &mut errors);
        check_all(&mut self.agreements, &mut errors);
        check_all(&mut self.programmes, &mut errors);
        check_all(&mut self.funding, &mut errors);
        check_all(&mut self.contacts, &mut errors);
        for profile in self.country_profiles() {
            if let Err(e) = profile.validate() {
                errors.extend_prefixed(&format!("country.{}", profile.country), e);
            }
        }
        errors
    }

    /// Normalises and validates every record and checks that every reference resolves.
    pub fn validate(&mut self) -> Result<(), ValidationErrors> {
        let mut errors = self.record_problems();

        let orgs: HashMap<&Slug, &Organisation> =
            self.organisations.iter().map(|o| (&o.id, o)).collect();
        let agreements: HashSet<&Slug> = self.agreements.iter().map(|a| &a.id).collect();
        let programmes: HashSet<&Slug> = self.programmes.iter().map(|p| &p.id).collect();
        let contacts: HashSet<&Slug> = self.contacts.iter().map(|c| &c.id).collect();
        let mut refs = References {
            errors: &mut errors,
        };

        if let Some(home) = &self.home {
            refs.check("home", home, orgs.contains_key(home), "organisation");
        }
        for o in &self.organisations {
            let at = format!("organisations.{}", o.id);
            for p in o.parent.iter().chain(&o.members) {
                refs.check(&at, p, orgs.contains_key(p), "organisation");
            }
        }
        for a in &self.agreements {
            let at = format!("agreements.{}", a.id);
            for party in &a.parties {
                refs.check(
                    &at,
                    &party.organisation,
                    orgs.contains_key(&party.organisation),
                    "organisation",
                );
                if let Some(unit) = &party.unit {
                    let belongs = orgs
                        .get(unit)
                        .is_some_and(|u| u.parent.as_ref() == Some(&party.organisation));
                    refs.check(&at, unit, belongs, "unit of the party");
                }
            }
            if let Some(unit) = &a.home_unit {
                let is_unit = orgs
                    .get(unit)
                    .is_some_and(|u| u.kind == OrganisationKind::Unit);
                refs.check(&at, unit, is_unit, "unit");
            }
            if let Some(r) = &a.renews {
                refs.check(&at, r, agreements.contains(r), "agreement");
            }
            for c in &a.contacts {
                refs.check(&at, c, contacts.contains(c), "contact");
            }
        }
        for p in &self.programmes {
            let at = format!("programmes.{}", p.id);
            for o in p.partners.iter().chain(&p.units).chain(&p.locations) {
                refs.check(&at, o, orgs.contains_key(o), "organisation");
            }
            if let Some(a) = &p.agreement {
                refs.check(&at, a, agreements.contains(a), "agreement");
            }
            for c in &p.contacts {
                refs.check(&at, c, contacts.contains(c), "contact");
            }
        }
        for f in &self.funding {
            let at = format!("funding.{}", f.id);
            if let Some(o) = &f.funder {
                refs.check(&at, o, orgs.contains_key(o), "organisation");
            }
            if let Some(p) = &f.programme {
                refs.check(&at, p, programmes.contains(p), "programme");
            }
            if let Some(a) = &f.agreement {
                refs.check(&at, a, agreements.contains(a), "agreement");
            }
        }
        for c in &self.contacts {
            let at = format!("contacts.{}", c.id);
            for o in c.organisation.iter().chain(&c.unit) {
                refs.check(&at, o, orgs.contains_key(o), "organisation");
            }
            for a in &c.agreements {
                refs.check(&at, a, agreements.contains(a), "agreement");
            }
            for p in &c.programmes {
                refs.check(&at, p, programmes.contains(p), "programme");
            }
        }
        for profile in self.country_profiles() {
            let at = format!("country.{}", profile.country);
            for o in profile.key_partners.iter().chain(&profile.supporters) {
                refs.check(&at, o, orgs.contains_key(o), "organisation");
            }
        }
        errors.into_result()
    }
}

struct References<'a> {
    errors: &'a mut ValidationErrors,
}

impl References<'_> {
    fn check(&mut self, at: &str, id: &Slug, ok: bool, what: &str) {
        if !ok {
            self.errors.add_coded(
                at,
                crate::Problem::new("unknown-reference")
                    .with("id", id)
                    .with("what", what),
                format!("`{id}` is not a known {what}"),
            );
        }
    }
}

fn check_all<E: Entity>(records: &mut [E], errors: &mut ValidationErrors) {
    let mut seen = HashSet::new();
    for record in records.iter_mut() {
        record.normalise();
        let at = format!("{}.{}", E::COLLECTION, record.id());
        if !seen.insert(record.id().clone()) {
            errors.add_coded(
                &at,
                crate::Problem::new("id-twice"),
                "this id is used twice",
            );
        }
        if let Err(e) = record.validate() {
            errors.extend_prefixed(&at, e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangling_references_are_reported_with_their_place() {
        let mut data: Dataset = toml::from_str(
            r#"
            home = "ki"
            [[organisations]]
            id = "ki"
            kind = "education"
            names = [{ value = "Karolinska Institutet", lang = "sv", kind = "display" }]
            [[agreements]]
            id = "x"
            kind = "mou"
            level = "central"
            title = "X"
            parties = [{ organisation = "ki" }, { organisation = "nowhere" }]
            renews = "older"
            "#,
        )
        .unwrap();
        let errors = data.validate().unwrap_err();
        let messages: Vec<String> = errors
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        assert_eq!(
            messages,
            [
                "agreements.x: `nowhere` is not a known organisation",
                "agreements.x: `older` is not a known agreement"
            ]
        );
    }
}
