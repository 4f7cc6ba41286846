//! Who may change what, and what a record may name: the rules of the write
//! path, applied directly to a real SQLite store with the Japan dataset.

mod common;

use common::{
    admin, agreement, assert_forbidden, editor, invalid_fields, registry, viewer, writer,
};
use kizuna_core::WriteError;
use kizuna_core::write::scope;
use kizuna_domain::{Action, Agreement, CountryProfile, Dataset, Organisation};
use serde_json::json;

#[tokio::test]
async fn an_editor_changes_the_records_of_their_units_and_nothing_else() {
    let registry = registry().await;
    let w = writer(&registry).await;
    let (editor, admin) = (editor(), admin());

    let own = w
        .create(&editor, agreement("own", Some("cmb")))
        .await
        .unwrap();
    assert_eq!(own.record.home_unit.as_ref().unwrap().as_str(), "cmb");
    assert_forbidden(w.create(&editor, agreement("other", Some("bionut"))).await);
    assert_forbidden(w.create(&editor, agreement("central", None)).await);

    // A central record stays out of reach, for an update as for a delete.
    let central = registry
        .get::<Agreement>("riken-phd-exchange")
        .await
        .unwrap()
        .unwrap();
    let mut changed = central.record.clone();
    changed.title = "Renamed".into();
    assert_forbidden(w.update(&editor, changed.clone(), central.revision).await);
    let deleted = w
        .delete::<Agreement>(&editor, "riken-phd-exchange", central.revision)
        .await;
    assert_forbidden(deleted);

    // Moving one's own record to another unit needs both units.
    let w = writer(&registry).await;
    let mut moved = own.record.clone();
    moved.home_unit = Some("bionut".parse().unwrap());
    assert_forbidden(w.update(&editor, moved, own.revision).await);

    // The admin may do all of it.
    w.create(&admin, agreement("central", None)).await.unwrap();
    w.update(&admin, changed, central.revision).await.unwrap();
}

#[tokio::test]
async fn an_editors_scope_reaches_the_units_below_theirs() {
    let registry = registry().await;
    let editor = editor();
    let lab: Organisation = serde_json::from_value(json!({"id": "cmb-lab", "kind": "unit",
        "parent": "cmb", "names": [{"value": "CMB Lab", "lang": "en", "kind": "display"}]}))
    .unwrap();
    writer(&registry).await.create(&editor, lab).await.unwrap();

    let w = writer(&registry).await;
    let lab = w
        .snapshot()
        .organisations
        .get(&"cmb-lab".parse().unwrap())
        .unwrap();
    assert_eq!(
        scope::home_units(w.snapshot(), &**lab),
        ["cmb-lab".parse::<kizuna_domain::Slug>().unwrap()]
    );
    w.create(&editor, agreement("lab", Some("cmb-lab")))
        .await
        .unwrap();
    let under_bionut: Organisation = serde_json::from_value(json!({"id": "bionut-lab",
        "kind": "unit", "parent": "bionut",
        "names": [{"value": "Bionut Lab", "lang": "en", "kind": "display"}]}))
    .unwrap();
    assert_forbidden(w.create(&editor, under_bionut).await);
}

#[tokio::test]
async fn viewers_change_nothing_and_only_admins_restore_or_edit_countries() {
    let registry = registry().await;
    let w = writer(&registry).await;
    assert_forbidden(w.create(&viewer(), agreement("v", Some("cmb"))).await);
    let snapshot = w.snapshot();
    assert!(scope::may(&viewer(), snapshot, Action::View, None));
    assert!(!scope::may(
        &editor(),
        snapshot,
        Action::Restore,
        Some(&"cmb".parse().unwrap())
    ));

    let profile = snapshot.countries[0].clone();
    let refused = w.save_country(&editor(), profile.clone()).await;
    match refused {
        Err(WriteError::Forbidden(message)) => {
            assert_eq!(
                message,
                "only an admin may edit country pages; an editor may not"
            )
        }
        other => panic!("expected forbidden, got {other:?}"),
    }
    let mut bad: CountryProfile = profile.clone();
    bad.key_partners.push("nowhere".parse().unwrap());
    let fields = invalid_fields(w.save_country(&admin(), bad).await);
    assert_eq!(
        fields,
        [format!("key_partners[{}]", profile.key_partners.len())]
    );
    w.save_country(&admin(), profile).await.unwrap();
}

#[tokio::test]
async fn every_missing_reference_is_named_by_field_and_nothing_is_written() {
    let registry = registry().await;
    let w = writer(&registry).await;
    let mut bad = agreement("dangling", Some("ki"));
    bad.parties
        .push(serde_json::from_value(json!({"organisation": "nowhere"})).unwrap());
    bad.renews = Some("gone".parse().unwrap());
    bad.contacts = vec!["nobody".parse().unwrap()];
    let fields = invalid_fields(w.create(&admin(), bad).await);
    assert_eq!(
        fields,
        [
            "parties[2].organisation",
            "home_unit",
            "renews",
            "contacts[0]"
        ],
        "`ki` exists but is no unit"
    );
    assert!(
        registry
            .get::<Agreement>("dangling")
            .await
            .unwrap()
            .is_none()
    );

    // Rules and references are reported together.
    let mut both = agreement("both", Some("cmb"));
    both.parties.truncate(1);
    both.renews = Some("gone".parse().unwrap());
    assert_eq!(
        invalid_fields(w.create(&admin(), both).await),
        ["parties", "renews"]
    );
}

#[tokio::test]
async fn an_import_is_held_to_the_same_rules_against_the_registry_as_it_will_be() {
    let registry = registry().await;
    let w = writer(&registry).await;
    // Names a stored organisation and one the dataset brings.
    let mut good: Dataset = serde_json::from_value(json!({
        "organisations": [{"id": "kyoto", "kind": "education", "country": "JP",
            "names": [{"value": "Kyoto University", "lang": "en", "kind": "display"}]}],
        "agreements": [{"id": "kyoto-mou", "kind": "mou", "level": "central", "title": "Kyoto MoU",
            "parties": [{"organisation": "ki"}, {"organisation": "kyoto"}]}]}))
    .unwrap();
    let report = w.import(&mut good, "import").await.unwrap();
    assert_eq!(report.created, 2);

    let mut bad: Dataset = serde_json::from_value(json!({
        "agreements": [{"id": "x", "kind": "mou", "level": "central", "title": "X",
            "parties": [{"organisation": "ki"}, {"organisation": "nowhere"}], "renews": "gone"},
            {"id": "x", "kind": "mou", "level": "central", "title": "X",
            "parties": [{"organisation": "ki"}, {"organisation": "kyoto"}]}]}))
    .unwrap();
    let w = writer(&registry).await;
    assert_eq!(
        invalid_fields(w.import(&mut bad, "import").await),
        [
            "agreements.x",
            "agreements.x.parties[1].organisation",
            "agreements.x.renews"
        ]
    );
    assert!(registry.get::<Agreement>("x").await.unwrap().is_none());
}
