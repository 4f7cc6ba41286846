//! Typed filters, one per collection: the API's lists, the pages and exports
//! select records through these, starting from the per-revision indexes
//! where a filter has one, so a narrow question reads few records.

use std::collections::BTreeSet;

use kizuna_domain::{
    Agreement, AgreementKind, AgreementLevel, AgreementStatus, CareerStage, Contact, CountryCode,
    EducationLevel, FundingKind, FundingOpportunity, IscedCode, Organisation, OrganisationKind,
    Programme, ProgrammeKind, Slug,
};

use super::Lookup;
use super::page::{Page, PageError};

/// Case-insensitive text that a record must contain somewhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TextFilter(Option<String>);

impl TextFilter {
    /// A filter for `q`; blank means no filter.
    pub fn new(q: Option<&str>) -> Self {
        TextFilter(
            q.map(str::trim)
                .filter(|q| !q.is_empty())
                .map(str::to_lowercase),
        )
    }

    /// Whether there is no text to look for (so callers can skip gathering it).
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The lower-cased text to look for, if any.
    pub fn needle(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// Whether any of `haystack` contains the text.
    pub fn matches<'h>(&self, haystack: impl IntoIterator<Item = &'h str>) -> bool {
        match &self.0 {
            None => true,
            Some(q) => haystack.into_iter().any(|h| h.to_lowercase().contains(q)),
        }
    }
}

/// Filters of the organisation list.
#[derive(Debug, Clone, Default)]
pub struct OrganisationFilter {
    /// In this country.
    pub country: Option<CountryCode>,
    /// Of this kind.
    pub kind: Option<OrganisationKind>,
    /// Units of this organisation.
    pub parent: Option<Slug>,
    /// Text in any name or the city.
    pub text: TextFilter,
}

impl OrganisationFilter {
    /// The matching organisations this audience may see, in id order.
    pub fn select<'a>(&self, lookup: &Lookup<'a>) -> Vec<&'a Organisation> {
        if let Some(found) = self.found_by_text(lookup) {
            return found.into_iter().map(|(_, o)| o).collect();
        }
        let ix = lookup.index;
        let candidates: Box<dyn Iterator<Item = &'a Organisation> + '_> =
            match (&self.parent, self.country) {
                (Some(p), _) => Box::new(lookup.orgs(ix.children(p))),
                (None, Some(cc)) => Box::new(lookup.orgs(ix.orgs_in_country(cc))),
                (None, None) => Box::new(lookup.organisations()),
            };
        candidates
            .filter(|o| self.country.is_none_or(|c| o.country == Some(c)))
            .filter(|o| self.kind.is_none_or(|k| o.kind == k))
            .filter(|o| {
                self.text.matches(
                    o.names
                        .iter()
                        .map(|n| n.value.as_str())
                        .chain(o.city.as_deref()),
                )
            })
            .collect()
    }

    /// A text filter over the whole registry, through the text's own index:
    /// the matches this audience may see with their positions in
    /// [`super::Indexes::all_orgs`], in id order. The index finds exactly
    /// what the text rule of [`OrganisationFilter::select`] keeps (tests
    /// hold it to that). `None` when it does not apply: a parent or country
    /// narrows first, or there is no text.
    pub(super) fn found_by_text<'a>(
        &self,
        lookup: &Lookup<'a>,
    ) -> Option<Vec<(usize, &'a Organisation)>> {
        if self.parent.is_some() || self.country.is_some() {
            return None;
        }
        let found = lookup.organisations_with_text(&self.text)?;
        Some(
            found
                .filter(|(_, o)| self.kind.is_none_or(|k| o.kind == k))
                .collect(),
        )
    }
}

impl OrganisationFilter {
    /// One page of the matching organisations after `cursor`. Without a
    /// kind, text or parent filter the per-revision index is the selection
    /// itself, so only the records on the page are read.
    pub fn page<'a>(
        &self,
        lookup: &Lookup<'a>,
        cursor: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Page<'a, Organisation>, PageError> {
        let ix = lookup.index;
        let every_one_visible = !lookup.public_only || ix.orgs_all_public();
        if every_one_visible && self.kind.is_none() && self.text.is_empty() && self.parent.is_none()
        {
            let list = match self.country {
                Some(cc) => ix.orgs_of_country(cc),
                None => ix.all_orgs(),
            };
            return Page::cut_shared(list, |o| o.id.as_str(), cursor, limit);
        }
        Page::cut(self.select(lookup), |o| o.id.as_str(), cursor, limit)
    }
}

/// Filters of agreements: the API list, the map and exports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct AgreementFilter {
    /// A partner's country (consortia count with their members' countries).
    pub country: Option<CountryCode>,
    /// Of this kind.
    pub kind: Option<AgreementKind>,
    /// At this level on the home side.
    pub level: Option<AgreementLevel>,
    /// With this derived status.
    pub status: Option<AgreementStatus>,
    /// Covering this education level.
    pub education_level: Option<EducationLevel>,
    /// Covering this study programme (lower case, whole name).
    pub study_programme: Option<String>,
    /// Covering this ISCED-F code.
    pub subject_area: Option<IscedCode>,
    /// With this organisation, or a unit of it, as a party.
    pub partner: Option<Slug>,
    /// Administered by this home unit or one below it.
    pub unit: Option<Slug>,
    /// Text in the title, study programmes, research fields or party names.
    pub text: TextFilter,
}

impl AgreementFilter {
    /// Whether any filter narrows agreements (beyond the country).
    pub fn narrows(&self) -> bool {
        self.kind.is_some()
            || self.level.is_some()
            || self.status.is_some()
            || self.study_programme.is_some()
            || self.subject_area.is_some()
            || self.unit.is_some()
            || self.partner.is_some()
            || !self.text.is_empty()
    }

    /// Whether `a` passes every filter but the country.
    pub fn matches(&self, lookup: &Lookup<'_>, a: &Agreement) -> bool {
        self.kind.is_none_or(|k| a.kind == k)
            && self.level.is_none_or(|l| a.level == l)
            && self
                .education_level
                .is_none_or(|e| a.education_levels.contains(&e))
            && self
                .study_programme
                .as_ref()
                .is_none_or(|p| a.study_programmes.iter().any(|s| s.to_lowercase() == *p))
            && self
                .subject_area
                .as_ref()
                .is_none_or(|s| a.subject_areas.contains(s))
            && self
                .unit
                .as_ref()
                .is_none_or(|u| a.home_unit.as_ref().is_some_and(|h| lookup.within(h, u)))
            && self.partner.as_ref().is_none_or(|p| {
                a.parties.iter().any(|x| {
                    lookup.within(&x.organisation, p)
                        || x.unit.as_ref().is_some_and(|u| lookup.within(u, p))
                })
            })
            && self.status.is_none_or(|s| lookup.status(a) == s)
            && (self.text.is_empty()
                || self.text.matches(
                    std::iter::once(a.title.as_str())
                        .chain(a.study_programmes.iter().map(String::as_str))
                        .chain(a.research_fields.iter().map(String::as_str))
                        .chain(org_names(lookup, a.party_ids())),
                ))
    }

    /// The matching agreements this audience may see, in id order.
    pub fn select<'a>(&self, lookup: &Lookup<'a>) -> Vec<&'a Agreement> {
        let ix = lookup.index;
        let narrowed: Option<Vec<usize>> = match (&self.partner, self.country) {
            (Some(p), _) => Some(positions(lookup, p, |id| ix.agreements_of(id))),
            (None, Some(cc)) => Some(ix.agreements_in_country(cc).to_vec()),
            (None, None) => None,
        };
        let candidates: Box<dyn Iterator<Item = &'a Agreement> + '_> = match &narrowed {
            Some(at) => Box::new(lookup.agreements_at(at)),
            None => Box::new(lookup.agreements()),
        };
        // Narrowed by partner, the country still has to be checked; narrowed by
        // country alone, the index holds exactly the agreements with a partner there.
        let check_country = self.partner.is_some();
        candidates
            .filter(|a| {
                !check_country
                    || self
                        .country
                        .is_none_or(|c| lookup.partner_countries(a.party_ids()).contains(&c))
            })
            .filter(|a| self.matches(lookup, a))
            .collect()
    }
}

/// Filters of the programme list.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeFilter {
    /// A partner's country.
    pub country: Option<CountryCode>,
    /// Of this kind.
    pub kind: Option<ProgrammeKind>,
    /// Open to this education level.
    pub education_level: Option<EducationLevel>,
    /// With this organisation (or a unit of it) as partner, unit or location.
    pub partner: Option<Slug>,
    /// Administered by this unit or one below it.
    pub unit: Option<Slug>,
    /// Text in the title or description.
    pub text: TextFilter,
}

impl ProgrammeFilter {
    /// The matching programmes this audience may see, in id order.
    pub fn select<'a>(&self, lookup: &Lookup<'a>) -> Vec<&'a Programme> {
        let ix = lookup.index;
        let candidates: Box<dyn Iterator<Item = &'a Programme> + '_> = match self.country {
            Some(cc) => Box::new(lookup.programmes_at(ix.programmes_in_country(cc))),
            None => Box::new(lookup.programmes()),
        };
        // The country index holds exactly the programmes with a partner there.
        candidates
            .filter(|x| self.kind.is_none_or(|k| x.kind == k))
            .filter(|x| {
                self.education_level
                    .is_none_or(|e| x.education_levels.contains(&e))
            })
            .filter(|x| {
                self.partner.as_ref().is_none_or(|p| {
                    x.partners
                        .iter()
                        .chain(&x.units)
                        .chain(&x.locations)
                        .any(|o| lookup.within(o, p))
                })
            })
            .filter(|x| {
                self.unit
                    .as_ref()
                    .is_none_or(|u| x.units.iter().any(|o| lookup.within(o, u)))
            })
            .filter(|x| {
                self.text.matches([
                    x.title.as_str(),
                    x.description.as_deref().unwrap_or_default(),
                ])
            })
            .collect()
    }
}

/// Filters of the funding list.
#[derive(Debug, Clone, Default)]
pub struct FundingFilter {
    /// A destination country.
    pub country: Option<CountryCode>,
    /// Of this kind.
    pub kind: Option<FundingKind>,
    /// Open to this career stage.
    pub career_stage: Option<CareerStage>,
    /// Funded by this organisation (or a unit of it).
    pub funder: Option<Slug>,
    /// Text in the title or eligibility.
    pub text: TextFilter,
}

impl FundingFilter {
    /// The matching funding opportunities this audience may see, in id order.
    pub fn select<'a>(&self, lookup: &Lookup<'a>) -> Vec<&'a FundingOpportunity> {
        lookup
            .funding()
            .filter(|f| {
                self.country
                    .is_none_or(|c| f.destination_countries.contains(&c))
            })
            .filter(|f| self.kind.is_none_or(|k| f.kind == k))
            .filter(|f| {
                self.career_stage
                    .is_none_or(|s| f.career_stages.contains(&s))
            })
            .filter(|f| {
                self.funder
                    .as_ref()
                    .is_none_or(|o| f.funder.as_ref().is_some_and(|x| lookup.within(x, o)))
            })
            .filter(|f| {
                self.text.matches([
                    f.title.as_str(),
                    f.eligibility.as_deref().unwrap_or_default(),
                ])
            })
            .collect()
    }
}

/// Filters of the contact list.
#[derive(Debug, Clone, Default)]
pub struct ContactFilter {
    /// Covers this country.
    pub country: Option<CountryCode>,
    /// Works at this organisation (or a unit of it).
    pub partner: Option<Slug>,
    /// Works in this unit (or one below it).
    pub unit: Option<Slug>,
    /// Text in the name or role.
    pub text: TextFilter,
}

impl ContactFilter {
    /// The matching contacts this audience may see, in id order.
    pub fn select<'a>(&self, lookup: &Lookup<'a>) -> Vec<&'a Contact> {
        let candidates: Box<dyn Iterator<Item = &'a Contact> + '_> = match self.country {
            Some(cc) => Box::new(lookup.contacts_at(lookup.index.contacts_in_country(cc))),
            None => Box::new(lookup.contacts()),
        };
        candidates
            .filter(|c| {
                self.partner.as_ref().is_none_or(|p| {
                    c.organisation
                        .iter()
                        .chain(&c.unit)
                        .any(|o| lookup.within(o, p))
                })
            })
            .filter(|c| {
                self.unit
                    .as_ref()
                    .is_none_or(|u| c.unit.as_ref().is_some_and(|x| lookup.within(x, u)))
            })
            .filter(|c| {
                self.text
                    .matches([c.name.as_str(), c.role.as_deref().unwrap_or_default()])
            })
            .collect()
    }
}

/// Every name of the visible organisations among `ids`.
fn org_names<'a>(lookup: &Lookup<'a>, ids: impl IntoIterator<Item = &'a Slug>) -> Vec<&'a str> {
    ids.into_iter()
        .filter_map(|id| lookup.org(id))
        .flat_map(|o| o.names.iter().map(|n| n.value.as_str()))
        .collect()
}

/// Positions listed for `root` and every unit below it, in order, each once.
fn positions<'i>(
    lookup: &Lookup<'i>,
    root: &Slug,
    of: impl Fn(&Slug) -> &'i [usize],
) -> Vec<usize> {
    let mut found = BTreeSet::new();
    let mut queue = vec![root.clone()];
    let mut seen = BTreeSet::new();
    // Bounded like `Lookup::within`: a cycle of parents in bad data must not hang.
    while let Some(id) = queue.pop() {
        if !seen.insert(id.clone()) || seen.len() > 10_000 {
            continue;
        }
        found.extend(of(&id).iter().copied());
        queue.extend(lookup.index.children(&id).iter().cloned());
    }
    found.into_iter().collect()
}
