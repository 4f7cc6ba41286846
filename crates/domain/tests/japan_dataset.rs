//! The Japan dataset shipped in the repository parses and is consistent.

use kizuna_domain::{AgreementLevel, Dataset, OrganisationKind};

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

#[test]
fn the_japan_dataset_is_valid_and_complete() {
    let data = japan();
    assert_eq!(data.home.as_ref().map(|h| h.as_str()), Some("ki"));
    let names: Vec<&str> = data
        .organisations
        .iter()
        .flat_map(|o| o.names.iter().map(|n| n.value.as_str()))
        .collect();
    for expected in [
        "東京大学",
        "理化学研究所",
        "東京都立大学",
        "Karolinska Institutet",
    ] {
        assert!(names.contains(&expected), "missing name {expected}");
    }
    let trio = data
        .organisations
        .iter()
        .find(|o| o.id.as_str() == "stockholm-trio")
        .unwrap();
    assert_eq!(trio.kind, OrganisationKind::Consortium);
    assert_eq!(trio.members.len(), 3);
    let central: Vec<&str> = data
        .agreements
        .iter()
        .filter(|a| {
            a.level == AgreementLevel::Central
                && a.party_ids()
                    .any(|p| p.as_str() == "riken" || p.as_str() == "tmu" || p.as_str() == "utokyo")
        })
        .map(|a| a.id.as_str())
        .collect();
    assert!(central.contains(&"riken-phd-exchange"));
    let renewal = data
        .agreements
        .iter()
        .find(|a| a.id.as_str() == "trio-utokyo-spa-2022")
        .unwrap();
    assert_eq!(renewal.renews.as_ref().unwrap().as_str(), "trio-utokyo-spa");
    assert_eq!(renewal.signed_on.unwrap().to_string(), "2022");
}
