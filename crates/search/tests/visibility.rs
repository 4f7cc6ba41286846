//! What a public search may show of internal records: nothing, not even the
//! name or country of an internal organisation that is party to a public
//! record. Staff searches find internal records, marked as such.

use std::sync::Arc;

use kizuna_core::Snapshot;
use kizuna_domain::{Dataset, Organisation, Slug, Visibility};
use kizuna_search::{SearchIndex, SearchQuery, SearchResults};

fn japan() -> Snapshot {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .expect("data/japan.toml is in the repository");
    let data: Dataset = toml::from_str(&text).expect("data/japan.toml parses");
    Snapshot::from_dataset(&data, 3)
}

const SECRET: &str = "Zyxsecret University";

/// The Japan dataset where an organisation in Iceland (a country nothing else
/// is in) of the given visibility is party to the public RIKEN agreement, a
/// partner of a public programme, the funder of a public grant, the employer
/// of a public contact and a member of the public Stockholm Trio.
fn with_party(visibility: Visibility) -> Snapshot {
    let mut s = japan();
    let secret: Organisation = serde_json::from_value(serde_json::json!({
        "id": "zyxsecret", "kind": "education", "country": "IS", "city": "Qwvik",
        "names": [{"value": SECRET, "kind": "display"}],
        "visibility": visibility.as_str()
    }))
    .unwrap();
    let id = secret.id.clone();
    s.organisations.insert(id.clone(), Arc::new(secret));
    let party = serde_json::from_value(serde_json::json!({"organisation": "zyxsecret"})).unwrap();
    let riken = s
        .agreements
        .iter_mut()
        .find(|a| a.id.as_str() == "riken-phd-exchange")
        .unwrap();
    riken.parties.push(party);
    s.programmes[0].partners.push(id.clone());
    s.funding[0].funder = Some(id.clone());
    s.contacts[0].organisation = Some(id.clone());
    let trio: Slug = "stockholm-trio".parse().unwrap();
    Arc::make_mut(s.organisations.get_mut(&trio).unwrap())
        .members
        .push(id);
    s
}

fn search(s: &Snapshot, q: &str, public_only: bool) -> SearchResults {
    let index = SearchIndex::in_memory().unwrap();
    index.rebuild(s).unwrap();
    index
        .search(&SearchQuery {
            q: q.into(),
            public_only,
            limit: 100,
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

#[test]
fn a_public_party_is_found_through_the_records_it_is_party_to() {
    // The positive control: the same set-up with the organisation public.
    let s = with_party(Visibility::Public);
    let found = ids(&search(&s, "Zyxsecret", true));
    for record in [
        "organisations/zyxsecret",
        "agreements/riken-phd-exchange",
        "organisations/stockholm-trio",
        "programmes/ki-riken-phd-course",
        "funding/jsps-fellowships",
        "contacts/lotta-lundqvist",
    ] {
        assert!(found.iter().any(|f| f == record), "{record}: {found:?}");
    }
    let riken = search(&s, "riken", true);
    let snippet = &riken
        .hits
        .iter()
        .find(|h| h.id == "riken-phd-exchange")
        .unwrap()
        .snippet;
    assert!(snippet.contains("Zyxsecret"), "{snippet}");
    // The organisation itself, the agreement and the programme it is a partner of.
    assert_eq!(search(&s, "", true).facets["country"].get("IS"), Some(&3));
}

#[test]
fn an_internal_party_leaves_no_trace_in_public_results() {
    let s = with_party(Visibility::Internal);
    let public = search(&s, "Zyxsecret", true);
    assert_eq!(public.total, 0, "{:?}", ids(&public));
    assert!(search(&s, "Qwvik", true).hits.is_empty());
    let riken = search(&s, "riken", true);
    assert!(!riken.hits.is_empty());
    for hit in &riken.hits {
        assert!(!hit.snippet.contains("Zyxsecret"), "{}", hit.snippet);
    }
    let everything = search(&s, "", true);
    assert_eq!(
        everything.facets["country"].get("IS"),
        None,
        "{:?}",
        everything.facets["country"]
    );
    assert!(search(&s, "Iceland", true).hits.is_empty());
    assert!(
        search(&s, "", true)
            .hits
            .iter()
            .all(|h| h.visibility == Visibility::Public)
    );
}

#[test]
fn staff_find_internal_records_marked_internal() {
    let s = with_party(Visibility::Internal);
    let staff = search(&s, "Zyxsecret", false);
    let hit = staff
        .hits
        .iter()
        .find(|h| h.id == "zyxsecret")
        .expect("staff find the internal organisation");
    assert_eq!(hit.visibility, Visibility::Internal);
    let json = serde_json::to_value(hit).unwrap();
    assert_eq!(json["visibility"], "internal");
    let riken = search(&s, "riken", false);
    assert!(
        riken
            .hits
            .iter()
            .all(|h| h.visibility == Visibility::Public)
    );
}
