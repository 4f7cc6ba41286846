//! View models: what pages and the country API show, built from a snapshot.
//! Each is a plain serialisable struct, so templates stay logic-free.

pub mod country;
pub mod records;

use std::collections::{HashMap, HashSet};

use kizuna_core::Snapshot;
use kizuna_domain::{
    Agreement, AgreementStatus, Contact, CountryCode, FundingOpportunity, Organisation, Programme,
    Slug, StatusContext, Visibility,
};
use serde::Serialize;

/// A link to an organisation with what a reader needs to recognise it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OrgRef {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Acronym, if any.
    pub acronym: Option<String>,
    /// Names in other languages, e.g. 東京大学.
    pub other_names: Vec<String>,
    /// Kind word.
    pub kind: String,
    /// Country code.
    pub country: Option<String>,
    /// Country name.
    pub country_name: Option<String>,
    /// City.
    pub city: Option<String>,
    /// The parent's display name, for units.
    pub parent_name: Option<String>,
}

/// A link to any record by id and title.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Link {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
}

/// An agreement as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind word.
    pub kind: String,
    /// Level word.
    pub level: String,
    /// Derived status word.
    pub status: String,
    /// Parties other than the home side.
    pub partners: Vec<OrgRef>,
    /// Every party.
    pub parties: Vec<OrgRef>,
    /// Administering home unit.
    pub home_unit: Option<OrgRef>,
    /// Signing date as known.
    pub signed_on: Option<String>,
    /// Start.
    pub valid_from: Option<String>,
    /// End.
    pub valid_until: Option<String>,
    /// Education level words.
    pub education_levels: Vec<String>,
    /// Study programmes.
    pub study_programmes: Vec<String>,
    /// ISCED codes.
    pub subject_areas: Vec<String>,
    /// Research fields.
    pub research_fields: Vec<String>,
    /// The agreement it renews.
    pub renews: Option<Link>,
    /// The agreement that renewed it.
    pub renewed_by: Option<Link>,
}

/// A programme as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind word.
    pub kind: String,
    /// Markdown description.
    pub description: Option<String>,
    /// Partners.
    pub partners: Vec<OrgRef>,
    /// Administrative units.
    pub units: Vec<OrgRef>,
    /// Where it takes place.
    pub locations: Vec<OrgRef>,
    /// Education level words.
    pub education_levels: Vec<String>,
    /// How often.
    pub recurrence: Option<String>,
    /// Agreement it runs under.
    pub agreement: Option<Link>,
}

/// A deadline with its next occurrence.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineView {
    /// The date as recorded.
    pub date: String,
    /// Repeats every year.
    pub yearly: bool,
    /// Next occurrence from today, if any.
    pub next: Option<String>,
}

/// A funding opportunity as a row of a list.
#[derive(Debug, Clone, Serialize)]
pub struct FundingRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind word.
    pub kind: String,
    /// Funder.
    pub funder: Option<OrgRef>,
    /// Career stage words.
    pub career_stages: Vec<String>,
    /// Destination country codes.
    pub destination_countries: Vec<String>,
    /// Markdown eligibility.
    pub eligibility: Option<String>,
    /// Deadlines.
    pub deadlines: Vec<DeadlineView>,
    /// Amount.
    pub amount: Option<String>,
    /// Link to apply.
    pub url: Option<String>,
    /// Programme it belongs to.
    pub programme: Option<Link>,
    /// Agreement it belongs to.
    pub agreement: Option<Link>,
}

/// A contact person.
#[derive(Debug, Clone, Serialize)]
pub struct ContactRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Employer.
    pub organisation: Option<OrgRef>,
    /// Unit.
    pub unit: Option<OrgRef>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Countries covered (codes).
    pub countries: Vec<String>,
    /// Agreements handled.
    pub agreements: Vec<Link>,
    /// Programmes handled.
    pub programmes: Vec<Link>,
}

/// Reads a snapshot as one audience sees it.
pub struct Lookup<'a> {
    /// The registry.
    pub snapshot: &'a Snapshot,
    /// For agreement status.
    pub ctx: StatusContext,
    /// Hide internal records.
    pub public_only: bool,
    successors: HashMap<&'a Slug, &'a Agreement>,
    home_side: HashSet<&'a Slug>,
}

impl<'a> Lookup<'a> {
    /// A reader of `snapshot`.
    pub fn new(snapshot: &'a Snapshot, ctx: StatusContext, public_only: bool) -> Self {
        let successors = snapshot
            .agreements
            .iter()
            .filter_map(|a| a.renews.as_ref().map(|r| (r, a)))
            .collect();
        // The home side: the home organisation and every consortium it belongs to.
        let home_side = match &snapshot.home {
            Some(home) => std::iter::once(home)
                .chain(
                    snapshot
                        .organisations
                        .values()
                        .filter(|o| {
                            o.kind == kizuna_domain::OrganisationKind::Consortium
                                && o.members.contains(home)
                        })
                        .map(|o| &o.id),
                )
                .collect(),
            None => HashSet::new(),
        };
        Lookup {
            snapshot,
            ctx,
            public_only,
            successors,
            home_side,
        }
    }

    fn visible(&self, v: Visibility) -> bool {
        !self.public_only || v == Visibility::Public
    }

    /// The home organisation's id (a placeholder that matches nothing when unset).
    pub fn home(&self) -> Slug {
        self.snapshot
            .home
            .clone()
            .unwrap_or_else(|| "no-home".parse().expect("valid slug"))
    }

    /// An organisation this audience may see.
    pub fn org(&self, id: &Slug) -> Option<&'a Organisation> {
        self.snapshot
            .organisations
            .get(id)
            .filter(|o| self.visible(o.visibility))
    }

    /// Visible organisations.
    pub fn organisations(&self) -> impl Iterator<Item = &'a Organisation> + '_ {
        self.snapshot
            .organisations
            .values()
            .filter(|o| self.visible(o.visibility))
    }

    /// Visible agreements.
    pub fn agreements(&self) -> impl Iterator<Item = &'a Agreement> + '_ {
        self.snapshot
            .agreements
            .iter()
            .filter(|a| self.visible(a.visibility))
    }

    /// Visible programmes.
    pub fn programmes(&self) -> impl Iterator<Item = &'a Programme> + '_ {
        self.snapshot
            .programmes
            .iter()
            .filter(|p| self.visible(p.visibility))
    }

    /// Visible funding opportunities.
    pub fn funding(&self) -> impl Iterator<Item = &'a FundingOpportunity> + '_ {
        self.snapshot
            .funding
            .iter()
            .filter(|f| self.visible(f.visibility))
    }

    /// Visible contacts.
    pub fn contacts(&self) -> impl Iterator<Item = &'a Contact> + '_ {
        self.snapshot
            .contacts
            .iter()
            .filter(|c| self.visible(c.visibility))
    }

    /// An agreement by id, if visible.
    pub fn agreement(&self, id: &Slug) -> Option<&'a Agreement> {
        self.agreements().find(|a| &a.id == id)
    }

    /// The signed agreement that renews `a`, if any.
    pub fn successor(&self, a: &Agreement) -> Option<&'a Agreement> {
        self.successors.get(&a.id).copied().filter(|s| s.signed)
    }

    /// The derived status of an agreement.
    pub fn status(&self, a: &Agreement) -> AgreementStatus {
        let next = self
            .successor(a)
            .and_then(|s| s.valid_from.or(s.signed_on))
            .map(|d| d.first_day());
        a.status(self.ctx, next)
    }

    /// Whether `id` is `ancestor` or a unit below it, at any depth.
    pub fn within(&self, id: &Slug, ancestor: &Slug) -> bool {
        let mut current = Some(id);
        // Bounded: a cycle of parents in bad data must not hang a request.
        for _ in 0..64 {
            match current {
                Some(c) if c == ancestor => return true,
                Some(c) => {
                    current = self
                        .snapshot
                        .organisations
                        .get(c)
                        .and_then(|o| o.parent.as_ref())
                }
                None => return false,
            }
        }
        false
    }

    /// The partner countries of a set of parties (see `kizuna_domain::rules`).
    pub fn partner_countries<'b>(
        &self,
        parties: impl IntoIterator<Item = &'b Slug>,
    ) -> HashSet<CountryCode> {
        kizuna_domain::rules::partner_countries(parties, &self.home(), &self.snapshot.organisations)
    }

    /// Whether an organisation is the home or a consortium it belongs to
    /// (`kizuna_domain::rules::is_home_side`, precomputed once per request).
    pub fn is_home_side(&self, id: &Slug) -> bool {
        self.home_side.contains(id)
    }

    /// A link to an organisation.
    pub fn org_ref(&self, id: &Slug) -> Option<OrgRef> {
        let o = self.org(id)?;
        let display = o.display_name();
        Some(OrgRef {
            id: o.id.to_string(),
            name: display.to_owned(),
            acronym: o.acronym().map(str::to_owned),
            other_names: o
                .names
                .iter()
                .filter(|n| {
                    n.value != display
                        && n.lang
                            .as_ref()
                            .is_some_and(|l| !l.as_str().starts_with("en"))
                })
                .filter(|n| n.kind == kizuna_domain::NameKind::Label)
                .map(|n| n.value.clone())
                .collect(),
            kind: o.kind.to_string(),
            country: o.country.map(|c| c.to_string()),
            country_name: o.country.map(|c| c.name().to_owned()),
            city: o.city.clone(),
            parent_name: o
                .parent
                .as_ref()
                .and_then(|p| self.org(p))
                .map(|p| p.display_name().to_owned()),
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
        self.programmes().find(|p| &p.id == id).map(|p| Link {
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
            renewed_by: self
                .successor(a)
                .filter(|s| self.visible(s.visibility))
                .map(|s| Link {
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
