//! Indexes built once per revision, so that a page or list reads only the
//! records it shows instead of walking the whole registry per request.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use kizuna_domain::{CountryCode, Organisation, OrganisationKind, Slug, Visibility, rules};

use super::Snapshot;

/// Positions of records in the snapshot's id-ordered lists, by what they concern.
#[derive(Debug, Default)]
pub struct Indexes {
    /// The home organisation and every consortium it belongs to.
    pub home_side: HashSet<Slug>,
    agreement_at: HashMap<Slug, usize>,
    programme_at: HashMap<Slug, usize>,
    /// Agreement position → position of the agreement that renews it.
    successor_of: HashMap<usize, usize>,
    children: HashMap<Slug, Vec<Slug>>,
    consortia_of: HashMap<Slug, Vec<Slug>>,
    orgs_in_country: HashMap<CountryCode, Vec<Slug>>,
    /// Every organisation, in id order, for lists that page through them all.
    all_orgs: Vec<Arc<Organisation>>,
    /// Organisations whose own country this is (units of them not included), in id order.
    orgs_of_country: HashMap<CountryCode, Vec<Arc<Organisation>>>,
    /// Whether the public may see every organisation (as in the public snapshot).
    orgs_all_public: bool,
    partners_in_country: HashMap<CountryCode, Vec<Slug>>,
    agreements_in_country: HashMap<CountryCode, Vec<usize>>,
    programmes_in_country: HashMap<CountryCode, Vec<usize>>,
    funding_in_country: HashMap<CountryCode, Vec<usize>>,
    contacts_in_country: HashMap<CountryCode, Vec<usize>>,
    agreements_of_org: HashMap<Slug, Vec<usize>>,
    programmes_of_org: HashMap<Slug, Vec<usize>>,
    funding_of_org: HashMap<Slug, Vec<usize>>,
    contacts_of_org: HashMap<Slug, Vec<usize>>,
    /// Each language's order of names, made on first use (see [`super::order`]).
    pub(super) name_orders: super::order::NameOrders,
    /// The partners each map filter selects, found on first use.
    pub(super) map_selections: super::map::Selections,
    /// Every organisation's names and city for text filters, made on first use.
    org_text: super::org_text::OrgTextSlot,
}

const NONE_USIZE: &[usize] = &[];
const NONE_SLUG: &[Slug] = &[];

fn push<K: std::hash::Hash + Eq, V: PartialEq>(map: &mut HashMap<K, Vec<V>>, key: K, value: V) {
    let list = map.entry(key).or_default();
    // Positions arrive in order, so a repeat is always the last one.
    if list.last() != Some(&value) {
        list.push(value);
    }
}

impl Indexes {
    /// Builds every index of `s` in one pass over each collection.
    pub fn build(s: &Snapshot) -> Indexes {
        let mut ix = Indexes::default();
        if let Some(home) = &s.home {
            ix.home_side.insert(home.clone());
        }
        ix.all_orgs = s.organisations.values().cloned().collect();
        ix.orgs_all_public = s
            .organisations
            .values()
            .all(|o| o.visibility == Visibility::Public);
        for o in s.organisations.values() {
            if let Some(cc) = o.country {
                ix.orgs_of_country.entry(cc).or_default().push(o.clone());
            }
            if let Some(p) = &o.parent {
                push(&mut ix.children, p.clone(), o.id.clone());
            }
            for m in &o.members {
                push(&mut ix.consortia_of, m.clone(), o.id.clone());
                if s.home.as_ref() == Some(m) && o.kind == OrganisationKind::Consortium {
                    ix.home_side.insert(o.id.clone());
                }
            }
            for cc in countries_of(s, o) {
                push(&mut ix.orgs_in_country, cc, o.id.clone());
            }
        }
        let home = s.home.clone().unwrap_or_else(no_home);
        let mut linked: BTreeSet<&Slug> = BTreeSet::new();
        let mut renews: Vec<(usize, &Slug)> = Vec::new();
        for (i, a) in s.agreements.iter().enumerate() {
            ix.agreement_at.insert(a.id.clone(), i);
            if let Some(r) = &a.renews {
                renews.push((i, r));
            }
            for cc in rules::partner_countries(a.party_ids(), &home, &s.organisations) {
                push(&mut ix.agreements_in_country, cc, i);
            }
            let involved = a
                .parties
                .iter()
                .flat_map(|p| std::iter::once(&p.organisation).chain(&p.unit))
                .chain(&a.home_unit);
            for id in involved {
                push(&mut ix.agreements_of_org, id.clone(), i);
            }
            linked.extend(
                a.parties
                    .iter()
                    .flat_map(|p| std::iter::once(&p.organisation).chain(&p.unit)),
            );
        }
        for (i, r) in renews {
            if let Some(&renewed) = ix.agreement_at.get(r) {
                ix.successor_of.entry(renewed).or_insert(i);
            }
        }
        for (i, p) in s.programmes.iter().enumerate() {
            ix.programme_at.insert(p.id.clone(), i);
            for cc in rules::partner_countries(&p.partners, &home, &s.organisations) {
                push(&mut ix.programmes_in_country, cc, i);
            }
            let mut involved: Vec<&Slug> = p
                .partners
                .iter()
                .chain(&p.units)
                .chain(&p.locations)
                .collect();
            involved.sort();
            involved.dedup();
            for id in involved {
                push(&mut ix.programmes_of_org, id.clone(), i);
            }
            linked.extend(p.partners.iter().chain(&p.units).chain(&p.locations));
        }
        for (i, f) in s.funding.iter().enumerate() {
            let mut countries: BTreeSet<CountryCode> =
                f.destination_countries.iter().copied().collect();
            if let Some(funder) = &f.funder {
                push(&mut ix.funding_of_org, funder.clone(), i);
                linked.insert(funder);
                if let Some(o) = s.organisations.get(funder) {
                    countries.extend(countries_of(s, o));
                }
            }
            for cc in countries {
                push(&mut ix.funding_in_country, cc, i);
            }
        }
        for (i, c) in s.contacts.iter().enumerate() {
            for cc in &c.countries {
                push(&mut ix.contacts_in_country, *cc, i);
            }
            for id in c.organisation.iter().chain(&c.unit) {
                push(&mut ix.contacts_of_org, id.clone(), i);
                linked.insert(id);
            }
        }
        // A linked unit makes its parent a partner too; the home side never is one.
        let mut partners: BTreeSet<&Slug> = BTreeSet::new();
        for id in linked {
            if let Some(o) = s.organisations.get(id) {
                partners.insert(&o.id);
                if let Some(p) = o.parent.as_ref().and_then(|p| s.organisations.get(p)) {
                    partners.insert(&p.id);
                }
            }
        }
        for id in partners {
            if ix.home_side.contains(id) {
                continue;
            }
            for cc in countries_of(s, &s.organisations[id]) {
                push(&mut ix.partners_in_country, cc, id.clone());
            }
        }
        ix
    }

    /// Countries with an agreement partner (a list page's choices), in no order.
    pub fn agreement_countries(&self) -> impl Iterator<Item = CountryCode> + '_ {
        self.agreements_in_country.keys().copied()
    }

    /// Countries with a programme partner, in no order.
    pub fn programme_countries(&self) -> impl Iterator<Item = CountryCode> + '_ {
        self.programmes_in_country.keys().copied()
    }

    /// Countries with an organisation (or a unit of one), in no order.
    pub fn organisation_countries(&self) -> impl Iterator<Item = CountryCode> + '_ {
        self.orgs_in_country.keys().copied()
    }

    /// Position of an agreement in the snapshot.
    pub fn agreement_at(&self, id: &Slug) -> Option<usize> {
        self.agreement_at.get(id).copied()
    }

    /// Position of a programme in the snapshot.
    pub fn programme_at(&self, id: &Slug) -> Option<usize> {
        self.programme_at.get(id).copied()
    }

    /// Position of the agreement that renews the one at `at`.
    pub fn successor_of(&self, at: usize) -> Option<usize> {
        self.successor_of.get(&at).copied()
    }

    /// Units whose parent is `id`, in id order.
    pub fn children(&self, id: &Slug) -> &[Slug] {
        self.children.get(id).map_or(NONE_SLUG, Vec::as_slice)
    }

    /// Consortia that have `id` as a member.
    pub fn consortia_of(&self, id: &Slug) -> &[Slug] {
        self.consortia_of.get(id).map_or(NONE_SLUG, Vec::as_slice)
    }

    /// Organisations in a country, or units of one, in id order.
    pub fn orgs_in_country(&self, cc: CountryCode) -> &[Slug] {
        self.orgs_in_country
            .get(&cc)
            .map_or(NONE_SLUG, Vec::as_slice)
    }

    /// Every organisation of the snapshot, in id order (visible or not).
    pub fn all_orgs(&self) -> &[Arc<Organisation>] {
        &self.all_orgs
    }

    /// The lower-cased names and city of [`Indexes::all_orgs`].
    pub(super) fn org_text(&self) -> &super::org_text::OrgText {
        self.org_text
            .get_or_init(|| super::org_text::OrgText::build(&self.all_orgs))
    }

    /// Position of an organisation in [`Indexes::all_orgs`].
    pub fn org_at(&self, id: &Slug) -> Option<usize> {
        self.all_orgs.binary_search_by(|o| o.id.cmp(id)).ok()
    }

    /// Organisations whose own country is `cc`, in id order (visible or not).
    pub fn orgs_of_country(&self, cc: CountryCode) -> &[Arc<Organisation>] {
        self.orgs_of_country.get(&cc).map_or(&[], Vec::as_slice)
    }

    /// Whether every organisation of the snapshot is public.
    pub fn orgs_all_public(&self) -> bool {
        self.orgs_all_public
    }

    /// Organisations in a country linked by an agreement, programme, funding
    /// opportunity or contact (and parents of linked units), in id order.
    pub fn partners_in_country(&self, cc: CountryCode) -> &[Slug] {
        self.partners_in_country
            .get(&cc)
            .map_or(NONE_SLUG, Vec::as_slice)
    }

    /// Agreements with a partner in a country.
    pub fn agreements_in_country(&self, cc: CountryCode) -> &[usize] {
        self.agreements_in_country
            .get(&cc)
            .map_or(NONE_USIZE, Vec::as_slice)
    }

    /// Programmes with a partner in a country.
    pub fn programmes_in_country(&self, cc: CountryCode) -> &[usize] {
        self.programmes_in_country
            .get(&cc)
            .map_or(NONE_USIZE, Vec::as_slice)
    }

    /// Funding for stays in a country or from a funder there.
    pub fn funding_in_country(&self, cc: CountryCode) -> &[usize] {
        self.funding_in_country
            .get(&cc)
            .map_or(NONE_USIZE, Vec::as_slice)
    }

    /// Contacts who cover a country.
    pub fn contacts_in_country(&self, cc: CountryCode) -> &[usize] {
        self.contacts_in_country
            .get(&cc)
            .map_or(NONE_USIZE, Vec::as_slice)
    }

    /// Agreements naming `id` as a party, a party's unit or the home unit.
    pub fn agreements_of(&self, id: &Slug) -> &[usize] {
        self.agreements_of_org
            .get(id)
            .map_or(NONE_USIZE, Vec::as_slice)
    }

    /// Programmes naming `id` as a partner, unit or location.
    pub fn programmes_of(&self, id: &Slug) -> &[usize] {
        self.programmes_of_org
            .get(id)
            .map_or(NONE_USIZE, Vec::as_slice)
    }

    /// Funding opportunities funded by `id`.
    pub fn funding_of(&self, id: &Slug) -> &[usize] {
        self.funding_of_org
            .get(id)
            .map_or(NONE_USIZE, Vec::as_slice)
    }

    /// Contacts working at `id` or in unit `id`.
    pub fn contacts_of(&self, id: &Slug) -> &[usize] {
        self.contacts_of_org
            .get(id)
            .map_or(NONE_USIZE, Vec::as_slice)
    }
}

/// The countries an organisation counts in: its own and, for units, its parent's.
fn countries_of(s: &Snapshot, o: &Organisation) -> BTreeSet<CountryCode> {
    let parent = o.parent.as_ref().and_then(|p| s.organisations.get(p));
    o.country
        .into_iter()
        .chain(parent.and_then(|p| p.country))
        .collect()
}

/// Matches nothing: the home side when no home is configured.
fn no_home() -> Slug {
    "no-home".parse().expect("a valid slug")
}
