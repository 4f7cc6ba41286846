//! Latency at the scale of the ROR file (~51k organisations).
//!
//! Ignored by default (it reads the shared ROR dump and takes a while to index);
//! run with `cargo test -p kizuna-search --release --test scale -- --ignored --nocapture`.

use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

use kizuna_core::Snapshot;
use kizuna_domain::{Collection, Organisation};
use kizuna_search::{SearchIndex, SearchQuery};

/// The shared folder's ROR dump, beside the repository.
const ROR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ror/ror-v2-records.jsonl.gz"
);

/// A ROR v2 record in Kizuna's shape, or None when it does not fit.
fn organisation(record: &serde_json::Value) -> Option<Organisation> {
    let ror = record["id"].as_str()?.rsplit('/').next()?;
    let geo = &record["locations"][0]["geonames_details"];
    let names: Vec<serde_json::Value> = record["names"]
        .as_array()?
        .iter()
        .map(|n| {
            let types: Vec<&str> = n["types"]
                .as_array()
                .map(|t| t.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default();
            let kind = if types.contains(&"ror_display") {
                "display"
            } else {
                types.first().copied().unwrap_or("alias")
            };
            serde_json::json!({"value": n["value"], "lang": n["lang"], "kind": kind})
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "id": format!("ror-{ror}"),
        "kind": record["types"][0],
        "names": names,
        "country": geo["country_code"],
        "city": geo["name"],
        "identifiers": {"ror": ror},
    }))
    .ok()
}

/// (median, 99th percentile).
fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |p: usize| samples[(samples.len() * p / 100).min(samples.len() - 1)];
    (at(50), at(99))
}

#[test]
#[ignore = "reads the shared ROR dump; run in release"]
fn search_latency_at_fifty_thousand_organisations() {
    let Ok(file) = std::fs::File::open(ROR) else {
        eprintln!("{ROR} is missing; skipped");
        return;
    };
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut snapshot = Snapshot::default();
    snapshot.revision = 1;
    for line in reader.lines() {
        let record: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        if let Some(org) = organisation(&record) {
            snapshot
                .organisations
                .insert(org.id.clone(), std::sync::Arc::new(org));
        }
    }
    let n = snapshot.organisations.len();
    assert!(n > 40_000, "only {n} organisations parsed");

    let index = SearchIndex::in_memory().unwrap();
    let started = Instant::now();
    index.rebuild(&snapshot).unwrap();
    eprintln!("indexed {n} organisations in {:?}", started.elapsed());
    assert_eq!(
        index.segments(),
        1,
        "a rebuild is merged into one segment, which queries walk once"
    );

    let queries = [
        "",
        "university",
        "Karolinska",
        "Karolinksa",
        "東京",
        "東京大学",
        "Tokyo",
        "Japan",
        "university of tokyo",
        "institute technology",
        "MIT",
        "Göteborg",
        "hospital",
    ];
    let mut worst = Duration::ZERO;
    for q in queries {
        for public_only in [false, true] {
            let query = SearchQuery {
                q: q.into(),
                public_only,
                ..Default::default()
            };
            let filtered = SearchQuery {
                types: vec![Collection::Organisations],
                country: Some("JP".parse().unwrap()),
                ..query.clone()
            };
            for query in [query, filtered] {
                let samples: Vec<Duration> = (0..200)
                    .map(|_| {
                        let t = Instant::now();
                        index.search(&query).unwrap();
                        t.elapsed()
                    })
                    .collect();
                let (median, p) = percentiles(samples);
                worst = worst.max(p);
                let country = query.country.map(|c| c.to_string()).unwrap_or_default();
                eprintln!("{q:>24} {country:2} public={public_only:5}: p50 {median:?} p99 {p:?}");
            }
        }
    }
    for prefix in ["Karol", "univ", "東", "stockholm u"] {
        let samples: Vec<Duration> = (0..200)
            .map(|_| {
                let t = Instant::now();
                index.suggest(prefix, true, 8).unwrap();
                t.elapsed()
            })
            .collect();
        let (median, p) = percentiles(samples);
        worst = worst.max(p);
        eprintln!("{prefix:>24} (suggest): p50 {median:?} p99 {p:?}");
    }
    eprintln!("worst p99: {worst:?}");
    if !cfg!(debug_assertions) {
        assert!(worst <= Duration::from_millis(5), "worst p99 {worst:?}");
    }
}
