//! The generated country page: every record that concerns a country,
//! organised in the sections of DESIGN.md.

use std::collections::BTreeSet;

use kizuna_domain::{
    Agreement, AgreementKind, AgreementLevel, AgreementStatus, CareerStage, CountryCode,
    CountrySections, EducationLevel, Organisation, OrganisationKind, Programme, Slug,
};
use serde::Serialize;

use super::Lookup;
use super::rows::{AgreementRow, ContactRow, FundingRow, OrgRef, ProgrammeRow};

/// The country a page is about.
#[derive(Debug, Clone, Serialize)]
pub struct CountryName {
    /// ISO code.
    pub code: String,
    /// Name in the reader's language.
    pub name: String,
}

/// Figures for the top of the page.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Years of collaboration, as the office states it.
    pub collaboration_years: Option<u32>,
    /// Fields where collaboration is most active.
    pub research_fields: Vec<String>,
    /// Partners with the most extensive collaboration.
    pub key_partners: Vec<OrgRef>,
    /// Partner organisations in the country.
    pub partner_count: usize,
    /// Agreements with partners in the country.
    pub agreement_count: usize,
    /// Of which in force (active or expiring).
    pub active_agreement_count: usize,
    /// Programmes with partners in the country.
    pub programme_count: usize,
    /// Funding opportunities for stays in the country.
    pub funding_count: usize,
}

/// Agreements at one level on the home side.
#[derive(Debug, Clone, Serialize)]
pub struct LevelGroup {
    /// Level word.
    pub level: String,
    /// Agreements at that level.
    pub agreements: Vec<AgreementRow>,
}

/// A consortium and its members.
#[derive(Debug, Clone, Serialize)]
pub struct ConsortiumView {
    /// The consortium.
    pub consortium: OrgRef,
    /// Its members.
    pub members: Vec<OrgRef>,
}

/// What is on offer at one stage of a career.
#[derive(Debug, Clone, Serialize)]
pub struct StageSection {
    /// Agreements for this stage.
    pub agreements: Vec<AgreementRow>,
    /// Programmes for this stage.
    pub programmes: Vec<ProgrammeRow>,
    /// Funding for this stage.
    pub funding: Vec<FundingRow>,
    /// How many of the agreements are at central level.
    pub central_agreements: usize,
    /// Study programmes covered.
    pub study_programmes: Vec<String>,
}

/// A partner organisation with its units that take part.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerView {
    /// The organisation.
    pub organisation: OrgRef,
    /// Units of it named in agreements or programmes.
    pub units: Vec<OrgRef>,
    /// Agreements it is party to.
    pub agreements: usize,
    /// Programmes it takes part in.
    pub programmes: usize,
}

/// The whole country page.
#[derive(Debug, Clone, Serialize)]
pub struct CountryView {
    /// The country.
    pub country: CountryName,
    /// The home organisation.
    pub home: Option<OrgRef>,
    /// Figures.
    pub overview: Overview,
    /// Editorial Markdown.
    pub sections: CountrySections,
    /// Partner organisations in the country.
    pub partners: Vec<PartnerView>,
    /// Agreements grouped by home-side level, central first.
    pub agreements_by_level: Vec<LevelGroup>,
    /// Memoranda of understanding.
    pub mous: Vec<AgreementRow>,
    /// Strategic partnerships (newest of each renewal chain).
    pub strategic_partnerships: Vec<AgreementRow>,
    /// Consortia taking part.
    pub consortia: Vec<ConsortiumView>,
    /// Joint programmes, courses, workshops.
    pub programmes: Vec<ProgrammeRow>,
    /// Bachelor's and master's exchange.
    pub education: StageSection,
    /// Doctoral education.
    pub doctoral: StageSection,
    /// Postdoctoral stays.
    pub postdoc: StageSection,
    /// Funders and organisations that support the collaboration.
    pub funders: Vec<OrgRef>,
    /// Scholarships, fellowships and travel grants.
    pub funding: Vec<FundingRow>,
    /// People to contact.
    pub contacts: Vec<ContactRow>,
    /// Every agreement concerning the country (for the API).
    #[serde(skip)]
    pub agreement_ids: Vec<String>,
}

/// Which records concern a country; the API and the page share it. Read
/// from the per-revision indexes: its cost is what it holds, not the registry.
pub struct CountryRecords<'a> {
    /// Partner organisations in the country (linked by an agreement,
    /// programme, funding opportunity or contact, or parents of linked units).
    pub partners: Vec<&'a Organisation>,
    /// Agreements with a partner in the country.
    pub agreements: Vec<&'a Agreement>,
    /// Programmes with a partner in the country.
    pub programmes: Vec<&'a Programme>,
    /// Funding for stays in the country, or from its organisations.
    pub funding: Vec<&'a kizuna_domain::FundingOpportunity>,
    /// Contacts who cover the country.
    pub contacts: Vec<&'a kizuna_domain::Contact>,
}

impl<'a> CountryRecords<'a> {
    /// Selects the records concerning `cc`.
    pub fn select(lookup: &Lookup<'a>, cc: CountryCode) -> Self {
        let ix = lookup.index;
        CountryRecords {
            partners: lookup.orgs(ix.partners_in_country(cc)).collect(),
            agreements: lookup.agreements_at(ix.agreements_in_country(cc)).collect(),
            programmes: lookup.programmes_at(ix.programmes_in_country(cc)).collect(),
            funding: lookup.funding_at(ix.funding_in_country(cc)).collect(),
            contacts: lookup.contacts_at(ix.contacts_in_country(cc)).collect(),
        }
    }

    /// How many organisations of any kind the registry holds in `cc`.
    pub fn organisation_count(lookup: &Lookup<'a>, cc: CountryCode) -> usize {
        lookup.orgs(lookup.index.orgs_in_country(cc)).count()
    }
}

impl CountryView {
    /// Builds the page for `cc`.
    pub fn build(lookup: &Lookup<'_>, cc: CountryCode) -> CountryView {
        let records = CountryRecords::select(lookup, cc);
        let profile = lookup.snapshot.countries.iter().find(|p| p.country == cc);
        let rows: Vec<AgreementRow> = records
            .agreements
            .iter()
            .map(|a| lookup.agreement_row(a))
            .collect();
        let programme_rows: Vec<ProgrammeRow> = records
            .programmes
            .iter()
            .map(|p| lookup.programme_row(p))
            .collect();
        let funding_rows: Vec<FundingRow> = records
            .funding
            .iter()
            .map(|f| lookup.funding_row(f))
            .collect();
        let in_force = |a: &&&Agreement| {
            matches!(
                lookup.status(a),
                AgreementStatus::Active | AgreementStatus::Expiring
            )
        };

        let agreements_by_level = AgreementLevel::ALL
            .iter()
            .map(|level| LevelGroup {
                level: level.to_string(),
                agreements: rows
                    .iter()
                    .filter(|r| r.level == level.as_str())
                    .cloned()
                    .collect(),
            })
            .filter(|g| !g.agreements.is_empty())
            .collect();
        let of_kind = |kind: AgreementKind| -> Vec<AgreementRow> {
            records
                .agreements
                .iter()
                .filter(|a| a.kind == kind && lookup.successor(a).is_none())
                .map(|a| lookup.agreement_row(a))
                .collect()
        };

        let stage = |levels: &[EducationLevel], stages: &[CareerStage]| -> StageSection {
            let agreements: Vec<&&Agreement> = records
                .agreements
                .iter()
                .filter(|a| a.education_levels.iter().any(|l| levels.contains(l)))
                .collect();
            let study_programmes: BTreeSet<String> = agreements
                .iter()
                .flat_map(|a| a.study_programmes.iter().cloned())
                .collect();
            StageSection {
                central_agreements: agreements
                    .iter()
                    .filter(|a| a.level == AgreementLevel::Central)
                    .count(),
                agreements: agreements.iter().map(|a| lookup.agreement_row(a)).collect(),
                programmes: records
                    .programmes
                    .iter()
                    .filter(|p| p.education_levels.iter().any(|l| levels.contains(l)))
                    .map(|p| lookup.programme_row(p))
                    .collect(),
                funding: records
                    .funding
                    .iter()
                    .filter(|f| f.career_stages.iter().any(|s| stages.contains(s)))
                    .map(|f| lookup.funding_row(f))
                    .collect(),
                study_programmes: study_programmes.into_iter().collect(),
            }
        };

        let mut partners: Vec<PartnerView> = Vec::new();
        let agreement_ids: BTreeSet<&Slug> = records.agreements.iter().map(|a| &a.id).collect();
        let programme_ids: BTreeSet<&Slug> = records.programmes.iter().map(|p| &p.id).collect();
        for org in records
            .partners
            .iter()
            .filter(|o| o.parent.is_none() && o.kind != OrganisationKind::Consortium)
        {
            // Units that take part: those named by this country's records.
            let units: Vec<&Slug> = lookup.index.children(&org.id).iter().collect();
            let ids: Vec<&Slug> = std::iter::once(&org.id)
                .chain(units.iter().copied())
                .collect();
            let agreements: BTreeSet<&Slug> = ids
                .iter()
                .flat_map(|id| lookup.agreements_at(lookup.index.agreements_of(id)))
                .filter(|a| agreement_ids.contains(&a.id))
                .filter(|a| a.parties.iter().any(|p| ids.contains(&&p.organisation)))
                .map(|a| &a.id)
                .collect();
            let programmes: BTreeSet<&Slug> = ids
                .iter()
                .flat_map(|id| lookup.programmes_at(lookup.index.programmes_of(id)))
                .filter(|p| programme_ids.contains(&p.id))
                .map(|p| &p.id)
                .collect();
            let (agreements, programmes) = (agreements.len(), programmes.len());
            if agreements + programmes == 0 {
                continue;
            }
            let Some(organisation) = lookup.org_ref(&org.id) else {
                continue;
            };
            let units = units.iter().filter_map(|u| lookup.org_ref(u)).collect();
            partners.push(PartnerView {
                organisation,
                units,
                agreements,
                programmes,
            });
        }
        partners.sort_by(|a, b| {
            (b.agreements + b.programmes)
                .cmp(&(a.agreements + a.programmes))
                .then(a.organisation.name.cmp(&b.organisation.name))
        });

        let consortium_ids: BTreeSet<&Slug> = records
            .agreements
            .iter()
            .flat_map(|a| a.party_ids())
            .chain(records.programmes.iter().flat_map(|p| &p.partners))
            .filter(|id| {
                lookup
                    .org(id)
                    .is_some_and(|o| o.kind == OrganisationKind::Consortium)
            })
            .collect();
        let consortia = consortium_ids
            .into_iter()
            .filter_map(|id| {
                let org = lookup.org(id)?;
                Some(ConsortiumView {
                    consortium: lookup.org_ref(id)?,
                    members: org
                        .members
                        .iter()
                        .filter_map(|m| lookup.org_ref(m))
                        .collect(),
                })
            })
            .collect();

        let mut funder_ids: Vec<&Slug> = records
            .funding
            .iter()
            .filter_map(|f| f.funder.as_ref())
            .collect();
        if let Some(p) = profile {
            funder_ids.extend(&p.supporters);
        }
        let mut seen = BTreeSet::new();
        funder_ids.retain(|id| seen.insert(*id));

        CountryView {
            country: CountryName {
                code: cc.to_string(),
                name: lookup.country_name(cc).to_owned(),
            },
            home: lookup
                .snapshot
                .home
                .as_ref()
                .and_then(|h| lookup.org_ref(h)),
            overview: Overview {
                collaboration_years: profile.and_then(|p| p.collaboration_years),
                research_fields: profile
                    .map(|p| p.research_fields.clone())
                    .unwrap_or_default(),
                key_partners: profile
                    .map(|p| {
                        p.key_partners
                            .iter()
                            .filter_map(|k| lookup.org_ref(k))
                            .collect()
                    })
                    .unwrap_or_default(),
                partner_count: partners.len(),
                agreement_count: records.agreements.len(),
                active_agreement_count: records.agreements.iter().filter(in_force).count(),
                programme_count: records.programmes.len(),
                funding_count: records.funding.len(),
            },
            sections: profile.map(|p| p.sections.clone()).unwrap_or_default(),
            partners,
            agreements_by_level,
            mous: of_kind(AgreementKind::Mou),
            strategic_partnerships: of_kind(AgreementKind::StrategicPartnership),
            consortia,
            programmes: programme_rows,
            education: stage(
                &[EducationLevel::Bachelor, EducationLevel::Master],
                &[CareerStage::Bachelor, CareerStage::Master],
            ),
            doctoral: stage(&[EducationLevel::Doctoral], &[CareerStage::Doctoral]),
            postdoc: stage(
                &[EducationLevel::Postdoc],
                &[CareerStage::Postdoc, CareerStage::Researcher],
            ),
            funders: funder_ids
                .into_iter()
                .filter_map(|id| lookup.org_ref(id))
                .collect(),
            funding: funding_rows,
            contacts: records
                .contacts
                .iter()
                .map(|c| lookup.contact_row(c))
                .collect(),
            agreement_ids: rows.iter().map(|r| r.id.clone()).collect(),
        }
    }
}
