//! Exports with the API's list filters: the same parameters, the same
//! meaning (the core's typed filters), whether they come from a query string
//! or from the command line.

use kizuna_core::read::Lookup;
use kizuna_core::read::filters::{
    AgreementFilter, ContactFilter, FundingFilter, OrganisationFilter, ProgrammeFilter, TextFilter,
};
use kizuna_domain::{Collection, Slug};
use serde::Deserialize;

use super::flatten::{self, Sheet};

/// The list filters of `GET /api/v1/{collection}` (which apply depends on the collection).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    /// Country (on agreements and programmes: a partner's).
    pub country: Option<String>,
    /// Kind.
    pub kind: Option<String>,
    /// Agreement level.
    pub level: Option<String>,
    /// Agreement status.
    pub status: Option<String>,
    /// Education level (agreements, programmes).
    pub education_level: Option<String>,
    /// Career stage (funding).
    pub career_stage: Option<String>,
    /// A partner organisation (its id).
    pub partner: Option<String>,
    /// A home unit (its id).
    pub unit: Option<String>,
    /// An ISCED-F code (agreements).
    pub subject_area: Option<String>,
    /// Text anywhere in the names or titles.
    pub q: Option<String>,
}

/// Parses one filter value (empty counts as absent).
fn parse<T: std::str::FromStr>(value: &Option<String>) -> Result<Option<T>, String>
where
    T::Err: std::fmt::Display,
{
    (value.as_deref().map(str::trim).filter(|v| !v.is_empty()))
        .map(|v| v.parse::<T>().map_err(|e| e.to_string()))
        .transpose()
}

impl Filters {
    /// Refuses the filters that `collection`'s list does not have.
    fn only(&self, collection: Collection, allowed: &[&str]) -> Result<(), String> {
        let given = [
            ("country", &self.country),
            ("kind", &self.kind),
            ("level", &self.level),
            ("status", &self.status),
            ("education_level", &self.education_level),
            ("career_stage", &self.career_stage),
            ("partner", &self.partner),
            ("unit", &self.unit),
            ("subject_area", &self.subject_area),
            ("q", &self.q),
        ];
        for (name, value) in given {
            if value.is_some() && !allowed.contains(&name) {
                return Err(format!(
                    "`{name}` does not filter {collection}; its filters are: {}",
                    allowed.join(", ")
                ));
            }
        }
        Ok(())
    }

    fn org(
        &self,
        lookup: &Lookup<'_>,
        value: &Option<String>,
        name: &str,
    ) -> Result<Option<Slug>, String> {
        let Some(id) = parse::<Slug>(value)? else {
            return Ok(None);
        };
        match lookup.org(&id) {
            Some(_) => Ok(Some(id)),
            None => Err(format!("`{name}`: there is no organisation `{id}`")),
        }
    }
}

/// The sheet of the records of `collection` that `lookup`'s audience may see
/// and `filters` select, in id order.
pub fn select(
    lookup: &Lookup<'_>,
    collection: Collection,
    filters: &Filters,
) -> Result<Sheet, String> {
    let f = filters;
    let text = TextFilter::new(f.q.as_deref());
    Ok(match collection {
        Collection::Organisations => {
            f.only(collection, &["country", "kind", "partner", "q"])?;
            let filter = OrganisationFilter {
                country: parse(&f.country)?,
                kind: parse(&f.kind)?,
                parent: f.org(lookup, &f.partner, "partner")?,
                text,
            };
            flatten::organisations(&filter.select(lookup))
        }
        Collection::Agreements => {
            let allowed = [
                "country",
                "kind",
                "level",
                "status",
                "education_level",
                "partner",
                "unit",
                "subject_area",
                "q",
            ];
            f.only(collection, &allowed)?;
            let filter = AgreementFilter {
                country: parse(&f.country)?,
                kind: parse(&f.kind)?,
                level: parse(&f.level)?,
                status: parse(&f.status)?,
                education_level: parse(&f.education_level)?,
                study_programme: None,
                subject_area: parse(&f.subject_area)?,
                partner: f.org(lookup, &f.partner, "partner")?,
                unit: f.org(lookup, &f.unit, "unit")?,
                text,
            };
            flatten::agreements(lookup.snapshot, &filter.select(lookup), |a| {
                lookup.status(a)
            })
        }
        Collection::Programmes => {
            f.only(
                collection,
                &["country", "kind", "education_level", "partner", "unit", "q"],
            )?;
            let filter = ProgrammeFilter {
                country: parse(&f.country)?,
                kind: parse(&f.kind)?,
                education_level: parse(&f.education_level)?,
                partner: f.org(lookup, &f.partner, "partner")?,
                unit: f.org(lookup, &f.unit, "unit")?,
                text,
            };
            flatten::programmes(&filter.select(lookup))
        }
        Collection::Funding => {
            f.only(
                collection,
                &["country", "kind", "career_stage", "partner", "q"],
            )?;
            let filter = FundingFilter {
                country: parse(&f.country)?,
                kind: parse(&f.kind)?,
                career_stage: parse(&f.career_stage)?,
                funder: f.org(lookup, &f.partner, "partner")?,
                text,
            };
            flatten::funding(&filter.select(lookup))
        }
        Collection::Contacts => {
            f.only(collection, &["country", "partner", "unit", "q"])?;
            let filter = ContactFilter {
                country: parse(&f.country)?,
                partner: f.org(lookup, &f.partner, "partner")?,
                unit: f.org(lookup, &f.unit, "unit")?,
                text,
            };
            flatten::contacts(&filter.select(lookup))
        }
    })
}
