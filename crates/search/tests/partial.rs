//! Search that forgives: when no record holds every word, the closest ones,
//! ranked by how many words they hold and said to be partial.

use kizuna_core::Snapshot;
use kizuna_domain::{Collection, Dataset, Deadline};
use kizuna_search::{SearchIndex, SearchQuery, SearchResults};

fn japan() -> Snapshot {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .expect("data/japan.toml is in the repository");
    let data: Dataset = toml::from_str(&text).expect("data/japan.toml parses");
    Snapshot::from_dataset(&data, 1)
}

fn index(s: &Snapshot) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.rebuild(s).unwrap();
    index
}

fn search(idx: &SearchIndex, q: &str) -> SearchResults {
    idx.search(&SearchQuery {
        q: q.into(),
        public_only: true,
        limit: 50,
        ..Default::default()
    })
    .unwrap()
}

fn ids(results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| format!("{}/{}", h.kind, h.id))
        .collect()
}

const JSPS: &str = "funding/jsps-fellowships";
const SJF: &str = "funding/sweden-japan-foundation-scholarships";

fn first_two_are_the_japan_funders(found: &SearchResults) {
    let ids = ids(found);
    assert!(ids.len() >= 2, "{ids:?}");
    let mut top: Vec<&str> = ids[..2].iter().map(String::as_str).collect();
    top.sort_unstable();
    assert_eq!(top, [JSPS, SJF], "{ids:?}");
}

#[test]
fn postdoc_funding_japan_finds_jsps_and_the_sweden_japan_foundation_first() {
    let idx = index(&japan());
    let found = search(&idx, "postdoc funding japan");
    first_two_are_the_japan_funders(&found);
    assert!(!found.partial);
}

#[test]
fn when_no_record_holds_every_word_the_closest_come_first_and_are_partial() {
    let idx = index(&japan());
    let found = search(&idx, "postdoc funding japan tuition");
    assert!(found.partial);
    first_two_are_the_japan_funders(&found);
    // Records holding fewer of the words follow.
    assert!(found.total > 2, "{:?}", ids(&found));
    let scores: Vec<f32> = found.hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // The facets count the partial matches.
    let types = &found.facets["type"];
    assert_eq!(types.values().sum::<u64>() as usize, found.total);
}

#[test]
fn filters_still_apply_to_partial_matches() {
    let idx = index(&japan());
    let found = idx
        .search(&SearchQuery {
            q: "postdoc funding japan tuition".into(),
            types: vec![Collection::Programmes],
            public_only: true,
            ..Default::default()
        })
        .unwrap();
    assert!(found.partial);
    assert!(found.total > 0);
    assert!(found.hits.iter().all(|h| h.kind == Collection::Programmes));
}

#[test]
fn nothing_matching_any_word_is_empty_and_not_partial() {
    let idx = index(&japan());
    let found = search(&idx, "zzzzzz qqqqqq");
    assert_eq!(found.total, 0);
    assert!(!found.partial);
    // Text with nothing searchable in it still finds nothing.
    for q in ["*", "( ) * !", "\"\""] {
        let found = search(&idx, q);
        assert_eq!(found.total, 0, "{q}");
        assert!(!found.partial, "{q}");
    }
}

#[test]
fn deadline_finds_funding_with_deadlines() {
    let mut s = japan();
    assert!(ids(&search(&index(&s), "deadline")).is_empty());
    let sjf = s
        .funding
        .iter_mut()
        .find(|f| f.id.as_str() == "sweden-japan-foundation-scholarships")
        .unwrap();
    sjf.deadlines.push(Deadline {
        date: "2027-02-15".parse().unwrap(),
        yearly: true,
    });
    let idx = index(&s);
    assert_eq!(ids(&search(&idx, "deadline")), [SJF]);
    assert_eq!(ids(&search(&idx, "deadlines")), [SJF]);
    assert_eq!(ids(&search(&idx, "february deadline")), [SJF]);
}

#[test]
fn subject_areas_are_found_by_their_isced_names() {
    let idx = index(&japan());
    let exchange = "agreements/tmu-student-exchange".to_owned();
    // 0913 Nursing and midwifery, 0915 Therapy and rehabilitation.
    for q in ["midwifery", "rehabilitation", "nursing", "0913"] {
        assert!(ids(&search(&idx, q)).contains(&exchange), "{q}");
    }
}

#[test]
fn partial_matches_never_show_the_public_an_internal_record() {
    let mut s = japan();
    let hidden: kizuna_domain::Organisation = serde_json::from_value(serde_json::json!({
        "id": "hidden-postdoc-office", "kind": "other", "country": "JP",
        "names": [{"value": "Hidden Postdoc Office", "kind": "display"}],
        "visibility": "internal"
    }))
    .unwrap();
    s.organisations
        .insert(hidden.id.clone(), std::sync::Arc::new(hidden));
    let idx = index(&s);
    let public = search(&idx, "hidden postdoc tuition");
    assert!(public.partial);
    assert!(
        public.hits.iter().all(|h| h.id != "hidden-postdoc-office"),
        "{:?}",
        ids(&public)
    );
    let staff = idx
        .search(&SearchQuery {
            q: "hidden postdoc tuition".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(staff.partial);
    assert_eq!(staff.hits[0].id, "hidden-postdoc-office");
}
