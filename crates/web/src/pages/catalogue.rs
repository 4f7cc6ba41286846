//! Pages that gather many records: home, countries, funding, contacts.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::Uri;
use axum::response::{Html, Response};
use kizuna_domain::{CareerStage, CountryCode, FundingKind};
use serde::{Deserialize, Serialize};

use crate::http::lang::{current, languages, t};
use crate::http::query::country_code;
use crate::http::render::{public_lookup, render};
use crate::{AppError, AppState};
use kizuna_core::read::rows::{AgreementRow, ContactRow, FundingRow, OrgRef};

/// A country with what the registry holds about it.
#[derive(Debug, Serialize)]
struct CountrySummary {
    code: String,
    name: String,
    agreements: usize,
    organisations: usize,
    has_profile: bool,
}

/// Counts of each record kind.
#[derive(Debug, Serialize)]
struct Totals {
    organisations: usize,
    /// Agreements in force (active or expiring), not every one on record.
    agreements_in_force: usize,
    programmes: usize,
    funding: usize,
    contacts: usize,
}

#[derive(Debug, Serialize)]
struct HomeView {
    home: Option<OrgRef>,
    totals: Totals,
    countries: Vec<CountrySummary>,
    featured: Vec<AgreementRow>,
}

fn country_summaries(state: &AppState, snapshot: &kizuna_core::Snapshot) -> Vec<CountrySummary> {
    let lookup = public_lookup(state, snapshot);
    let mut agreements: BTreeMap<CountryCode, usize> = BTreeMap::new();
    for a in lookup.agreements() {
        for cc in lookup.partner_countries(a.party_ids()) {
            *agreements.entry(cc).or_default() += 1;
        }
    }
    let mut codes: Vec<CountryCode> = agreements.keys().copied().collect();
    codes.extend(snapshot.countries.iter().map(|p| p.country));
    codes.sort();
    codes.dedup();
    let mut summaries: Vec<CountrySummary> = codes
        .into_iter()
        .map(|cc| CountrySummary {
            code: cc.to_string(),
            name: crate::atlas::country_name(cc),
            agreements: agreements.get(&cc).copied().unwrap_or(0),
            organisations: lookup.index.orgs_in_country(cc).len(),
            has_profile: snapshot.countries.iter().any(|p| p.country == cc),
        })
        .collect();
    // In the order the reader's language sorts the names shown (å ä ö after z in Swedish).
    languages()
        .collation(current())
        .sort_by_key(&mut summaries, |c| &c.name);
    summaries
}

/// `GET /`.
pub async fn home(State(state): State<AppState>) -> Result<Response, AppError> {
    let html = "text/html; charset=utf-8";
    state
        .cached("/".to_owned(), html, async |snapshot| {
            Ok(home_page(&state, &snapshot).await?.0)
        })
        .await
}

async fn home_page(
    state: &AppState,
    snapshot: &kizuna_core::Snapshot,
) -> Result<Html<String>, AppError> {
    let lookup = public_lookup(state, snapshot);
    let view = HomeView {
        home: snapshot.home.as_ref().and_then(|h| lookup.org_ref(h)),
        totals: Totals {
            // The public snapshot holds only what the public may see.
            organisations: snapshot.organisations.len(),
            agreements_in_force: lookup
                .agreements()
                .filter(|a| lookup.status(a).in_force())
                .count(),
            programmes: lookup.programmes().count(),
            funding: lookup.funding().count(),
            contacts: lookup.contacts().count(),
        },
        countries: country_summaries(state, snapshot),
        featured: lookup
            .agreements()
            .filter(|a| {
                a.level == kizuna_domain::AgreementLevel::Central && lookup.successor(a).is_none()
            })
            .map(|a| lookup.agreement_row(a))
            .collect(),
    };
    render(state, "home.html", t("atlas-home-title"), "/", view).await
}

/// `GET /countries`.
pub async fn countries(State(state): State<AppState>) -> Result<Response, AppError> {
    let html = "text/html; charset=utf-8";
    state
        .cached("/countries".to_owned(), html, async |snapshot| {
            let view = country_summaries(&state, &snapshot);
            let title = t("atlas-countries-title");
            Ok(render(&state, "countries.html", title, "/countries", view)
                .await?
                .0)
        })
        .await
}

/// `GET /countries/{cc}`.
pub async fn country(
    State(state): State<AppState>,
    Path(cc): Path<String>,
) -> Result<Response, AppError> {
    let code = country_code(&cc)?;
    let key = format!("/countries/{cc}");
    state
        .cached(key, "text/html; charset=utf-8", async |snapshot| {
            let lookup = public_lookup(&state, &snapshot);
            let lang = crate::http::lang::current();
            let view = super::country_page::CountryPage::build(&lookup, &snapshot, code, lang);
            let title = crate::http::lang::t_with(
                "country-title",
                &[(
                    "country",
                    kizuna_i18n::Arg::Text(lookup.country_name(code).to_owned()),
                )],
            );
            let path = format!("/countries/{cc}");
            Ok(render(&state, "country.html", title, &path, view).await?.0)
        })
        .await
}

/// Filters of the funding finder.
#[derive(Debug, Deserialize)]
pub struct FundingFilter {
    career_stage: Option<String>,
    country: Option<String>,
    kind: Option<String>,
}

#[derive(Debug, Serialize)]
struct FundingListView {
    items: Vec<FundingRow>,
    career_stages: Vec<&'static str>,
    kinds: Vec<&'static str>,
    countries: Vec<(String, String)>,
    selected: FundingSelection,
}

/// The funding finder's current choices.
#[derive(Debug, Serialize)]
struct FundingSelection {
    career_stage: Option<String>,
    kind: Option<String>,
    country: Option<String>,
}

/// `GET /funding`: the funding finder. It depends only on the data and the
/// filters, so it is rendered once per revision and query.
pub async fn funding_list(
    State(state): State<AppState>,
    uri: Uri,
    Query(filter): Query<FundingFilter>,
) -> Result<Response, AppError> {
    let html = "text/html; charset=utf-8";
    state
        .cached(format!("page {uri}"), html, async |snapshot| {
            Ok(funding_page(&state, &snapshot, filter).await?.0)
        })
        .await
}

async fn funding_page(
    state: &AppState,
    snapshot: &kizuna_core::Snapshot,
    filter: FundingFilter,
) -> Result<Html<String>, AppError> {
    let bad = |e: kizuna_domain::enums::UnknownValue| AppError::BadRequest(e.to_string());
    let stage: Option<CareerStage> = filter
        .career_stage
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .transpose()
        .map_err(bad)?;
    let kind: Option<FundingKind> = filter
        .kind
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .transpose()
        .map_err(bad)?;
    let country: Option<CountryCode> = filter
        .country
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(|c| {
            c.parse().map_err(|e: kizuna_domain::values::InvalidValue| {
                AppError::BadRequest(e.to_string())
            })
        })
        .transpose()?;
    let lookup = public_lookup(state, snapshot);
    let items = lookup
        .funding()
        .filter(|f| stage.is_none_or(|s| f.career_stages.contains(&s)))
        .filter(|f| kind.is_none_or(|k| f.kind == k))
        .filter(|f| country.is_none_or(|c| f.destination_countries.contains(&c)))
        .map(|f| lookup.funding_row(f))
        .collect();
    let mut countries: Vec<CountryCode> = lookup
        .funding()
        .flat_map(|f| f.destination_countries.iter().copied())
        .collect();
    countries.sort();
    countries.dedup();
    let mut countries: Vec<(String, String)> = countries
        .into_iter()
        .map(|c| (c.to_string(), c.name().to_owned()))
        .collect();
    languages()
        .collation(current())
        .sort_by_key(&mut countries, |(_, name)| name.as_str());
    let selected = FundingSelection {
        career_stage: stage.map(|s| s.to_string()),
        kind: kind.map(|k| k.to_string()),
        country: country.map(|c| c.to_string()),
    };
    let view = FundingListView {
        items,
        career_stages: CareerStage::ALL.iter().map(|s| s.as_str()).collect(),
        kinds: FundingKind::ALL.iter().map(|k| k.as_str()).collect(),
        countries,
        selected,
    };
    render(
        state,
        "funding_list.html",
        t("rec-funding-title"),
        "/funding",
        view,
    )
    .await
}

#[derive(Debug, Serialize)]
struct ContactGroup {
    code: String,
    name: String,
    contacts: Vec<ContactRow>,
}

/// `GET /contacts`: people to ask, grouped by the countries they cover;
/// rendered once per revision.
pub async fn contacts(State(state): State<AppState>) -> Result<Response, AppError> {
    let html = "text/html; charset=utf-8";
    state
        .cached("/contacts".to_owned(), html, async |snapshot| {
            Ok(contacts_page(&state, &snapshot).await?.0)
        })
        .await
}

async fn contacts_page(
    state: &AppState,
    snapshot: &kizuna_core::Snapshot,
) -> Result<Html<String>, AppError> {
    let lookup = public_lookup(state, snapshot);
    let mut groups: BTreeMap<String, ContactGroup> = BTreeMap::new();
    for contact in lookup.contacts() {
        let keys: Vec<(String, String)> = if contact.countries.is_empty() {
            vec![(String::new(), t("rec-all-countries"))]
        } else {
            contact
                .countries
                .iter()
                .map(|c| (c.to_string(), c.name().to_owned()))
                .collect()
        };
        for (code, name) in keys {
            groups
                .entry(code.clone())
                .or_insert_with(|| ContactGroup {
                    code,
                    name,
                    contacts: Vec::new(),
                })
                .contacts
                .push(lookup.contact_row(contact));
        }
    }
    // People for every country first, then each country by its name in the reader's order.
    let mut view: Vec<ContactGroup> = groups.into_values().collect();
    let collation = languages().collation(current());
    view.sort_by(|a, b| {
        (!a.code.is_empty())
            .cmp(&!b.code.is_empty())
            .then_with(|| collation.compare(&a.name, &b.name))
    });
    render(state, "contacts.html", t("rec-contacts"), "/contacts", view).await
}
