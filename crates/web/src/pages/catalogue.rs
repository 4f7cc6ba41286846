//! Pages that gather many records: home and countries.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{Html, Response};
use kizuna_domain::CountryCode;
use serde::Serialize;

use crate::http::lang::{current, languages, t};
use crate::http::query::country_code;
use crate::http::render::{HTML, public_lookup, render};
use crate::{AppError, AppState};
use kizuna_core::read::rows::{AgreementRow, OrgRef};

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
    /// The first [`FEATURED`] central agreements in force or on record.
    featured: Vec<AgreementRow>,
    /// How many there are in all (the rest are a link away).
    featured_total: usize,
}

/// Central agreements shown on the home page; a registry with hundreds links to the list.
const FEATURED: usize = 12;

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
    state
        .cached("/".to_owned(), HTML, async |snapshot| {
            Ok(home_page(&state, &snapshot).await?.0)
        })
        .await
}

async fn home_page(
    state: &AppState,
    snapshot: &kizuna_core::Snapshot,
) -> Result<Html<String>, AppError> {
    let lookup = public_lookup(state, snapshot);
    let mut view = HomeView {
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
        featured: Vec::new(),
        featured_total: 0,
    };
    let central = lookup.agreements().filter(|a| {
        a.level == kizuna_domain::AgreementLevel::Central && lookup.successor(a).is_none()
    });
    for a in central {
        if view.featured.len() < FEATURED {
            view.featured.push(lookup.agreement_row(a));
        }
        view.featured_total += 1;
    }
    render(state, "home.html", t("atlas-home-title"), "/", view).await
}

/// `GET /countries`.
pub async fn countries(State(state): State<AppState>) -> Result<Response, AppError> {
    state
        .cached("/countries".to_owned(), HTML, async |snapshot| {
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
        .cached(key, HTML, async |snapshot| {
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
