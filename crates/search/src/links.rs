//! Which records show something of an organisation, so that changing it re-indexes them.

use std::collections::BTreeSet;

use kizuna_core::Snapshot;
use kizuna_domain::{Collection, OrganisationKind, Slug};

/// Records whose documents show something of the changed organisations:
/// their bodies carry its names, and partner countries follow its country.
pub fn dependants(snapshot: &Snapshot, changed: &BTreeSet<Slug>) -> Vec<(Collection, String)> {
    let orgs = &snapshot.organisations;
    // A consortium's partner countries are its members' countries.
    let mut affected = changed.clone();
    affected.extend(
        orgs.values()
            .filter(|o| o.kind == OrganisationKind::Consortium)
            .filter(|o| o.members.iter().any(|m| changed.contains(m)))
            .map(|o| o.id.clone()),
    );
    let hit = |ids: &mut dyn Iterator<Item = &Slug>| {
        for id in ids {
            if affected.contains(id) {
                return true;
            }
        }
        false
    };
    let mut out = Vec::new();
    for o in orgs.values() {
        if hit(&mut o.parent.iter().chain(&o.members)) {
            out.push((Collection::Organisations, o.id.to_string()));
        }
    }
    for a in &snapshot.agreements {
        let units = a.parties.iter().filter_map(|p| p.unit.as_ref());
        if hit(&mut a.party_ids().chain(units).chain(&a.home_unit)) {
            out.push((Collection::Agreements, a.id.to_string()));
        }
    }
    for p in &snapshot.programmes {
        if hit(&mut p.partners.iter().chain(&p.units).chain(&p.locations)) {
            out.push((Collection::Programmes, p.id.to_string()));
        }
    }
    for f in &snapshot.funding {
        if hit(&mut f.funder.iter()) {
            out.push((Collection::Funding, f.id.to_string()));
        }
    }
    for c in &snapshot.contacts {
        if hit(&mut c.organisation.iter().chain(&c.unit)) {
            out.push((Collection::Contacts, c.id.to_string()));
        }
    }
    out
}
