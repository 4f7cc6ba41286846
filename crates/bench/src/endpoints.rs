//! The public pages and API endpoints measured (from the router in
//! `crates/web`), with the record ids and queries they cycle through, taken
//! from the running registry through its own API.

use std::sync::Arc;

use serde_json::Value;

use crate::http::fetch_json;
use crate::queries::{encode, search_queries, suggest_queries};
use crate::rng::Rng;

/// What an endpoint is, which sets its throughput budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// `/healthz`: the ceiling every ratio is taken against.
    Ceiling,
    /// A public HTML page.
    Page,
    /// One record from the API.
    Record,
    /// A list from the API.
    List,
    /// A country from the API.
    Country,
    /// Map data.
    Map,
    /// Search and suggestions (API or page).
    Search,
    /// Calendar and Atom feeds.
    Feed,
}

impl Group {
    /// The least share of `/healthz` throughput allowed at 32 connections.
    pub fn min_ratio(self) -> f64 {
        match self {
            Group::Ceiling => 0.0,
            Group::Search => 0.10,
            _ => 0.20,
        }
    }

    /// A word for the report.
    pub fn label(self) -> &'static str {
        match self {
            Group::Ceiling => "ceiling",
            Group::Page => "page",
            Group::Record => "record",
            Group::List => "list",
            Group::Country => "country",
            Group::Map => "map",
            Group::Search => "search",
            Group::Feed => "feed",
        }
    }
}

/// One measured endpoint.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The path, with `{id}` or `{q}` where it varies.
    pub name: String,
    /// Its kind.
    pub group: Group,
    /// The concrete paths cycled through.
    pub paths: Arc<Vec<String>>,
    /// Asks for gzip, as every browser does.
    pub gzip: bool,
}

/// Pages measured a second time as a browser asks for them: a page kept per
/// revision is sent in its stored gzip form, the search page is compressed
/// per request.
const AS_BROWSERS: [&str; 2] = ["/countries/jp", "/search?q={q}"];

/// The name of an endpoint's browser run.
fn browser_name(name: &str) -> String {
    format!("{name} (gzip)")
}

/// Ids and organisations read from the registry.
#[derive(Debug, Default)]
pub struct Material {
    /// Organisations, as the API lists them, from many countries.
    pub organisations: Vec<Value>,
    /// Public organisations in the registry (`total` of the unfiltered list).
    pub organisation_total: u64,
    /// Agreement ids.
    pub agreements: Vec<String>,
    /// Programme ids.
    pub programmes: Vec<String>,
    /// Funding ids.
    pub funding: Vec<String>,
    /// Contact ids.
    pub contacts: Vec<String>,
}

/// Countries whose organisations are read for ids and queries.
const COUNTRIES: &[&str] = &[
    "jp", "us", "cn", "de", "gb", "se", "kr", "tw", "fr", "in", "br", "it", "es", "ca", "au", "za",
];

/// Reads the material through the API: a page of 500 organisations from each of
/// several countries, and up to `pages` pages of 500 of each other collection.
pub async fn discover(address: &str, pages: usize) -> anyhow::Result<Material> {
    let mut m = Material::default();
    let all = fetch_json(address, "/api/v1/organisations?limit=500").await?;
    m.organisation_total = all["total"].as_u64().unwrap_or(0);
    m.organisations.extend(items(&all));
    for cc in COUNTRIES {
        let page = fetch_json(
            address,
            &format!("/api/v1/organisations?country={cc}&limit=500"),
        )
        .await?;
        m.organisations.extend(items(&page));
    }
    let mut seen = std::collections::HashSet::new();
    m.organisations
        .retain(|o| seen.insert(o["id"].as_str().unwrap_or_default().to_owned()));
    for (collection, ids) in [
        ("agreements", &mut m.agreements),
        ("programmes", &mut m.programmes),
        ("funding", &mut m.funding),
        ("contacts", &mut m.contacts),
    ] {
        let mut path = format!("/api/v1/{collection}?limit=500");
        for _ in 0..pages {
            let page = fetch_json(address, &path).await?;
            ids.extend(
                items(&page)
                    .iter()
                    .filter_map(|r| r["id"].as_str().map(str::to_owned)),
            );
            match page["next"].as_str() {
                Some(cursor) => path = format!("/api/v1/{collection}?limit=500&cursor={cursor}"),
                None => break,
            }
        }
    }
    Ok(m)
}

fn items(page: &Value) -> Vec<Value> {
    page["items"].as_array().cloned().unwrap_or_default()
}

/// `prefix` + each id, in a fixed shuffled order, at most `max`.
fn with_ids(prefix: &str, ids: &[String], max: usize, seed: u64) -> Vec<String> {
    let mut ids: Vec<&String> = ids.iter().collect();
    let mut rng = Rng::new(seed);
    for i in (1..ids.len()).rev() {
        ids.swap(i, rng.below(i + 1));
    }
    ids.into_iter()
        .take(max)
        .map(|id| format!("{prefix}{id}"))
        .collect()
}

/// Distinct views of a map being panned and zoomed (zoom 2–10, a screen of
/// about 1000 × 600 pixels), each asking for every organisation: more than
/// both runs of an endpoint send, so that no view is asked for twice and a
/// cache of answers by address proves nothing.
fn panned_views(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            let zoom = rng.range(2, 10);
            let tiles = f64::from(1u32 << zoom);
            let (width, height) = (360.0 / tiles * 4.0, 180.0 / tiles * 3.0);
            let lng = rng.unit() * (360.0 - width) - 180.0 + width / 2.0;
            let lat = rng.unit() * (130.0 - height) - 55.0 + height / 2.0;
            format!(
                "/api/v1/map?bbox={:.4},{:.4},{:.4},{:.4}&zoom={zoom}&scope=all",
                lng - width / 2.0,
                lat - height / 2.0,
                lng + width / 2.0,
                lat + height / 2.0
            )
        })
        .collect()
}

/// What will be measured.
#[derive(Debug)]
pub struct Plan {
    /// Every endpoint, `/healthz` first.
    pub endpoints: Vec<Endpoint>,
    /// Endpoints left out for want of records to ask for.
    pub skipped: Vec<String>,
    /// Distinct search queries.
    pub search_queries: usize,
    /// Distinct suggest queries.
    pub suggest_queries: usize,
}

/// Plans the endpoints with the ids and queries of `m`.
pub fn plan(m: &Material, max_queries: usize, max_requests: usize) -> Plan {
    let org_ids: Vec<String> = m
        .organisations
        .iter()
        .filter_map(|o| o["id"].as_str().map(str::to_owned))
        .collect();
    let search = search_queries(&m.organisations, max_queries);
    let suggest = suggest_queries(&m.organisations, max_queries);
    let q = |prefix: &str, queries: &[String]| -> Vec<String> {
        queries
            .iter()
            .map(|s| format!("{prefix}{}", encode(s)))
            .collect()
    };
    let one = |path: &str| vec![path.to_owned()];
    let tokyo = "/api/v1/map?bbox=138.5,34.5,141.5,36.5&zoom=8&scope=all";
    let list: Vec<(&str, Group, Vec<String>)> = vec![
        ("/healthz", Group::Ceiling, one("/healthz")),
        ("/", Group::Page, one("/")),
        ("/countries", Group::Page, one("/countries")),
        ("/countries/jp", Group::Page, one("/countries/jp")),
        (
            "/organisations/{id}",
            Group::Page,
            with_ids("/organisations/", &org_ids, 5_000, 1),
        ),
        (
            "/agreements/{id}",
            Group::Page,
            with_ids("/agreements/", &m.agreements, 5_000, 2),
        ),
        (
            "/programmes/{id}",
            Group::Page,
            with_ids("/programmes/", &m.programmes, 5_000, 3),
        ),
        (
            "/funding/{id}",
            Group::Page,
            with_ids("/funding/", &m.funding, 5_000, 4),
        ),
        ("/funding", Group::Page, one("/funding")),
        ("/contacts", Group::Page, one("/contacts")),
        ("/map", Group::Page, one("/map")),
        ("/search?q={q}", Group::Search, q("/search?q=", &search)),
        // A list filtered by text is a page and a list like any other.
        (
            "/organisations?q={q}",
            Group::Page,
            q("/organisations?q=", &search),
        ),
        (
            "/api/v1/organisations?country=jp",
            Group::List,
            one("/api/v1/organisations?country=jp"),
        ),
        (
            "/api/v1/organisations?q={q}",
            Group::List,
            q("/api/v1/organisations?q=", &search),
        ),
        (
            "/api/v1/organisations/{id}",
            Group::Record,
            with_ids("/api/v1/organisations/", &org_ids, 5_000, 5),
        ),
        (
            "/api/v1/agreements/{id}",
            Group::Record,
            with_ids("/api/v1/agreements/", &m.agreements, 5_000, 6),
        ),
        (
            "/api/v1/programmes/{id}",
            Group::Record,
            with_ids("/api/v1/programmes/", &m.programmes, 5_000, 7),
        ),
        (
            "/api/v1/funding/{id}",
            Group::Record,
            with_ids("/api/v1/funding/", &m.funding, 5_000, 8),
        ),
        (
            "/api/v1/contacts/{id}",
            Group::Record,
            with_ids("/api/v1/contacts/", &m.contacts, 5_000, 9),
        ),
        ("/api/v1/agreements", Group::List, one("/api/v1/agreements")),
        (
            "/api/v1/agreements?country=jp",
            Group::List,
            one("/api/v1/agreements?country=jp"),
        ),
        ("/api/v1/programmes", Group::List, one("/api/v1/programmes")),
        ("/api/v1/funding", Group::List, one("/api/v1/funding")),
        ("/api/v1/contacts", Group::List, one("/api/v1/contacts")),
        (
            "/api/v1/countries/jp",
            Group::Country,
            one("/api/v1/countries/jp"),
        ),
        (
            "/api/v1/map?zoom=2&scope=all",
            Group::Map,
            one("/api/v1/map?zoom=2&scope=all"),
        ),
        (
            "/api/v1/map?zoom=2 (partners)",
            Group::Map,
            one("/api/v1/map?zoom=2"),
        ),
        (
            "/api/v1/map?bbox=(Tokyo)&zoom=8&scope=all",
            Group::Map,
            one(tokyo),
        ),
        (
            "/api/v1/map?bbox={panned}&zoom={2-10}&scope=all",
            Group::Map,
            panned_views(2 * max_requests + 2, 10),
        ),
        (
            "/api/v1/map/countries",
            Group::Map,
            one("/api/v1/map/countries"),
        ),
        (
            "/api/v1/search?q={q}",
            Group::Search,
            q("/api/v1/search?q=", &search),
        ),
        (
            "/api/v1/search/suggest?q={q}",
            Group::Search,
            q("/api/v1/search/suggest?q=", &suggest),
        ),
        (
            "/feeds/deadlines.ics",
            Group::Feed,
            one("/feeds/deadlines.ics"),
        ),
        (
            "/feeds/changes.atom",
            Group::Feed,
            one("/feeds/changes.atom"),
        ),
    ];
    let mut plan = Plan {
        endpoints: Vec::new(),
        skipped: Vec::new(),
        search_queries: search.len(),
        suggest_queries: suggest.len(),
    };
    for (name, group, paths) in list {
        if paths.is_empty() {
            plan.skipped.push(name.to_owned());
            continue;
        }
        let paths = Arc::new(paths);
        plan.endpoints.push(Endpoint {
            name: name.to_owned(),
            group,
            paths: paths.clone(),
            gzip: false,
        });
        if AS_BROWSERS.contains(&name) {
            plan.endpoints.push(Endpoint {
                name: browser_name(name),
                group,
                paths,
                gzip: true,
            });
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_runs_ask_for_gzip_on_the_same_paths() {
        let plan = plan(&Material::default(), 10, 100);
        let find = |name: &str| plan.endpoints.iter().find(|e| e.name == name);
        let (plain, browser) = (
            find("/countries/jp").unwrap(),
            find("/countries/jp (gzip)").unwrap(),
        );
        assert!(browser.gzip && !plain.gzip);
        assert_eq!(browser.paths, plain.paths);
        assert_eq!(browser.group, Group::Page);
        assert_eq!(
            plan.endpoints.iter().filter(|e| e.gzip).count(),
            1,
            "no queries, no search runs"
        );
    }

    #[test]
    fn the_panned_map_never_asks_for_a_view_twice_in_one_measurement() {
        let plan = plan(&Material::default(), 10, 100);
        let panned = plan.endpoints.iter().find(|e| e.name.contains("{panned}"));
        let panned = panned.unwrap();
        let distinct: std::collections::HashSet<&String> = panned.paths.iter().collect();
        assert_eq!(distinct.len(), panned.paths.len());
        assert!(
            panned.paths.len() > 1 + 2 * 100,
            "a warm-up and two runs of 100"
        );
        for path in panned.paths.iter() {
            assert!(path.contains("&scope=all"), "{path}");
        }
    }
}
