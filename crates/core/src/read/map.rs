//! The map's read model: which partners match a set of filters, where they
//! are drawn, and counts per country for shading.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kizuna_domain::{Agreement, AgreementStatus, CountryCode, Organisation, Programme, Slug};
use serde::Serialize;

use super::Lookup;
use super::filters::AgreementFilter;

mod bounds;
pub mod cluster;
mod selection;
mod tree;

pub use bounds::{Bounds, bounds};
pub(crate) use selection::Selections;
pub use selection::{Selection, selection};
pub use tree::Group;

/// What the map shows: partners of matching agreements and programmes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct MapFilter {
    /// Which agreements count (its `country`, `partner` and `text` are not used).
    pub agreements: AgreementFilter,
    /// The partner's own country.
    pub country: Option<CountryCode>,
    /// Every located organisation, not only partners.
    pub all: bool,
}

impl MapFilter {
    fn matches_programme(&self, p: &Programme) -> bool {
        !self.agreements.narrows()
            && self
                .agreements
                .education_level
                .is_none_or(|e| p.education_levels.contains(&e))
    }
}

/// A located partner and what links it to the home organisation.
pub struct PartnerPoint<'a> {
    /// The organisation.
    pub org: &'a Organisation,
    /// Where it is drawn.
    pub lat: f64,
    /// Where it is drawn.
    pub lng: f64,
    /// Matching agreements it is party to.
    pub agreements: Vec<&'a Agreement>,
    /// Matching programmes it takes part in.
    pub programmes: Vec<&'a Programme>,
}

/// The partners matching `filter`, in id order.
pub fn partners<'a>(lookup: &Lookup<'a>, filter: &MapFilter) -> Vec<PartnerPoint<'a>> {
    let mut agreements: HashMap<&Slug, Vec<&Agreement>> = HashMap::new();
    let mut programmes: HashMap<&Slug, Vec<&Programme>> = HashMap::new();
    // The organisation a party is drawn as: a consortium's members, a unit's
    // parent when the unit has no place of its own.
    let drawn_as = |id: &'a Slug| -> Vec<&'a Slug> {
        match lookup.org(id) {
            Some(o) if !o.members.is_empty() => o
                .members
                .iter()
                .filter(|m| !lookup.is_home_side(m))
                .collect(),
            Some(o) if o.location.is_none() && o.parent.is_some() => o.parent.iter().collect(),
            Some(_) => vec![id],
            None => Vec::new(),
        }
    };
    for a in lookup
        .agreements()
        .filter(|a| filter.agreements.matches(lookup, a))
    {
        let ids: BTreeSet<&Slug> = a
            .parties
            .iter()
            .filter(|p| !lookup.is_home_side(&p.organisation))
            .flat_map(|p| drawn_as(&p.organisation))
            .collect();
        for id in ids {
            agreements.entry(id).or_default().push(a);
        }
    }
    for p in lookup.programmes().filter(|p| filter.matches_programme(p)) {
        let ids: BTreeSet<&Slug> = p
            .partners
            .iter()
            .filter(|o| !lookup.is_home_side(o))
            .flat_map(&drawn_as)
            .collect();
        for id in ids {
            programmes.entry(id).or_default().push(p);
        }
    }
    // Without `scope=all` only organisations linked to something are drawn:
    // visit those instead of every organisation in the registry.
    let candidates: Vec<&'a Organisation> = if filter.all {
        match filter.country {
            Some(cc) => lookup.orgs(lookup.index.orgs_in_country(cc)).collect(),
            // One pass over the map in id order: no look-up per organisation.
            None => lookup
                .organisations()
                .filter(|o| o.location.is_some())
                .collect(),
        }
    } else {
        let ids: BTreeSet<&Slug> = agreements
            .keys()
            .chain(programmes.keys())
            .copied()
            .collect();
        ids.into_iter().filter_map(|id| lookup.org(id)).collect()
    };
    let filters_agreements = filter.agreements.narrows();
    candidates
        .into_iter()
        .filter(|o| filter.country.is_none_or(|c| o.country == Some(c)))
        .filter_map(|o| {
            let loc = o.location?;
            let a = agreements.remove(&o.id).unwrap_or_default();
            let p = programmes.remove(&o.id).unwrap_or_default();
            let involved = !a.is_empty() || !p.is_empty();
            let shown = involved || (filter.all && !filters_agreements);
            (shown && !lookup.is_home_side(&o.id)).then_some(PartnerPoint {
                org: o,
                lat: loc.lat,
                lng: loc.lng,
                agreements: a,
                programmes: p,
            })
        })
        .collect()
}

/// Counts per partner country.
#[derive(Debug, Default, Serialize)]
pub struct CountryCount {
    /// Partner organisations shown.
    pub partners: usize,
    /// Matching agreements with a partner there.
    pub agreements: usize,
    /// Of which active or expiring.
    pub active_agreements: usize,
}

/// Partner and agreement counts per country code.
pub fn country_counts(lookup: &Lookup<'_>, filter: &MapFilter) -> BTreeMap<String, CountryCount> {
    let mut counts: BTreeMap<String, CountryCount> = BTreeMap::new();
    for p in partners(lookup, filter) {
        if let Some(c) = p.org.country {
            counts.entry(c.to_string()).or_default().partners += 1;
        }
    }
    for a in lookup
        .agreements()
        .filter(|a| filter.agreements.matches(lookup, a))
    {
        let active = matches!(
            lookup.status(a),
            AgreementStatus::Active | AgreementStatus::Expiring
        );
        for c in lookup.partner_countries(a.party_ids()) {
            if filter.country.is_some_and(|f| f != c) {
                continue;
            }
            let entry = counts.entry(c.to_string()).or_default();
            entry.agreements += 1;
            entry.active_agreements += usize::from(active);
        }
    }
    counts
}

/// Units of the home organisation at any depth, for the unit filter.
pub fn home_units<'a>(lookup: &Lookup<'a>) -> Vec<&'a Organisation> {
    let mut found = Vec::new();
    let mut queue = vec![lookup.home()];
    let mut seen = BTreeSet::new();
    while let Some(id) = queue.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        for child in lookup.orgs(lookup.index.children(&id)) {
            if child.kind == kizuna_domain::OrganisationKind::Unit {
                found.push(child);
            }
            queue.push(child.id.clone());
        }
    }
    found.sort_by(|a, b| a.id.cmp(&b.id));
    found
}
