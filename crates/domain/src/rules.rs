//! Rules that need more than one record: who counts as a partner, and where.

use std::collections::HashSet;

use crate::{CountryCode, Organisation, OrganisationKind, Slug};

/// Looks organisations up by id.
pub trait OrganisationLookup {
    /// The organisation with this id, if known.
    fn organisation(&self, id: &Slug) -> Option<&Organisation>;
}

impl<S: std::hash::BuildHasher> OrganisationLookup
    for std::collections::HashMap<Slug, Organisation, S>
{
    fn organisation(&self, id: &Slug) -> Option<&Organisation> {
        self.get(id)
    }
}

impl OrganisationLookup for std::collections::BTreeMap<Slug, Organisation> {
    fn organisation(&self, id: &Slug) -> Option<&Organisation> {
        self.get(id)
    }
}

impl OrganisationLookup for std::collections::BTreeMap<Slug, std::sync::Arc<Organisation>> {
    fn organisation(&self, id: &Slug) -> Option<&Organisation> {
        self.get(id).map(|o| &**o)
    }
}

/// Whether `id` is the home organisation or a consortium the home belongs to.
pub fn is_home_side(id: &Slug, home: &Slug, orgs: &impl OrganisationLookup) -> bool {
    id == home
        || orgs
            .organisation(id)
            .is_some_and(|o| o.kind == OrganisationKind::Consortium && o.members.contains(home))
}

/// The countries of a record's partners: every party other than the home side;
/// a partner consortium counts with its members' countries.
pub fn partner_countries<'a>(
    parties: impl IntoIterator<Item = &'a Slug>,
    home: &Slug,
    orgs: &impl OrganisationLookup,
) -> HashSet<CountryCode> {
    let mut countries = HashSet::new();
    for id in parties {
        if is_home_side(id, home, orgs) {
            continue;
        }
        let Some(org) = orgs.organisation(id) else {
            continue;
        };
        countries.extend(org.country);
        if org.kind == OrganisationKind::Consortium {
            for member in &org.members {
                countries.extend(orgs.organisation(member).and_then(|m| m.country));
            }
        }
    }
    countries
}

/// The partner organisations of a record: parties other than the home side.
pub fn partners<'a>(
    parties: impl IntoIterator<Item = &'a Slug>,
    home: &'a Slug,
    orgs: &'a impl OrganisationLookup,
) -> impl Iterator<Item = &'a Slug> {
    parties
        .into_iter()
        .filter(move |id| !is_home_side(id, home, orgs))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn org(id: &str, kind: &str, country: &str, members: &[&str]) -> (Slug, Organisation) {
        let o: Organisation = serde_json::from_value(serde_json::json!({
            "id": id, "kind": kind, "country": country, "members": members,
            "names": [{"value": id, "kind": "display"}]
        }))
        .unwrap();
        (o.id.clone(), o)
    }

    #[test]
    fn home_and_its_consortia_are_not_partners() {
        let orgs: HashMap<_, _> = [
            org("ki", "education", "SE", &[]),
            org("kth", "education", "SE", &[]),
            org("trio", "consortium", "SE", &["ki", "kth"]),
            org("utokyo", "education", "JP", &[]),
            org("nordic", "consortium", "NO", &["uio", "utokyo"]),
            org("uio", "education", "NO", &[]),
        ]
        .into();
        let home: Slug = "ki".parse().unwrap();
        let ids = |xs: &[&str]| {
            xs.iter()
                .map(|x| x.parse::<Slug>().unwrap())
                .collect::<Vec<_>>()
        };
        let parties = ids(&["trio", "utokyo"]);
        let c = partner_countries(&parties, &home, &orgs);
        assert_eq!(c, HashSet::from(["JP".parse().unwrap()]));
        let parties = ids(&["ki", "nordic"]);
        let c = partner_countries(&parties, &home, &orgs);
        assert_eq!(
            c,
            HashSet::from(["NO".parse().unwrap(), "JP".parse().unwrap()])
        );
    }
}
