//! Building the list rows of [`crate::read::rows`] from the records a
//! [`Lookup`] finds, with names in the reader's language.

use kizuna_domain::{Agreement, Contact, FundingOpportunity, Programme, Slug};

use super::Lookup;
use crate::read::rows::{
    AgreementRow, AltName, ContactRow, DeadlineView, FundingRow, Link, OrgRef, ProgrammeRow,
};

impl Lookup<'_> {
    /// A link to an organisation.
    pub fn org_ref(&self, id: &Slug) -> Option<OrgRef> {
        let o = self.org(id)?;
        let names = o.names_for(self.reader.lang);
        Some(OrgRef {
            id: o.id.to_string(),
            name: names.primary.value.to_owned(),
            name_lang: names.primary.lang.map(str::to_owned),
            translated: names.primary.value != o.display_name(),
            acronym: o.acronym().map(str::to_owned),
            other_names: names.others.iter().map(|n| n.value.to_owned()).collect(),
            alt_names: names
                .others
                .iter()
                .map(|n| AltName {
                    value: n.value.to_owned(),
                    lang: n.lang.map(str::to_owned),
                })
                .collect(),
            kind: o.kind.to_string(),
            country: o.country.map(|c| c.to_string()),
            country_name: o.country.map(|c| self.country_name(c).to_owned()),
            city: o.city.clone(),
            parent_name: o
                .parent
                .as_ref()
                .and_then(|p| self.org(p))
                .map(|p| self.org_name(p).to_owned()),
        })
    }

    fn org_refs<'b>(&self, ids: impl IntoIterator<Item = &'b Slug>) -> Vec<OrgRef> {
        ids.into_iter().filter_map(|id| self.org_ref(id)).collect()
    }

    fn agreement_link(&self, id: &Slug) -> Option<Link> {
        self.agreement(id).map(|a| Link {
            id: a.id.to_string(),
            title: a.title.clone(),
        })
    }

    fn programme_link(&self, id: &Slug) -> Option<Link> {
        self.programme(id).map(|p| Link {
            id: p.id.to_string(),
            title: p.title.clone(),
        })
    }

    /// An agreement as a list row.
    pub fn agreement_row(&self, a: &Agreement) -> AgreementRow {
        AgreementRow {
            id: a.id.to_string(),
            title: a.title.clone(),
            kind: a.kind.to_string(),
            level: a.level.to_string(),
            status: self.status(a).to_string(),
            partners: self.org_refs(a.party_ids().filter(|p| !self.is_home_side(p))),
            parties: self.org_refs(a.party_ids()),
            home_unit: a.home_unit.as_ref().and_then(|u| self.org_ref(u)),
            signed_on: a.signed_on.map(|d| d.to_string()),
            valid_from: a.valid_from.map(|d| d.to_string()),
            valid_until: a.valid_until.map(|d| d.to_string()),
            education_levels: a.education_levels.iter().map(|l| l.to_string()).collect(),
            study_programmes: a.study_programmes.clone(),
            subject_areas: a.subject_areas.iter().map(|s| s.to_string()).collect(),
            research_fields: a.research_fields.clone(),
            renews: a.renews.as_ref().and_then(|r| self.agreement_link(r)),
            renewed_by: self.successor(a).filter(|s| self.shows(*s)).map(|s| Link {
                id: s.id.to_string(),
                title: s.title.clone(),
            }),
        }
    }

    /// A programme as a list row.
    pub fn programme_row(&self, p: &Programme) -> ProgrammeRow {
        ProgrammeRow {
            id: p.id.to_string(),
            title: p.title.clone(),
            kind: p.kind.to_string(),
            description: p.description.clone(),
            partners: self.org_refs(&p.partners),
            units: self.org_refs(&p.units),
            locations: self.org_refs(&p.locations),
            education_levels: p.education_levels.iter().map(|l| l.to_string()).collect(),
            recurrence: p.recurrence.clone(),
            agreement: p.agreement.as_ref().and_then(|a| self.agreement_link(a)),
        }
    }

    /// A funding opportunity as a list row.
    pub fn funding_row(&self, f: &FundingOpportunity) -> FundingRow {
        FundingRow {
            id: f.id.to_string(),
            title: f.title.clone(),
            kind: f.kind.to_string(),
            funder: f.funder.as_ref().and_then(|o| self.org_ref(o)),
            career_stages: f.career_stages.iter().map(|s| s.to_string()).collect(),
            destination_countries: f
                .destination_countries
                .iter()
                .map(|c| c.to_string())
                .collect(),
            eligibility: f.eligibility.clone(),
            deadlines: f
                .deadlines
                .iter()
                .map(|d| DeadlineView {
                    date: d.date.to_string(),
                    yearly: d.yearly,
                    next: d.next_after(self.ctx.today).map(|n| n.to_string()),
                })
                .collect(),
            amount: f.amount.clone(),
            url: f.url.clone(),
            programme: f.programme.as_ref().and_then(|p| self.programme_link(p)),
            agreement: f.agreement.as_ref().and_then(|a| self.agreement_link(a)),
        }
    }

    /// A contact as a list row.
    pub fn contact_row(&self, c: &Contact) -> ContactRow {
        ContactRow {
            id: c.id.to_string(),
            name: c.name.clone(),
            role: c.role.clone(),
            organisation: c.organisation.as_ref().and_then(|o| self.org_ref(o)),
            unit: c.unit.as_ref().and_then(|o| self.org_ref(o)),
            email: c.email.clone(),
            phone: c.phone.clone(),
            countries: c.countries.iter().map(|c| c.to_string()).collect(),
            agreements: c
                .agreements
                .iter()
                .filter_map(|a| self.agreement_link(a))
                .collect(),
            programmes: c
                .programmes
                .iter()
                .filter_map(|p| self.programme_link(p))
                .collect(),
        }
    }
}
