use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use super::{Sizes, slug, write};

fn base() -> Value {
    json!({
        "home": "ki",
        "organisations": [
            {"id": "ki", "kind": "education", "country": "SE",
             "names": [{"value": "Karolinska Institutet", "lang": "sv", "kind": "display"}]},
            {"id": "cmb", "kind": "unit", "parent": "ki", "country": "SE",
             "names": [{"value": "Department of Cell and Molecular Biology", "lang": "en", "kind": "display"}]},
            {"id": "utokyo", "kind": "education", "country": "JP",
             "names": [{"value": "University of Tokyo", "lang": "en", "kind": "display"}]}
        ],
        "countries": [{"country": "JP"}]
    })
}

fn generate(organisations: usize) -> (Vec<u8>, super::Summary) {
    let mut bytes = Vec::new();
    let summary = write(&mut bytes, &base(), Sizes::scaled(organisations), 42).unwrap();
    (bytes, summary)
}

#[test]
fn sizes_scale_to_the_150k_registry() {
    let s = Sizes::scaled(150_000);
    assert_eq!(
        (s.agreements, s.programmes, s.funding, s.contacts),
        (5_000, 500, 300, 1_000)
    );
}

#[test]
fn generation_is_deterministic_and_counts_match() {
    let (a, summary) = generate(3_000);
    let (b, _) = generate(3_000);
    assert_eq!(a, b, "the same seed must give the same file");
    let sizes = Sizes::scaled(3_000);
    // The base's three organisations and the home organisation's twelve units.
    assert_eq!(summary.organisations, sizes.organisations + 3 + 12);
    assert_eq!(summary.agreements, sizes.agreements);
    let data: Value = serde_json::from_slice(&a).unwrap();
    assert_eq!(data["home"], "ki");
    let len = |key: &str| data[key].as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(len("organisations"), summary.organisations);
    assert_eq!(len("agreements"), sizes.agreements);
    assert_eq!(len("programmes"), sizes.programmes);
    assert_eq!(len("funding"), sizes.funding);
    assert_eq!(len("contacts"), sizes.contacts);
    assert_eq!(len("countries"), 9);
}

#[test]
fn records_refer_only_to_records_that_exist() {
    let (bytes, _) = generate(2_000);
    let data: Value = serde_json::from_slice(&bytes).unwrap();
    let ids = |key: &str| -> HashSet<String> {
        let all: Vec<String> = data[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect();
        let set: HashSet<String> = all.iter().cloned().collect();
        assert_eq!(set.len(), all.len(), "{key} ids must be unique");
        for id in &all {
            assert!(id.parse::<Slug>().is_ok(), "{id} is not a slug");
        }
        set
    };
    let orgs = ids("organisations");
    let agreements = ids("agreements");
    let contacts = ids("contacts");
    for a in data["agreements"].as_array().unwrap() {
        let parties = a["parties"].as_array().unwrap();
        assert!(parties.len() >= 2);
        assert_eq!(parties[0]["organisation"], "ki");
        for p in parties {
            assert!(orgs.contains(p["organisation"].as_str().unwrap()));
        }
        if let Some(r) = a["renews"].as_str() {
            assert!(agreements.contains(r));
        }
        for c in a["contacts"].as_array().into_iter().flatten() {
            assert!(contacts.contains(c.as_str().unwrap()));
        }
    }
    for p in data["programmes"].as_array().unwrap() {
        assert!(!p["partners"].as_array().unwrap().is_empty());
    }
    let mut by_country: HashMap<&str, usize> = HashMap::new();
    let mut cjk = 0;
    for o in data["organisations"].as_array().unwrap() {
        *by_country
            .entry(o["country"].as_str().unwrap())
            .or_default() += 1;
        let names = o["names"].to_string();
        cjk += usize::from(
            names
                .chars()
                .any(|c| ('\u{3040}'..='\u{9fff}').contains(&c)),
        );
    }
    assert!(by_country.len() >= 30, "countries: {}", by_country.len());
    assert!(by_country["US"] > by_country["SE"]);
    assert!(by_country["JP"] > 50);
    assert!(cjk > 100, "CJK names: {cjk}");
}

/// The slug rule of `kizuna_domain::Slug`, restated.
struct Slug;

impl std::str::FromStr for Slug {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let ok = !s.is_empty()
            && s.len() <= 100
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        ok.then_some(Slug).ok_or(())
    }
}

#[test]
fn slugs_fold_accents_and_drop_other_scripts() {
    assert_eq!(slug("Universität Wien"), "universitat-wien");
    assert_eq!(slug("Xi'an Jiaotong"), "xi-an-jiaotong");
    assert_eq!(slug("東京大学"), "");
    assert_eq!(slug("  São Paulo  "), "sao-paulo");
}
