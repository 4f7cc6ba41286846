//! Index pages of whole collections: `/agreements`, `/programmes` and
//! `/organisations`, with the API's filters as a form that works without
//! JavaScript, numbered pages in the order of the reader's language (the
//! name each reader sees, in its collation), and the same list as a
//! download (in the API's order).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use axum::extract::{RawQuery, State};
use axum::response::Html;
use kizuna_core::read::params::{BadFilter, ListParams, home_units, public_statuses};
use kizuna_core::read::rows::OrgRef;
use kizuna_core::read::{Lookup, NumberedPage};
use kizuna_domain::{
    AgreementKind, AgreementLevel, CountryCode, EducationLevel, OrganisationKind, ProgrammeKind,
};
use serde::{Deserialize, Serialize};

use crate::http::lang::{Lang, current, languages, t, t_with};
use crate::http::paging::{page_number, with_page};
use crate::http::render::{public_lookup, render};
use crate::templates::SelectChoices;
use crate::{AppError, AppState};
use kizuna_i18n::Arg;

/// Records on one page of a list.
const PER_PAGE: usize = 20;

/// What each filter of a list's form offers, as (value, label) pairs; an
/// empty list leaves the filter out.
#[derive(Debug, Default, Serialize)]
struct Choices {
    #[serde(serialize_with = "crate::templates::serialize_choices")]
    countries: Arc<SelectChoices>,
    #[serde(serialize_with = "crate::templates::serialize_choices")]
    kinds: Arc<SelectChoices>,
    #[serde(serialize_with = "crate::templates::serialize_choices")]
    levels: Arc<SelectChoices>,
    #[serde(serialize_with = "crate::templates::serialize_choices")]
    statuses: Arc<SelectChoices>,
    #[serde(serialize_with = "crate::templates::serialize_choices")]
    education_levels: Arc<SelectChoices>,
    #[serde(serialize_with = "crate::templates::serialize_choices")]
    units: Arc<SelectChoices>,
}

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
    choices: Choices,
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

/// `codes` as the choices of a country filter in `lang`. A registry's set
/// of countries rarely changes, so each (language, set) is written once and
/// shared by every request that offers it.
fn country_choices(lang: Lang, codes: impl IntoIterator<Item = CountryCode>) -> Arc<SelectChoices> {
    /// Enough for every list page in every language and a few past sets.
    const KEPT: usize = 64;
    type Made = HashMap<(Lang, Vec<(&'static str, &'static str)>), Arc<SelectChoices>>;
    static MADE: LazyLock<Mutex<Made>> = LazyLock::new(Mutex::default);
    let named = crate::country_names::named_in_order(lang, codes);
    let mut made = MADE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if made.len() >= KEPT {
        made.clear();
    }
    let pairs = named.iter().map(|&(code, name)| (code.into(), name.into()));
    Arc::clone(
        made.entry((lang, named.clone()))
            .or_insert_with(|| Arc::new(SelectChoices::new(pairs))),
    )
}

/// Choices in the order of the reader's language (å ä ö after z in Swedish).
fn sort_choices(choices: &mut [(Cow<'static, str>, Cow<'static, str>)]) {
    languages()
        .collation(current())
        .sort_by_key(choices, |(_, label)| label.as_ref());
}

/// Vocabulary words, labelled in the reader's language.
fn words(all: impl IntoIterator<Item = &'static str>) -> Arc<SelectChoices> {
    let lang = current();
    Arc::new(SelectChoices::new(all.into_iter().map(|word| {
        (word.into(), crate::templates::label_in(lang, word).into())
    })))
}

fn units(lookup: &Lookup<'_>) -> Arc<SelectChoices> {
    let mut choices: Vec<(Cow<'static, str>, Cow<'static, str>)> = home_units(lookup)
        .into_iter()
        .map(|u| (u.id.to_string().into(), u.display_name().to_owned().into()))
        .collect();
    sort_choices(&mut choices);
    Arc::new(SelectChoices::new(choices))
}

/// Builds the view around page `cut` of `selected`.
fn view<'a, T, R>(
    lookup: &Lookup<'a>,
    selected: &ListParams,
    cut: NumberedPage<'a, T>,
    row: impl Fn(&T) -> R,
    collection: &str,
    choices: Choices,
) -> ListView<R> {
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
        choices,
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
    let choices = Choices {
        countries: country_choices(current(), lookup.index.agreement_countries()),
        kinds: words(AgreementKind::ALL.iter().map(|w| w.as_str())),
        levels: words(AgreementLevel::ALL.iter().map(|w| w.as_str())),
        statuses: words(public_statuses().map(|s| s.as_str())),
        education_levels: words(EducationLevel::ALL.iter().map(|w| w.as_str())),
        units: units(&lookup),
    };
    let cut = filter.numbered_page(&lookup, number, PER_PAGE);
    let page = view(
        &lookup,
        &selected,
        cut,
        |a| lookup.agreement_row(a),
        "agreements",
        choices,
    );
    let title = title("rec-agreements", page.page, page.pages);
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
    let choices = Choices {
        countries: country_choices(current(), lookup.index.programme_countries()),
        kinds: words(ProgrammeKind::ALL.iter().map(|w| w.as_str())),
        education_levels: words(EducationLevel::ALL.iter().map(|w| w.as_str())),
        units: units(&lookup),
        ..Choices::default()
    };
    let cut = filter.numbered_page(&lookup, number, PER_PAGE);
    let page = view(
        &lookup,
        &selected,
        cut,
        |p| lookup.programme_row(p),
        "programmes",
        choices,
    );
    let title = title("rec-programmes", page.page, page.pages);
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
    let choices = Choices {
        countries: country_choices(current(), lookup.index.organisation_countries()),
        kinds: words(OrganisationKind::ALL.iter().map(|w| w.as_str())),
        ..Choices::default()
    };
    let cut = filter.numbered_page(&lookup, number, PER_PAGE);
    let page = view(
        &lookup,
        &selected,
        cut,
        |o| lookup.org_ref(&o.id),
        "organisations",
        choices,
    );
    let title = title("rec-organisations", page.page, page.pages);
    render(
        &state,
        "organisation_list.html",
        title,
        "/organisations",
        page,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::lang::{Lang, scope};

    #[tokio::test]
    async fn choices_follow_the_readers_order() {
        let choice = |label: &'static str| (label.into(), label.into());
        let sorted = |lang| async move {
            let mut all = vec![choice("Österrike"), choice("Zambia"), choice("Albanien")];
            scope(lang, async { sort_choices(&mut all) }).await;
            all.into_iter()
                .map(|(_, label): (Cow<str>, Cow<str>)| label.into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(sorted(Lang::Sv).await, ["Albanien", "Zambia", "Österrike"]);
        assert_eq!(sorted(Lang::En).await, ["Albanien", "Österrike", "Zambia"]);
    }

    #[tokio::test]
    async fn a_later_page_says_which_in_the_readers_language() {
        let sv = scope(Lang::Sv, async { title("rec-agreements", 2, 3) }).await;
        assert_eq!(sv, "Avtal, sida 2 av 3");
        let ja = scope(Lang::Ja, async { title("rec-agreements", 1, 3) }).await;
        assert_eq!(ja, "協定");
    }
}
