//! The search page's filters: each facet's values with their counts, the
//! commonest first, each a link to the search narrowed (or widened) by it.

use std::collections::BTreeMap;

use kizuna_i18n::Arg;
use kizuna_search::FACETS;
use serde::Serialize;

use super::SearchParams;
use crate::http::lang::{current, t, t_with};

/// Values a facet lists until the reader asks for all of them: a country
/// filter of a common word lists fifty countries, most of the page's weight
/// and of its rendering.
const SHOWN_VALUES: usize = 10;

/// One value of a facet.
#[derive(Debug, Serialize)]
pub struct FacetValue {
    label: String,
    /// How many hits have it, written as the reader's language writes numbers.
    count: String,
    selected: bool,
    href: String,
}

/// One facet with the values it lists.
#[derive(Debug, Serialize)]
pub struct FacetView {
    name: String,
    label: String,
    values: Vec<FacetValue>,
    /// The link listing every value, when some are left out.
    all: Option<String>,
    /// How many values the facet has in all.
    count: usize,
}

/// The value of `facet` the search is narrowed to.
pub fn get(params: &SearchParams, facet: &str) -> Option<String> {
    match facet {
        "type" => params.kind_of_record.clone(),
        "country" => params.country.clone().map(|c| c.to_uppercase()),
        "kind" => params.kind.clone(),
        "level" => params.level.clone(),
        "education_level" => params.education_level.clone(),
        "career_stage" => params.career_stage.clone(),
        _ => None,
    }
    .filter(|v| !v.is_empty())
}

fn set(params: &mut SearchParams, facet: &str, value: Option<String>) {
    match facet {
        "type" => params.kind_of_record = value,
        "country" => params.country = value,
        "kind" => params.kind = value,
        "level" => params.level = value,
        "education_level" => params.education_level = value,
        "career_stage" => params.career_stage = value,
        _ => {}
    }
}

/// The search page's address for these parameters.
pub fn href(params: &SearchParams) -> String {
    let mut p = params.clone();
    // Empty values and the first page are defaults: leave them out of links.
    for value in [
        &mut p.q,
        &mut p.kind_of_record,
        &mut p.country,
        &mut p.kind,
        &mut p.level,
        &mut p.education_level,
        &mut p.career_stage,
        &mut p.more,
    ] {
        if value.as_deref() == Some("") {
            *value = None;
        }
    }
    p.offset = p.offset.filter(|o| *o > 0);
    format!(
        "/search?{}",
        serde_urlencoded::to_string(&p).unwrap_or_default()
    )
}

/// A facet value as the reader reads it, in the request's language.
pub(super) fn facet_label(facet: &str, value: &str) -> String {
    match facet {
        "country" => value
            .parse::<kizuna_domain::CountryCode>()
            .map(crate::atlas::country_name)
            .unwrap_or_else(|_| value.to_owned()),
        "type" => t_with(
            "atlas-record-type",
            &[("type", Arg::Text(value.to_owned()))],
        ),
        _ => crate::templates::label_in(current(), value),
    }
}

/// The facets of a search's answer, in the index's order, each labelled by
/// the message `atlas-facet-NAME`.
pub fn facet_views(
    params: &SearchParams,
    counts: &BTreeMap<String, BTreeMap<String, u64>>,
) -> Vec<FacetView> {
    FACETS
        .iter()
        .filter_map(|name| facet_view(params, name, counts.get(*name)?))
        .collect()
}

fn facet_view(
    params: &SearchParams,
    name: &str,
    counts: &BTreeMap<String, u64>,
) -> Option<FacetView> {
    let chosen = get(params, name);
    // The commonest values first; the chosen one is always listed.
    let mut ranked: Vec<(&String, u64)> = counts.iter().map(|(v, c)| (v, *c)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let every = params.more.as_deref() == Some(name) || ranked.len() <= SHOWN_VALUES;
    let shown: Vec<(&String, u64)> = ranked
        .iter()
        .enumerate()
        .filter(|(i, (value, _))| {
            every || *i < SHOWN_VALUES || chosen.as_deref() == Some(value.as_str())
        })
        .map(|(_, v)| *v)
        .collect();
    if shown.is_empty() {
        return None;
    }
    // Every value's link is this facet's base address plus the value: the
    // other filters are written once per facet, not once per value.
    let mut without = params.clone();
    without.offset = None;
    without.more = None;
    set(&mut without, name, None);
    let base = href(&without);
    let joint = if base.ends_with('?') { "" } else { "&" };
    let formats = crate::http::lang::languages().formats(current());
    let values = shown
        .into_iter()
        .map(|(value, count)| {
            let selected = chosen.as_deref() == Some(value.as_str());
            FacetValue {
                label: facet_label(name, value),
                count: formats.number(count as i64),
                selected,
                href: if selected {
                    base.clone()
                } else {
                    let pair = serde_urlencoded::to_string([(name, value)]).unwrap_or_default();
                    format!("{base}{joint}{pair}")
                },
            }
        })
        .collect::<Vec<_>>();
    let all = (values.len() < ranked.len()).then(|| {
        let mut more = params.clone();
        more.more = Some(name.to_owned());
        href(&more)
    });
    Some(FacetView {
        name: name.to_owned(),
        label: t(&format!("atlas-facet-{name}")),
        values,
        all,
        count: ranked.len(),
    })
}
