//! `GET /api/v1/countries/{cc}`: the country page as data.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::Response;
use kizuna_domain::{Contact, CountrySections, FundingOpportunity, Organisation, Programme};
use serde::Serialize;
use utoipa::ToSchema;

use super::collections::AgreementOut;
use crate::http::query::{JSON, to_json};
use crate::{AppError, AppState};
use kizuna_core::read::Lookup;
use kizuna_core::read::country::CountryRecords;

/// Figures of a country's collaboration.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryOverview {
    /// Years of collaboration, as the office states it.
    pub collaboration_years: Option<u32>,
    /// Fields where collaboration is most active.
    pub research_fields: Vec<String>,
    /// Ids of the partners with the most extensive collaboration.
    pub key_partners: Vec<String>,
    /// Ids of organisations that support the collaboration from elsewhere.
    pub supporters: Vec<String>,
}

/// Everything the registry holds about one country.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryOut {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// English name.
    pub name: String,
    /// Figures.
    pub overview: CountryOverview,
    /// Partner organisations in the country (and units of them): those linked
    /// by an agreement, programme, funding opportunity or contact; the first
    /// [`LIST_LIMIT`] by id (`totals` and `more` say how to get the rest).
    pub organisations: Vec<Organisation>,
    /// How many records each list holds in all (`organisations`: every
    /// organisation in the country, partner or not).
    pub totals: CountryTotals,
    /// Where to page through each whole list with the collection APIs.
    pub more: CountryLinks,
    /// Agreements with a partner in the country.
    pub agreements: Vec<AgreementOut>,
    /// Programmes with a partner in the country.
    pub programmes: Vec<Programme>,
    /// Funding for stays in the country or from its organisations.
    pub funding: Vec<FundingOpportunity>,
    /// Contacts who cover the country.
    pub contacts: Vec<Contact>,
    /// Editorial Markdown sections, in English.
    pub sections: CountrySections,
    /// The sections in other languages, by BCP 47 tag (`sv`, `ja`); left
    /// out when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, CountrySections>,
}

/// Most records of each kind in one country answer; the collection APIs page the rest,
/// so the answer stays small at any registry size.
pub const LIST_LIMIT: usize = 50;

/// How many records concern the country, list by list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryTotals {
    /// Organisations in the country (partners or not).
    pub organisations: usize,
    /// Partner organisations.
    pub partners: usize,
    /// Agreements.
    pub agreements: usize,
    /// Programmes.
    pub programmes: usize,
    /// Funding opportunities.
    pub funding: usize,
    /// Contacts.
    pub contacts: usize,
}

/// The collection API queries that list everything about the country.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryLinks {
    /// `/api/v1/organisations?country=CC`.
    pub organisations: String,
    /// `/api/v1/agreements?country=CC`.
    pub agreements: String,
    /// `/api/v1/programmes?country=CC`.
    pub programmes: String,
    /// `/api/v1/funding?country=CC`.
    pub funding: String,
    /// `/api/v1/contacts?country=CC`.
    pub contacts: String,
}

/// The generated country page as data.
#[utoipa::path(get, path = "/countries/{cc}", tag = "countries", params(("cc" = kizuna_domain::CountryCode, Path, description = "ISO 3166-1 alpha-2 code, either case")),
    responses((status = 200, body = CountryOut), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn get_country(
    State(state): State<AppState>,
    Path(cc): Path<String>,
) -> Result<Response, AppError> {
    let code = crate::http::query::country_code(&cc)?;
    let ctx = state.status_context();
    state
        .cached(format!("api/countries {code}"), JSON, async |snapshot| {
            let lookup = Lookup::new(&snapshot, ctx, true);
            let records = CountryRecords::select(&lookup, code);
            let profile = snapshot.countries.iter().find(|p| p.country == code);
            let ids = |list: &[kizuna_domain::Slug]| {
                list.iter()
                    .filter(|id| lookup.org(id).is_some())
                    .map(|s| s.to_string())
                    .collect()
            };
            let out = CountryOut {
                country: code.to_string(),
                name: code.name().to_owned(),
                overview: CountryOverview {
                    collaboration_years: profile.and_then(|p| p.collaboration_years),
                    research_fields: profile
                        .map(|p| p.research_fields.clone())
                        .unwrap_or_default(),
                    key_partners: profile.map(|p| ids(&p.key_partners)).unwrap_or_default(),
                    supporters: profile.map(|p| ids(&p.supporters)).unwrap_or_default(),
                },
                totals: CountryTotals {
                    organisations: CountryRecords::organisation_count(&lookup, code),
                    partners: records.partners.len(),
                    agreements: records.agreements.len(),
                    programmes: records.programmes.len(),
                    funding: records.funding.len(),
                    contacts: records.contacts.len(),
                },
                more: CountryLinks {
                    organisations: format!("/api/v1/organisations?country={code}"),
                    agreements: format!("/api/v1/agreements?country={code}"),
                    programmes: format!("/api/v1/programmes?country={code}"),
                    funding: format!("/api/v1/funding?country={code}"),
                    contacts: format!("/api/v1/contacts?country={code}"),
                },
                organisations: first(&records.partners, Organisation::clone),
                agreements: first(&records.agreements, |a| AgreementOut {
                    agreement: (*a).clone(),
                    status: lookup.status(a),
                }),
                programmes: first(&records.programmes, Programme::clone),
                funding: first(&records.funding, FundingOpportunity::clone),
                contacts: first(&records.contacts, Contact::clone),
                sections: profile.map(|p| p.sections.clone()).unwrap_or_default(),
                translations: profile.map(|p| p.translations.clone()).unwrap_or_default(),
            };
            to_json(&out)
        })
        .await
}

/// The first [`LIST_LIMIT`] of a list, copied.
fn first<T, O>(list: &[&T], copy: impl Fn(&T) -> O) -> Vec<O> {
    list.iter().take(LIST_LIMIT).map(|x| copy(x)).collect()
}
