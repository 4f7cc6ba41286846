//! The storage suite: every test runs against SQLite and PostgreSQL, each on a
//! fresh database.

use std::sync::Arc;

use kizuna_domain::{Dataset, Organisation};
use kizuna_storage::{Change, Expect, ListFilter, NewRecord, Registry, Store, StoreError, testing};
use serde_json::json;

fn org(id: &str, country: &str, visibility: &str, names: &[&str]) -> NewRecord {
    let doc = json!({
        "id": id, "kind": "education", "country": country, "visibility": visibility,
        "names": names.iter().map(|n| json!({"value": n, "kind": "display"})).collect::<Vec<_>>(),
    });
    NewRecord {
        collection: "organisations".into(),
        id: id.into(),
        kind: Some("education".into()),
        country: Some(country.into()),
        visibility: visibility.into(),
        search_text: names.join("\n").to_lowercase(),
        doc,
    }
}

fn japan() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .unwrap();
    let mut data: Dataset = toml::from_str(&text).unwrap();
    data.validate().unwrap();
    data
}

async fn writes_are_versioned_and_logged(store: Arc<dyn Store>) {
    assert_eq!(store.revision().await.unwrap(), 0);
    let report = store
        .apply(
            vec![Change::Put(
                org("utokyo", "JP", "public", &["University of Tokyo"]),
                Expect::Absent,
            )],
            "alice",
        )
        .await
        .unwrap();
    assert_eq!(
        (report.created, report.revisions.clone()),
        (1, vec![Some(1)])
    );
    let stored = store.get("organisations", "utokyo").await.unwrap().unwrap();
    assert_eq!(stored.revision, 1);
    assert_eq!(stored.doc["names"][0]["value"], "University of Tokyo");

    let renamed = org("utokyo", "JP", "public", &["The University of Tokyo"]);
    let report = store
        .apply(
            vec![Change::Put(renamed.clone(), Expect::Revision(1))],
            "bob",
        )
        .await
        .unwrap();
    assert_eq!(report.updated, 1);
    let again = store
        .apply(vec![Change::Put(renamed, Expect::Any)], "bob")
        .await
        .unwrap();
    assert_eq!(again.unchanged, 1, "an identical put writes nothing");
    assert_eq!(store.revision().await.unwrap(), 2);

    let history = store.history("organisations", "utokyo").await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|h| (h.action.as_str(), h.actor.as_str()))
            .collect::<Vec<_>>(),
        [("create", "alice"), ("update", "bob")]
    );
    assert_eq!(
        history[1].before.as_ref().unwrap()["names"][0]["value"],
        "University of Tokyo"
    );
    assert_eq!(
        history[1].after.as_ref().unwrap()["names"][0]["value"],
        "The University of Tokyo"
    );
    let feed = store.changes_since(1, 10).await.unwrap();
    assert_eq!(feed.iter().map(|c| c.revision).collect::<Vec<_>>(), [2]);
}

async fn stale_and_conflicting_writes_are_refused(store: Arc<dyn Store>) {
    store
        .apply(
            vec![Change::Put(
                org("riken", "JP", "public", &["RIKEN"]),
                Expect::Any,
            )],
            "a",
        )
        .await
        .unwrap();
    let err = store
        .apply(
            vec![Change::Put(
                org("riken", "JP", "public", &["x"]),
                Expect::Absent,
            )],
            "a",
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    let err = store
        .apply(
            vec![Change::Put(
                org("riken", "JP", "public", &["x"]),
                Expect::Revision(7),
            )],
            "a",
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Stale {
                expected: 7,
                actual: 1,
                ..
            }
        ),
        "{err}"
    );
    let delete = |id: &str| Change::Delete {
        collection: "organisations".into(),
        id: id.into(),
        expect: Expect::Any,
    };
    let err = store.apply(vec![delete("nowhere")], "a").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    let report = store.apply(vec![delete("riken")], "a").await.unwrap();
    assert_eq!(report.deleted, 1);
    assert!(store.get("organisations", "riken").await.unwrap().is_none());
}

async fn a_failing_write_leaves_nothing_behind(store: Arc<dyn Store>) {
    store
        .apply(
            vec![Change::Put(
                org("tmu", "JP", "public", &["TMU"]),
                Expect::Any,
            )],
            "a",
        )
        .await
        .unwrap();
    let before = store.revision().await.unwrap();
    let batch = vec![
        Change::Put(org("kth", "SE", "public", &["KTH"]), Expect::Any),
        Change::Put(org("tmu", "JP", "public", &["changed"]), Expect::Absent),
    ];
    assert!(store.apply(batch, "a").await.is_err());
    assert!(
        store.get("organisations", "kth").await.unwrap().is_none(),
        "the first change was rolled back"
    );
    assert_eq!(store.revision().await.unwrap(), before);
}

async fn lists_filter_and_paginate(store: Arc<dyn Store>) {
    let batch = vec![
        Change::Put(
            org(
                "utokyo",
                "JP",
                "public",
                &["University of Tokyo", "東京大学"],
            ),
            Expect::Any,
        ),
        Change::Put(
            org(
                "tmu",
                "JP",
                "public",
                &["Tokyo Metropolitan University", "東京都立大学"],
            ),
            Expect::Any,
        ),
        Change::Put(
            org("secret", "JP", "internal", &["Hidden 東京"]),
            Expect::Any,
        ),
        Change::Put(
            org("ki", "SE", "public", &["Karolinska Institutet"]),
            Expect::Any,
        ),
        Change::Put(
            org("a-b", "SE", "public", &["Hyphen_first 100%"]),
            Expect::Any,
        ),
        Change::Put(org("ab", "SE", "public", &["No hyphen"]), Expect::Any),
    ];
    store.apply(batch, "a").await.unwrap();
    let ids = |records: Vec<kizuna_storage::StoredRecord>| {
        records.into_iter().map(|r| r.id).collect::<Vec<_>>()
    };
    let public_jp = ListFilter {
        public_only: true,
        country: Some("JP".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list("organisations", &public_jp).await.unwrap()),
        ["tmu", "utokyo"]
    );
    let tokyo = ListFilter {
        text: Some("東京".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list("organisations", &tokyo).await.unwrap()),
        ["secret", "tmu", "utokyo"]
    );
    let literal = ListFilter {
        text: Some("_first 100%".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list("organisations", &literal).await.unwrap()),
        ["a-b"]
    );
    let wildcard = ListFilter {
        text: Some("%".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list("organisations", &wildcard).await.unwrap()),
        ["a-b"],
        "% is matched literally"
    );
    let page1 = ListFilter {
        limit: Some(2),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list("organisations", &page1).await.unwrap()),
        ["a-b", "ab"],
        "ids sort bytewise on both databases"
    );
    let page2 = ListFilter {
        limit: Some(2),
        after: Some("ab".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list("organisations", &page2).await.unwrap()),
        ["ki", "secret"]
    );
}

async fn the_japan_dataset_loads_once(store: Arc<dyn Store>) {
    let registry = Registry::new(store.clone());
    let data = japan();
    let first = registry.load_dataset(&data, "demo").await.unwrap();
    assert!(first.created > 20, "{first:?}");
    let revision = store.revision().await.unwrap();
    let second = registry.load_dataset(&data, "demo").await.unwrap();
    assert_eq!(
        (second.created, second.updated),
        (0, 0),
        "loading twice changes nothing"
    );
    assert_eq!(second.unchanged, first.created);
    assert_eq!(store.revision().await.unwrap(), revision);
    assert_eq!(registry.home().await.unwrap().unwrap().as_str(), "ki");
    let utokyo = registry
        .get::<Organisation>("utokyo")
        .await
        .unwrap()
        .unwrap();
    assert!(utokyo.record.names.iter().any(|n| n.value == "東京大学"));
    assert!(utokyo.record.created_at.is_some());
    let snapshot = registry.snapshot().await.unwrap();
    assert_eq!(snapshot.revision, revision);
    assert_eq!(snapshot.organisations.len(), data.organisations.len());
    assert_eq!(snapshot.agreements.len(), data.agreements.len());
    assert_eq!(snapshot.countries.len(), 1);
    let jp = registry
        .country_profile("JP".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(jp.collaboration_years, Some(25));
}

async fn snapshots_follow_the_change_log(store: Arc<dyn Store>) {
    let registry = Registry::new(store.clone());
    registry.load_dataset(&japan(), "demo").await.unwrap();
    let mut snapshot = registry.snapshot().await.unwrap();
    let other = Registry::new(store.clone());
    let mut tmu = other.get::<Organisation>("tmu").await.unwrap().unwrap();
    tmu.record.city = Some("Hachioji".into());
    other
        .save(&tmu.record, Expect::Revision(tmu.revision), "editor")
        .await
        .unwrap();
    other
        .delete(
            kizuna_domain::Collection::Contacts,
            "per-nilsson",
            Expect::Any,
            "editor",
        )
        .await
        .unwrap();
    let changed = registry.refresh(&mut snapshot).await.unwrap();
    assert_eq!(
        changed,
        [
            ("organisations".to_string(), "tmu".to_string()),
            ("contacts".to_string(), "per-nilsson".to_string())
        ]
    );
    assert_eq!(snapshot.revision, store.revision().await.unwrap());
    let tmu_id: kizuna_domain::Slug = "tmu".parse().unwrap();
    assert_eq!(
        snapshot.organisations[&tmu_id].city.as_deref(),
        Some("Hachioji")
    );
    assert!(
        snapshot
            .contacts
            .iter()
            .all(|c| c.id.as_str() != "per-nilsson")
    );
    assert!(registry.refresh(&mut snapshot).await.unwrap().is_empty());
}

async fn settings_are_kept(store: Arc<dyn Store>) {
    assert_eq!(store.setting("home").await.unwrap(), None);
    store.set_setting("home", "ki").await.unwrap();
    store.set_setting("home", "kth").await.unwrap();
    assert_eq!(store.setting("home").await.unwrap().as_deref(), Some("kth"));
    store.ping().await.unwrap();
}

macro_rules! suite {
    ($($test:ident),+ $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $test() {
                super::$test(kizuna_storage::testing::fresh_sqlite().await.unwrap()).await;
            })+
        }
        mod postgres {
            $(#[tokio::test]
            async fn $test() {
                if let Some(store) = kizuna_storage::testing::fresh_postgres().await {
                    super::$test(store.unwrap()).await;
                }
            })+
        }
    };
}

suite!(
    writes_are_versioned_and_logged,
    stale_and_conflicting_writes_are_refused,
    a_failing_write_leaves_nothing_behind,
    lists_filter_and_paginate,
    the_japan_dataset_loads_once,
    snapshots_follow_the_change_log,
    settings_are_kept,
);

#[test]
fn unknown_database_urls_are_refused() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let err = rt
        .block_on(kizuna_storage::connect("mysql://x"))
        .err()
        .unwrap();
    assert!(err.to_string().contains("unsupported database URL"));
    let _ = testing::POSTGRES_ENV;
}
