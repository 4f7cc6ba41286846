//! The funding finder (`/funding`) and the people to ask (`/contacts`):
//! filtered, in numbered pages, so a page costs what it shows however many
//! opportunities and people the registry holds.

use axum::extract::{Query, State};
use axum::http::Uri;
use axum::response::{Html, Response};
use kizuna_core::read::NumberedPage;
use kizuna_core::read::rows::{ContactRow, FundingRow};
use kizuna_domain::{CareerStage, Contact, CountryCode, FundingKind, FundingOpportunity};
use serde::{Deserialize, Serialize};

use super::lists::title;
use crate::http::lang::{current, languages, t};
use crate::http::paging::{Pages, page_number};
use crate::http::render::{HTML, public_lookup, render};
use crate::{AppError, AppState};

/// Opportunities on one page of the funding finder.
const FUNDING_PER_PAGE: usize = 20;
/// People on one page of the contacts (a person covering two countries counts twice).
const CONTACTS_PER_PAGE: usize = 30;

fn parsed<T: std::str::FromStr>(value: Option<&str>) -> Result<Option<T>, AppError>
where
    T::Err: std::fmt::Display,
{
    value
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .map_err(|e: T::Err| AppError::BadRequest(e.to_string()))
        })
        .transpose()
}

/// Countries as (code, name) in the reader's language and order.
fn named_countries(codes: Vec<CountryCode>) -> Vec<(String, String)> {
    crate::country_names::named_in_order(current(), codes)
        .into_iter()
        .map(|(code, name)| (code.to_owned(), name.to_owned()))
        .collect()
}

/// Filters of the funding finder, and the page.
#[derive(Debug, Deserialize)]
pub struct FundingFilter {
    career_stage: Option<String>,
    country: Option<String>,
    kind: Option<String>,
    page: Option<String>,
}

/// The funding finder's current choices.
#[derive(Debug, Serialize)]
struct FundingSelection {
    career_stage: Option<String>,
    kind: Option<String>,
    country: Option<String>,
}

#[derive(Debug, Serialize)]
struct FundingListView {
    items: Vec<FundingRow>,
    #[serde(flatten)]
    pages: Pages,
    career_stages: Vec<&'static str>,
    kinds: Vec<&'static str>,
    countries: Vec<(String, String)>,
    selected: FundingSelection,
}

/// `GET /funding`: the funding finder. It depends only on the data and the
/// filters, so it is rendered once per revision and query.
pub async fn funding_list(
    State(state): State<AppState>,
    uri: Uri,
    Query(filter): Query<FundingFilter>,
) -> Result<Response, AppError> {
    state
        .cached(format!("page {uri}"), HTML, async |snapshot| {
            Ok(funding_page(&state, &snapshot, filter).await?.0)
        })
        .await
}

async fn funding_page(
    state: &AppState,
    snapshot: &kizuna_core::Snapshot,
    filter: FundingFilter,
) -> Result<Html<String>, AppError> {
    let stage: Option<CareerStage> = parsed(filter.career_stage.as_deref())?;
    let kind: Option<FundingKind> = parsed(filter.kind.as_deref())?;
    let country: Option<CountryCode> = parsed(filter.country.as_deref())?;
    let number = page_number(filter.page.as_deref())?;
    let lookup = public_lookup(state, snapshot);
    let matching: Vec<_> = lookup
        .funding()
        .filter(|f| stage.is_none_or(|s| f.career_stages.contains(&s)))
        .filter(|f| kind.is_none_or(|k| f.kind == k))
        .filter(|f| country.is_none_or(|c| f.destination_countries.contains(&c)))
        .collect();
    let selected = FundingSelection {
        career_stage: stage.map(|s| s.to_string()),
        kind: kind.map(|k| k.to_string()),
        country: country.map(|c| c.to_string()),
    };
    let query = serde_urlencoded::to_string([
        ("career_stage", &selected.career_stage),
        ("kind", &selected.kind),
        ("country", &selected.country),
    ])
    .unwrap_or_default();
    // By title, in the reader's order.
    let rank = lookup.name_rank::<FundingOpportunity>();
    let cut = NumberedPage::cut_ranked(matching, rank, number, FUNDING_PER_PAGE);
    let view = FundingListView {
        pages: Pages::of(&cut, "/funding", &query),
        items: cut.items.iter().map(|f| lookup.funding_row(f)).collect(),
        career_stages: CareerStage::ALL.iter().map(|s| s.as_str()).collect(),
        kinds: FundingKind::ALL.iter().map(|k| k.as_str()).collect(),
        countries: named_countries(
            lookup
                .funding()
                .flat_map(|f| f.destination_countries.iter().copied())
                .collect(),
        ),
        selected,
    };
    let heading = title("rec-funding-title", cut.number, cut.pages);
    render(state, "funding_list.html", heading, "/funding", view).await
}

/// The country the contacts are narrowed to, and the page.
#[derive(Debug, Deserialize)]
pub struct ContactsFilter {
    country: Option<String>,
    page: Option<String>,
}

/// The people on one page who cover one country (or every country: no code).
#[derive(Debug, Serialize)]
struct ContactGroup {
    code: String,
    name: String,
    contacts: Vec<ContactRow>,
}

#[derive(Debug, Serialize)]
struct ContactsView {
    groups: Vec<ContactGroup>,
    #[serde(flatten)]
    pages: Pages,
    countries: Vec<(String, String)>,
    country: Option<String>,
}

/// `GET /contacts`: people to ask, grouped by the countries they cover
/// (people for every country first), optionally for one country; rendered
/// once per revision and query.
pub async fn contacts(
    State(state): State<AppState>,
    uri: Uri,
    Query(filter): Query<ContactsFilter>,
) -> Result<Response, AppError> {
    state
        .cached(format!("page {uri}"), HTML, async |snapshot| {
            Ok(contacts_page(&state, &snapshot, filter).await?.0)
        })
        .await
}

async fn contacts_page(
    state: &AppState,
    snapshot: &kizuna_core::Snapshot,
    filter: ContactsFilter,
) -> Result<Html<String>, AppError> {
    let country: Option<CountryCode> = parsed(filter.country.as_deref())?;
    let number = page_number(filter.page.as_deref())?;
    let lookup = public_lookup(state, snapshot);
    let mut contacts: Vec<&Contact> = lookup.contacts().collect();
    languages()
        .collation(current())
        .sort_by_key(&mut contacts, |c| c.name.as_str());
    let covered = named_countries(
        contacts
            .iter()
            .flat_map(|c| c.countries.iter().copied())
            .collect(),
    );
    // Every (country, person) pair in reading order: people for every country,
    // then each country in the reader's order, its people by name in that order.
    let mut pairs: Vec<(Option<&(String, String)>, &Contact)> = contacts
        .iter()
        .filter(|c| c.countries.is_empty())
        .map(|c| (None, *c))
        .collect();
    for named in &covered {
        if country.is_some_and(|cc| cc.to_string() != named.0) {
            continue;
        }
        pairs.extend(
            contacts
                .iter()
                .filter(|c| c.countries.iter().any(|cc| cc.to_string() == named.0))
                .map(|c| (Some(named), *c)),
        );
    }
    let query = serde_urlencoded::to_string([("country", country.map(|c| c.to_string()))])
        .unwrap_or_default();
    let cut = NumberedPage::cut(pairs.iter().collect(), number, CONTACTS_PER_PAGE);
    let mut groups: Vec<ContactGroup> = Vec::new();
    for &&(named, contact) in &cut.items {
        let (code, name) = match named {
            Some((code, name)) => (code.clone(), name.clone()),
            None => (String::new(), t("rec-all-countries")),
        };
        if groups.last().is_none_or(|g| g.code != code) {
            groups.push(ContactGroup {
                code,
                name,
                contacts: Vec::new(),
            });
        }
        if let Some(group) = groups.last_mut() {
            group.contacts.push(lookup.contact_row(contact));
        }
    }
    let view = ContactsView {
        pages: Pages::of(&cut, "/contacts", &query),
        groups,
        countries: covered.clone(),
        country: country.map(|c| c.to_string()),
    };
    let heading = title("rec-contacts", cut.number, cut.pages);
    render(state, "contacts.html", heading, "/contacts", view).await
}
