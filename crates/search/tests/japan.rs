//! The search engine over the Japan dataset, as the atlas uses it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use kizuna_core::Snapshot;
use kizuna_domain::{Collection, Dataset, Organisation, Visibility};
use kizuna_search::{Hit, SearchError, SearchIndex, SearchQuery};

fn japan() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .expect("data/japan.toml is in the repository");
    let mut data: Dataset = toml::from_str(&text).expect("data/japan.toml parses");
    data.validate().expect("data/japan.toml is valid");
    data
}

fn snapshot(data: &Dataset, revision: i64) -> Snapshot {
    Snapshot::from_dataset(data, revision)
}

fn org(json: serde_json::Value) -> Organisation {
    serde_json::from_value(json).expect("a valid organisation")
}

/// The Japan dataset plus a Göteborg university, an internal lab and a
/// record whose notes carry markup.
fn fixture() -> Snapshot {
    let mut s = snapshot(&japan(), 7);
    for o in [
        org(serde_json::json!({
            "id": "gu", "kind": "education", "country": "SE", "city": "Göteborg",
            "names": [{"value": "Göteborgs universitet", "lang": "sv", "kind": "display"},
                      {"value": "University of Gothenburg", "lang": "en", "kind": "label"}]
        })),
        org(serde_json::json!({
            "id": "secret-lab", "kind": "facility", "country": "JP", "city": "Tokyo",
            "names": [{"value": "Secret Quantum Lab", "kind": "display"},
                      {"value": "東京秘密研究所", "lang": "ja", "kind": "label"}],
            "visibility": "internal"
        })),
        org(serde_json::json!({
            "id": "evil", "kind": "other", "country": "NO",
            "names": [{"value": "Evil Institute", "kind": "display"}],
            "notes": "<script>alert('x')</script> an evil place & more"
        })),
    ] {
        s.organisations.insert(o.id.clone(), std::sync::Arc::new(o));
    }
    s
}

fn index(s: &Snapshot) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.rebuild(s).unwrap();
    index
}

fn query(q: &str) -> SearchQuery {
    SearchQuery {
        q: q.into(),
        limit: 100,
        ..Default::default()
    }
}

fn hits(index: &SearchIndex, q: &SearchQuery) -> Vec<Hit> {
    index.search(q).unwrap().hits
}

fn org_ids(index: &SearchIndex, q: &str) -> Vec<String> {
    let q = SearchQuery {
        types: vec![Collection::Organisations],
        ..query(q)
    };
    hits(index, &q).into_iter().map(|h| h.id).collect()
}

fn first(index: &SearchIndex, q: &str) -> String {
    let hit = hits(index, &query(q)).into_iter().next();
    hit.map(|h| format!("{}/{}", h.kind, h.id))
        .unwrap_or_default()
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<SearchIndex>();
}

#[test]
fn cjk_substrings_find_every_name_that_contains_them() {
    let idx = index(&fixture());
    let tokyo = org_ids(&idx, "東京");
    for id in ["utokyo", "tmu", "secret-lab"] {
        assert!(
            tokyo.contains(&id.to_string()),
            "東京 misses {id}: {tokyo:?}"
        );
    }
    assert!(!tokyo.contains(&"riken".to_string()));
    assert!(org_ids(&idx, "理化学研究所").contains(&"riken".to_string()));
    assert!(org_ids(&idx, "化学研究").contains(&"riken".to_string()));
    assert_eq!(first(&idx, "東京大学"), "organisations/utokyo");
    // Bigrams keep the order of characters: 京東 is not in 東京大学.
    assert!(!org_ids(&idx, "京東").contains(&"utokyo".to_string()));
    // The lone character matches where a bigram starts with it.
    assert!(org_ids(&idx, "東").contains(&"utokyo".to_string()));
    // Katakana and Hiragana names too.
    assert_eq!(first(&idx, "トウキョウ"), "organisations/utokyo");
}

#[test]
fn latin_names_tolerate_case_typos_and_diacritics() {
    let idx = index(&fixture());
    assert_eq!(first(&idx, "karolinska"), "organisations/ki");
    assert_eq!(first(&idx, "Karolinksa"), "organisations/ki");
    assert_eq!(first(&idx, "Goteborg"), "organisations/gu");
    assert_eq!(first(&idx, "göteborgs UNIVERSITET"), "organisations/gu");
    assert_eq!(first(&idx, "Tokyo Daigaku"), "organisations/utokyo");
    // Short words must be spelled right: "ku" is not "ki".
    assert!(org_ids(&idx, "ku").is_empty());
    assert!(org_ids(&idx, "zzzzzz").is_empty());
}

#[test]
fn exact_names_and_acronyms_rank_first() {
    let idx = index(&fixture());
    assert_eq!(first(&idx, "KI"), "organisations/ki");
    assert_eq!(first(&idx, "UTokyo"), "organisations/utokyo");
    assert_eq!(first(&idx, "JSPS"), "organisations/jsps");
    assert_eq!(first(&idx, "TMU"), "organisations/tmu");
    assert_eq!(
        first(&idx, "Stockholm Trio"),
        "organisations/stockholm-trio"
    );
    assert_eq!(first(&idx, "057zh3y96"), "organisations/utokyo");
}

#[test]
fn country_names_in_three_languages_find_organisations_there() {
    let s = fixture();
    let idx = index(&s);
    let japanese: Vec<&str> = s
        .organisations
        .values()
        .filter(|o| o.country.is_some_and(|c| c.as_str() == "JP"))
        .filter(|o| o.visibility == Visibility::Public)
        .map(|o| o.id.as_str())
        .collect();
    assert!(japanese.len() >= 5);
    for q in ["Japan", "japan", "日本", "Japon", "Nippon"] {
        let found = org_ids(&idx, q);
        for id in &japanese {
            assert!(
                found.contains(&id.to_string()),
                "{q} misses {id}: {found:?}"
            );
        }
    }
    assert!(org_ids(&idx, "Sverige").contains(&"gu".to_string()));
    assert!(org_ids(&idx, "スウェーデン").contains(&"ki".to_string()));
}

#[test]
fn public_searches_never_return_internal_records() {
    let s = fixture();
    let idx = index(&s);
    let private = SearchQuery {
        public_only: true,
        ..query("")
    };
    let public = SearchQuery {
        public_only: true,
        ..query("secret")
    };
    assert!(hits(&idx, &public).is_empty());
    assert_eq!(first(&idx, "secret"), "organisations/secret-lab");
    let everything = idx.search(&private).unwrap();
    assert!(everything.hits.iter().all(|h| h.id != "secret-lab"));
    let internal = s
        .organisations
        .values()
        .filter(|o| o.visibility == Visibility::Internal);
    let orgs = (s.organisations.len() - internal.count()) as u64;
    assert_eq!(everything.facets["type"]["organisations"], orgs);
    let tokyo = SearchQuery {
        public_only: true,
        ..query("東京")
    };
    assert!(hits(&idx, &tokyo).iter().all(|h| h.id != "secret-lab"));
    assert!(idx.suggest("secr", true, 10).unwrap().is_empty());
    assert_eq!(idx.suggest("secr", false, 10).unwrap()[0].id, "secret-lab");
}

#[test]
fn facets_count_types_and_countries_and_filters_narrow() {
    let s = fixture();
    let idx = index(&s);
    let all = idx.search(&query("")).unwrap();
    let records = s.organisations.len()
        + s.agreements.len()
        + s.programmes.len()
        + s.funding.len()
        + s.contacts.len();
    assert_eq!(all.total, records);
    let types = &all.facets["type"];
    assert_eq!(types["organisations"], s.organisations.len() as u64);
    assert_eq!(types["agreements"], s.agreements.len() as u64);
    assert_eq!(types["funding"], s.funding.len() as u64);
    assert!(all.facets["country"]["JP"] > all.facets["country"]["NO"]);

    // Agreements in Japan: a partner there (the home side does not count).
    let japan = SearchQuery {
        types: vec![Collection::Agreements],
        country: Some("jp".parse().unwrap()),
        ..query("")
    };
    let found = idx.search(&japan).unwrap();
    assert_eq!(found.total, s.agreements.len());
    assert!(found.hits.iter().all(|h| h.kind == Collection::Agreements));
    // Each facet is counted with the other filters applied.
    assert_eq!(found.facets["type"]["organisations"], {
        let jp = s.organisations.values();
        jp.filter(|o| o.country.is_some_and(|c| c.as_str() == "JP"))
            .count() as u64
    });
    assert_eq!(found.facets["country"].keys().collect::<Vec<_>>(), ["JP"]);
    assert_eq!(found.facets["level"]["central"], 3);
    let sweden = SearchQuery {
        country: Some("SE".parse().unwrap()),
        ..japan.clone()
    };
    assert_eq!(idx.search(&sweden).unwrap().total, 0);

    let funders = SearchQuery {
        kind: Some("funder".into()),
        ..query("")
    };
    let ids: Vec<String> = hits(&idx, &funders).into_iter().map(|h| h.id).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    let postdoc = SearchQuery {
        career_stage: Some("postdoc".into()),
        q: "Japan".into(),
        ..query("")
    };
    let found = idx.search(&postdoc).unwrap();
    assert_eq!(found.total, 2);
    let doctoral = SearchQuery {
        education_level: Some("doctoral".into()),
        types: vec![Collection::Programmes],
        ..query("")
    };
    assert_eq!(idx.search(&doctoral).unwrap().total, 3);
}

#[test]
fn pages_follow_limit_and_offset() {
    let idx = index(&fixture());
    let q = |offset| SearchQuery {
        limit: 3,
        offset,
        ..query("Tokyo")
    };
    let page1 = idx.search(&q(0)).unwrap();
    let page2 = idx.search(&q(3)).unwrap();
    assert_eq!(page1.hits.len(), 3);
    assert!(page1.total > 3);
    assert_eq!(page1.total, page2.total);
    assert!(
        page1
            .hits
            .iter()
            .all(|a| page2.hits.iter().all(|b| a.id != b.id))
    );
}

#[test]
fn sync_makes_changes_and_deletions_visible_at_once() {
    let mut s = fixture();
    let idx = index(&s);
    assert_eq!(idx.indexed_revision(), 7);
    let utokyo: kizuna_domain::Slug = "utokyo".parse().unwrap();
    let renamed = std::sync::Arc::make_mut(s.organisations.get_mut(&utokyo).unwrap());
    renamed.names[0].value = "Zyxwv University".into();
    s.organisations.remove(&"riken".parse().unwrap());
    let changed = [
        (Collection::Organisations, "utokyo".to_string()),
        (Collection::Organisations, "riken".to_string()),
    ];
    idx.sync(&s, &changed, 8).unwrap();
    assert_eq!(idx.indexed_revision(), 8);
    assert_eq!(first(&idx, "Zyxwv"), "organisations/utokyo");
    assert!(!org_ids(&idx, "理化学研究所").contains(&"riken".to_string()));
    assert!(!org_ids(&idx, "RIKEN").contains(&"riken".to_string()));
    // Records that show the partner's name follow it.
    let agreements = SearchQuery {
        types: vec![Collection::Agreements],
        ..query("zyxwv")
    };
    let ids: Vec<String> = hits(&idx, &agreements).into_iter().map(|h| h.id).collect();
    assert!(ids.contains(&"trio-utokyo-spa-2022".to_string()), "{ids:?}");
    // Nothing was indexed twice.
    assert_eq!(
        idx.len() as usize,
        s.organisations.len() + {
            s.agreements.len() + s.programmes.len() + s.funding.len() + s.contacts.len()
        }
    );
}

/// A hit's stored fields, once shown, are kept in memory: a change must
/// still show at once, and a rebuild (which merges segments) must not bring
/// back what the records said before.
#[test]
fn a_hit_shown_before_a_change_shows_the_change_after_it() {
    let mut s = fixture();
    let idx = index(&s);
    let title = |idx: &SearchIndex| {
        let found = hits(idx, &query("utokyo"));
        let hit = found
            .iter()
            .find(|h| h.id == "utokyo")
            .expect("utokyo is found");
        hit.title.clone()
    };
    let before = title(&idx);
    assert_eq!(title(&idx), before, "a second read answers the same");
    let utokyo: kizuna_domain::Slug = "utokyo".parse().unwrap();
    org_rename(&mut s, &utokyo, "Zyxwv University");
    idx.sync(&s, &[(Collection::Organisations, "utokyo".to_string())], 8)
        .unwrap();
    assert_eq!(title(&idx), "Zyxwv University");
    org_rename(&mut s, &utokyo, "Qwpfg University");
    idx.rebuild(&s).unwrap();
    assert_eq!(title(&idx), "Qwpfg University");
}

#[test]
fn hits_are_titled_in_the_readers_language_where_the_record_has_a_name_in_it() {
    let idx = index(&fixture());
    let title = |lang: Option<&str>| {
        let q = SearchQuery {
            lang: lang.map(str::to_owned),
            ..query("utokyo")
        };
        let found = hits(&idx, &q);
        found.into_iter().find(|h| h.id == "utokyo").unwrap().title
    };
    let display = title(None);
    assert_eq!(title(Some("ja")), "東京大学");
    assert_eq!(title(Some("JA-jp")), "東京大学");
    assert_eq!(
        title(Some("sv")),
        display,
        "no Swedish name: the display name"
    );
    assert_ne!(display, "東京大学");
}

fn org_rename(s: &mut Snapshot, id: &kizuna_domain::Slug, name: &str) {
    let org = std::sync::Arc::make_mut(s.organisations.get_mut(id).unwrap());
    org.names[0].value = name.into();
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("kizuna-search-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_revision_survives_reopening_and_a_new_schema_wipes_the_index() {
    let dir = scratch("reopen");
    {
        let idx = SearchIndex::open_or_create(&dir).unwrap();
        assert_eq!(idx.indexed_revision(), 0);
        idx.rebuild(&fixture()).unwrap();
        assert_eq!(idx.indexed_revision(), 7);
    }
    {
        let idx = SearchIndex::open_or_create(&dir).unwrap();
        assert_eq!(idx.indexed_revision(), 7);
        assert_eq!(first(&idx, "UTokyo"), "organisations/utokyo");
    }
    std::fs::write(dir.join("kizuna-search-version"), "0").unwrap();
    let idx = SearchIndex::open_or_create(&dir).unwrap();
    assert_eq!(idx.indexed_revision(), 0);
    assert!(idx.is_empty());
    drop(idx);
    std::fs::remove_dir_all(&dir).unwrap();

    let other = scratch("not-an-index");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("precious.txt"), "keep me").unwrap();
    let err = SearchIndex::open_or_create(&other).err().unwrap();
    assert!(matches!(err, SearchError::NotAnIndex(_)), "{err}");
    assert!(other.join("precious.txt").exists());
    std::fs::remove_dir_all(&other).unwrap();
}

#[test]
fn snippets_are_escaped_html_with_marked_matches() {
    let idx = index(&fixture());
    let evil = hits(&idx, &query("evil"));
    let snippet = &evil.iter().find(|h| h.id == "evil").unwrap().snippet;
    assert!(snippet.contains("&lt;script&gt;"), "{snippet}");
    assert!(!snippet.contains("<script"), "{snippet}");
    assert!(snippet.contains("<mark>evil</mark>"), "{snippet}");
    // Without a query the fallback is shown, escaped just the same.
    let listing = SearchQuery {
        country: Some("NO".parse().unwrap()),
        ..query("")
    };
    let hit = &hits(&idx, &listing)[0];
    assert!(
        hit.snippet.contains("&lt;script&gt;alert(&#x27;x&#x27;)"),
        "{}",
        hit.snippet
    );
    let tokyo = hits(&idx, &query("東京大学"));
    assert!(
        tokyo[0].snippet.contains("<mark>東京大学</mark>"),
        "{}",
        tokyo[0].snippet
    );
}

#[test]
fn suggestions_complete_the_word_being_typed() {
    let idx = index(&fixture());
    let ids = |q: &str| -> Vec<String> {
        let hits = idx.suggest(q, true, 5).unwrap();
        hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(ids("Karol")[0], "ki");
    assert_eq!(ids("stockholm tr")[0], "stockholm-trio");
    assert_eq!(ids("UTok")[0], "utokyo");
    assert!(ids("理化").contains(&"riken".to_string()));
    assert!(ids("").is_empty());
    assert!(ids("k").len() <= 5);
}

#[test]
fn hits_serialise_with_the_collection_as_type() {
    let idx = index(&fixture());
    let results = idx.search(&query("RIKEN")).unwrap();
    let json = serde_json::to_value(&results).unwrap();
    let first = &json["hits"][0];
    assert_eq!(first["type"], "organisations");
    assert_eq!(first["id"], "riken");
    assert!(json["facets"]["type"].is_object());
    let counts: BTreeMap<String, u64> =
        serde_json::from_value(json["facets"]["type"].clone()).unwrap();
    assert_eq!(counts.values().sum::<u64>() as usize, results.total);
}

#[test]
fn subject_areas_levels_and_kinds_are_found_in_three_languages() {
    let idx = index(&fixture());
    let ids = |q: &str| -> Vec<String> {
        hits(&idx, &query(q))
            .into_iter()
            .map(|h| format!("{}/{}", h.kind, h.id))
            .collect()
    };
    // The TMU exchange covers nursing (ISCED-F 0913): a Swedish reader types
    // the profession or the programme, a Japanese reader 看護.
    for q in [
        "sjuksköterska",
        "sjuksköterskeprogrammet",
        "omvårdnad",
        "nursing",
        "看護",
        "看護学",
        "理学療法",
        "arbetsterapeut",
    ] {
        let found = ids(q);
        assert!(
            found.contains(&"agreements/tmu-student-exchange".to_owned()),
            "{q}: {found:?}"
        );
    }
    // Kinds and levels by their labels in Swedish and Japanese.
    for q in ["studentutbyte", "学生交流", "kandidat", "修士課程"] {
        let found = ids(q);
        assert!(
            found.contains(&"agreements/tmu-student-exchange".to_owned()),
            "{q}: {found:?}"
        );
    }
}
