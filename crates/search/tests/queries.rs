//! Queries at the edges: text with nothing searchable in it finds nothing
//! (never everything), and diacritics fold where typo tolerance cannot help.

use std::sync::Arc;

use kizuna_core::Snapshot;
use kizuna_domain::{Dataset, Organisation};
use kizuna_search::{SearchIndex, SearchQuery};

fn org(id: &str, name: &str, country: &str) -> Organisation {
    serde_json::from_value(serde_json::json!({
        "id": id, "kind": "education", "country": country,
        "names": [{"value": name, "kind": "display"}]
    }))
    .unwrap()
}

/// The Japan dataset with Nordic universities whose names carry diacritics.
fn snapshot() -> Snapshot {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .unwrap();
    let data: Dataset = toml::from_str(&text).unwrap();
    let mut s = Snapshot::from_dataset(&data, 1);
    for o in [
        org("jyu", "Jyväskylän yliopisto", "FI"),
        org("umu", "Umeå universitet", "SE"),
        org("plain", "Orebro Plain College", "SE"),
    ] {
        s.organisations.insert(o.id.clone(), Arc::new(o));
    }
    s
}

fn index_of(s: &Snapshot) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.rebuild(s).unwrap();
    index
}

fn index() -> SearchIndex {
    index_of(&snapshot())
}

fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    let results = index
        .search(&SearchQuery {
            q: q.into(),
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    results.hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn text_with_nothing_searchable_finds_nothing() {
    let index = index();
    // The control: an empty query lists everything, and so do spaces.
    let all = ids(&index, "");
    assert!(all.len() > 20, "{}", all.len());
    assert_eq!(ids(&index, "   ").len(), all.len());
    let long_word = "a".repeat(64);
    for q in ["*", "(", "\"", "* ( ) - !", "・", long_word.as_str()] {
        let results = index
            .search(&SearchQuery {
                q: q.into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(results.total, 0, "{q:?} found {:?}", results.hits);
        assert!(
            results.facets.values().all(|counts| counts.is_empty()),
            "{q:?} counts facets"
        );
        assert!(index.suggest(q, true, 8).unwrap().is_empty(), "{q:?}");
    }
    // Punctuation around a real word does not hide it.
    assert_eq!(ids(&index, "(RIKEN)*")[0], "riken");
}

#[test]
fn an_overlong_identifier_still_finds_its_record_exactly() {
    // One word of 70 letters is too long to be indexed as a word, but a
    // record named exactly so is still found through the exact-name field.
    let name = "Q".repeat(70);
    let mut s = snapshot();
    let long = org("long-name", &name, "SE");
    s.organisations.insert(long.id.clone(), Arc::new(long));
    let index = index_of(&s);
    assert_eq!(ids(&index, &name), ["long-name"]);
    assert!(ids(&index, &"Q".repeat(69)).is_empty());
}

#[test]
fn diacritics_fold_where_one_typo_could_not_bridge_the_difference() {
    let index = index();
    // Two folded letters in one word: one typo cannot turn "jyvaskylan"
    // into "jyväskylän", only folding can.
    assert_eq!(ids(&index, "Jyvaskylan")[0], "jyu");
    // The control: two plain substitutions are beyond typo tolerance, so
    // the match above is folding's, not fuzziness'.
    assert!(ids(&index, "Jyvoskylon").is_empty());
    // A word of four letters is never typo-tolerant: "Umea" can only meet
    // "Umeå" by folding, and a one-letter slip does not.
    assert_eq!(ids(&index, "Umea"), ["umu"]);
    assert!(ids(&index, "Umex").is_empty());
    // Folding works from the query side too: diacritics typed where the
    // name has none.
    assert_eq!(ids(&index, "Örebrö")[0], "plain");
    assert_eq!(ids(&index, "ÜMEÅ"), ["umu"]);
}
