//! Index pages of whole collections: `/agreements`, `/programmes` and
//! `/organisations`, with the API's filters as a form that works without
//! JavaScript, numbered pages in the order of the reader's language (the
//! name each reader sees, in its collation), and the same list as a
//! download (in the API's order).

use axum::extract::{RawQuery, State};
use axum::response::Html;
use kizuna_core::read::params::{BadFilter, ListParams, public_statuses};
use kizuna_core::read::rows::OrgRef;
use kizuna_core::read::{Lookup, NumberedPage};
use kizuna_domain::{AgreementKind, AgreementLevel, Organisation, OrganisationKind, ProgrammeKind};
use serde::{Deserialize, Serialize};

use super::list_filters::{
    AGREEMENTS, ListWords, ORGANISATIONS, PROGRAMMES, SelectField, country_select,
    education_select, kind_select, unit_select, words,
};
use crate::http::lang::{t, t_with};
use crate::http::paging::{page_number, with_page};
use crate::http::render::{public_lookup, render};
use crate::{AppError, AppState};
use kizuna_i18n::Arg;

/// Records on one page of a list.
const PER_PAGE: usize = 20;

/// One page of a list, its filters and where to go from it.
#[derive(Debug, Serialize)]
struct ListView<R> {
    items: Vec<R>,
    total: usize,
    page: usize,
    pages: usize,
    previous: Option<String>,
    next: Option<String>,
    /// The whole filtered list as CSV and Excel.
    csv: String,
    xlsx: String,
    /// The filters as given, empty ones left out.
    selected: ListParams,
    filtered: bool,
    /// The page's words and the selects of its form.
    words: &'static ListWords,
    selects: Vec<SelectField>,
    /// The organisation the list is narrowed to, named.
    partner: Option<OrgRef>,
}

/// The page number, besides the filters.
#[derive(Debug, Default, Deserialize)]
struct PageNumber {
    page: Option<String>,
}

/// Reads the filters and the page number from the query string.
fn read_query(query: Option<&str>) -> Result<(ListParams, usize), AppError> {
    let query = query.unwrap_or_default();
    let bad = |e: serde_urlencoded::de::Error| AppError::BadRequest(e.to_string());
    let params: ListParams = serde_urlencoded::from_str(query).map_err(bad)?;
    let number: PageNumber = serde_urlencoded::from_str(query).map_err(bad)?;
    Ok((
        params.without_blanks(),
        page_number(number.page.as_deref())?,
    ))
}

fn bad_filter(e: BadFilter) -> AppError {
    AppError::BadRequest(e.0)
}

/// `path` with the filters and, past the first, the page number.
fn link(path: &str, selected: &ListParams, page: usize) -> String {
    with_page(
        path,
        serde_urlencoded::to_string(selected).unwrap_or_default(),
        page,
    )
}

/// Builds the view around page `cut` of `selected`.
fn view<'a, T, R>(
    lookup: &Lookup<'a>,
    selected: &ListParams,
    cut: NumberedPage<'a, T>,
    row: impl Fn(&T) -> R,
    words: &'static ListWords,
    selects: Vec<SelectField>,
) -> ListView<R> {
    let collection = words.collection;
    let path = format!("/{collection}");
    let downloads = link("", selected, 1);
    let partner = selected
        .partner
        .as_deref()
        .and_then(|p| p.parse().ok())
        .and_then(|p| lookup.org_ref(&p));
    ListView {
        items: cut.items.into_iter().map(row).collect(),
        total: cut.total,
        page: cut.number,
        pages: cut.pages,
        previous: (cut.number > 1).then(|| link(&path, selected, cut.number - 1)),
        next: (cut.number < cut.pages).then(|| link(&path, selected, cut.number + 1)),
        csv: format!("/api/v1/{collection}.csv{downloads}"),
        xlsx: format!("/api/v1/{collection}.xlsx{downloads}"),
        filtered: selected.any(),
        selected: selected.clone(),
        words,
        selects,
        partner,
    }
}

/// The title of a list page (message `key`), saying which page it is past the first.
pub(super) fn title(key: &str, page: usize, pages: usize) -> String {
    let name = t(key);
    match page {
        1 => name,
        _ => t_with(
            "rec-list-title-page",
            &[
                ("name", Arg::Text(name)),
                ("page", Arg::Number(page as f64)),
                ("pages", Arg::Number(pages as f64)),
            ],
        ),
    }
}

/// `GET /agreements`: every public agreement, filtered and paged.
pub async fn agreements(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, AppError> {
    let (selected, number) = read_query(query.as_deref())?;
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let filter = selected.agreements(&lookup).map_err(bad_filter)?;
    let mut selects = vec![
        country_select(
            "rec-filter-partner-country",
            lookup.index.agreement_countries(),
            &selected.country,
        ),
        education_select(&selected.education_level),
        kind_select(
            AgreementKind::ALL.iter().map(|w| w.as_str()),
            &selected.kind,
        ),
        SelectField::new(
            ("f-level", "level"),
            ("rec-filter-signed-at", "rec-any-level"),
            words(AgreementLevel::ALL.iter().map(|w| w.as_str())),
            &selected.level,
        ),
        SelectField::new(
            ("f-status", "status"),
            ("rec-status", "rec-any-status"),
            words(public_statuses().map(|s| s.as_str())),
            &selected.status,
        ),
    ];
    selects.extend(unit_select(
        &lookup,
        "rec-filter-administered-by",
        &selected.unit,
    ));
    let cut = filter.numbered_page(&lookup, number, PER_PAGE);
    let row = |a: &_| lookup.agreement_row(a);
    let page = view(&lookup, &selected, cut, row, &AGREEMENTS, selects);
    let title = title(AGREEMENTS.heading, page.page, page.pages);
    render(&state, "agreement_list.html", title, "/agreements", page).await
}

/// `GET /programmes`: every public programme, filtered and paged.
pub async fn programmes(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, AppError> {
    let (selected, number) = read_query(query.as_deref())?;
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let filter = selected.programmes(&lookup).map_err(bad_filter)?;
    let mut selects = vec![
        country_select(
            "rec-filter-partner-country",
            lookup.index.programme_countries(),
            &selected.country,
        ),
        education_select(&selected.education_level),
        kind_select(
            ProgrammeKind::ALL.iter().map(|w| w.as_str()),
            &selected.kind,
        ),
    ];
    selects.extend(unit_select(&lookup, "rec-filter-run-by", &selected.unit));
    let cut = filter.numbered_page(&lookup, number, PER_PAGE);
    let row = |p: &_| lookup.programme_row(p);
    let page = view(&lookup, &selected, cut, row, &PROGRAMMES, selects);
    let title = title(PROGRAMMES.heading, page.page, page.pages);
    render(&state, "programme_list.html", title, "/programmes", page).await
}

/// `GET /organisations`: every public organisation, filtered and paged.
pub async fn organisations(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, AppError> {
    let (selected, number) = read_query(query.as_deref())?;
    let snapshot = state.public_snapshot().await;
    let lookup = public_lookup(&state, &snapshot);
    let filter = selected.organisations(&lookup).map_err(bad_filter)?;
    let selects = vec![
        country_select(
            "rec-country",
            lookup.index.organisation_countries(),
            &selected.country,
        ),
        kind_select(
            OrganisationKind::ALL.iter().map(|w| w.as_str()),
            &selected.kind,
        ),
    ];
    let cut = filter.numbered_page(&lookup, number, PER_PAGE);
    let row = |o: &Organisation| lookup.org_ref(&o.id);
    let page = view(&lookup, &selected, cut, row, &ORGANISATIONS, selects);
    let title = title(ORGANISATIONS.heading, page.page, page.pages);
    let path = "/organisations";
    render(&state, "organisation_list.html", title, path, page).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::lang::{Lang, scope};

    #[tokio::test]
    async fn a_later_page_says_which_in_the_readers_language() {
        let sv = scope(Lang::Sv, async { title("rec-agreements", 2, 3) }).await;
        assert_eq!(sv, "Avtal, sida 2 av 3");
        let ja = scope(Lang::Ja, async { title("rec-agreements", 1, 3) }).await;
        assert_eq!(ja, "協定");
    }
}
