//! Reading records back: lists filtered and paged, the Japan dataset
//! loaded through the registry, and deployment settings.

use std::sync::Arc;

use kizuna_core::Registry;
use kizuna_domain::{Organisation, RecordSet};
use kizuna_storage::{Change, Expect, ListFilter, Store};

use crate::{japan, org};

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
        country: Some("JP".parse().unwrap()),
        ..Default::default()
    };
    assert_eq!(
        ids(store
            .list(RecordSet::Organisations, &public_jp)
            .await
            .unwrap()),
        ["tmu", "utokyo"]
    );
    let tokyo = ListFilter {
        text: Some("東京".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list(RecordSet::Organisations, &tokyo).await.unwrap()),
        ["secret", "tmu", "utokyo"]
    );
    let literal = ListFilter {
        text: Some("_first 100%".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store
            .list(RecordSet::Organisations, &literal)
            .await
            .unwrap()),
        ["a-b"]
    );
    let wildcard = ListFilter {
        text: Some("%".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store
            .list(RecordSet::Organisations, &wildcard)
            .await
            .unwrap()),
        ["a-b"],
        "% is matched literally"
    );
    let page1 = ListFilter {
        limit: Some(2),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list(RecordSet::Organisations, &page1).await.unwrap()),
        ["a-b", "ab"],
        "ids sort bytewise on both databases"
    );
    let page2 = ListFilter {
        limit: Some(2),
        after: Some("ab".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store.list(RecordSet::Organisations, &page2).await.unwrap()),
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

async fn settings_are_kept(store: Arc<dyn Store>) {
    assert_eq!(store.setting("home").await.unwrap(), None);
    store.set_setting("home", "ki").await.unwrap();
    store.set_setting("home", "kth").await.unwrap();
    assert_eq!(store.setting("home").await.unwrap().as_deref(), Some("kth"));
    store.ping().await.unwrap();
}

suite!(
    lists_filter_and_paginate,
    the_japan_dataset_loads_once,
    settings_are_kept,
);
