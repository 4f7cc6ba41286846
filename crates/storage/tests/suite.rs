//! The storage suite: every test runs against SQLite and PostgreSQL, each on a
//! fresh database.

use std::sync::Arc;

use chrono::{Duration, Utc};
use kizuna_core::{Registry, credentials};
use kizuna_domain::{ChangeKind, Dataset, Email, Organisation, RecordSet, Role, Slug, Visibility};
use kizuna_storage::{
    Change, Expect, ListFilter, NewRecord, Store, StoreError, StoredDocument, UserPatch,
    new_document_id, testing,
};
use serde_json::json;

fn org(id: &str, country: &str, visibility: &str, names: &[&str]) -> NewRecord {
    let doc = json!({
        "id": id, "kind": "education", "country": country, "visibility": visibility,
        "names": names.iter().map(|n| json!({"value": n, "kind": "display"})).collect::<Vec<_>>(),
    });
    NewRecord {
        collection: RecordSet::Organisations,
        id: id.into(),
        kind: Some("education".into()),
        country: Some(country.parse().unwrap()),
        visibility: visibility.parse().unwrap(),
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
    let stored = store
        .get(RecordSet::Organisations, "utokyo")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.revision, 1);
    assert_eq!(
        stored.value().unwrap()["names"][0]["value"],
        "University of Tokyo"
    );

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

    let history = store
        .history(RecordSet::Organisations, "utokyo")
        .await
        .unwrap();
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
        collection: RecordSet::Organisations,
        id: id.into(),
        expect: Expect::Any,
    };
    let err = store.apply(vec![delete("nowhere")], "a").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    let report = store.apply(vec![delete("riken")], "a").await.unwrap();
    assert_eq!(report.deleted, 1);
    assert!(
        store
            .get(RecordSet::Organisations, "riken")
            .await
            .unwrap()
            .is_none()
    );
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
        store
            .get(RecordSet::Organisations, "kth")
            .await
            .unwrap()
            .is_none(),
        "the first change was rolled back"
    );
    assert_eq!(store.revision().await.unwrap(), before);
}

/// A thousand-odd organisations in an order that is not their ids' order.
fn many_orgs(n: usize) -> Vec<NewRecord> {
    (0..n)
        .map(|i| {
            let id = format!("org-{:04}", (i * 7919) % n);
            org(&id, if i % 2 == 0 { "JP" } else { "SE" }, "public", &[&id])
        })
        .collect()
}

async fn a_large_batch_is_logged_in_order(store: Arc<dyn Store>) {
    let records = many_orgs(1_200);
    let puts = records
        .iter()
        .map(|r| Change::Put(r.clone(), Expect::Absent))
        .collect();
    let report = store.apply(puts, "bulk").await.unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (1_200, 0, 0)
    );
    let expected: Vec<_> = (1..=1_200).map(Some).collect();
    assert_eq!(
        report.revisions, expected,
        "consecutive revisions in batch order"
    );
    let log = store.changes_since(0, 2_000).await.unwrap();
    assert_eq!(log.len(), 1_200);
    for (entry, record) in log.iter().zip(&records) {
        assert_eq!(
            (
                entry.record_id.as_str(),
                entry.action.as_str(),
                entry.actor.as_str()
            ),
            (record.id.as_str(), "create", "bulk")
        );
        assert_eq!(
            (&entry.before, entry.after.as_ref()),
            (&None, Some(&record.doc))
        );
    }
    for at in [0, 499, 500, 777, 1_199] {
        let stored = store
            .get(RecordSet::Organisations, &records[at].id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.revision, at as i64 + 1, "{}", records[at].id);
        assert_eq!(stored.value().unwrap(), records[at].doc);
    }
    let jp = ListFilter {
        country: Some("JP".parse().unwrap()),
        ..Default::default()
    };
    assert_eq!(
        store
            .list(RecordSet::Organisations, &jp)
            .await
            .unwrap()
            .len(),
        600
    );

    // Update every other one, expecting its revision; the rest are unchanged.
    let created = store
        .get(RecordSet::Organisations, &records[0].id)
        .await
        .unwrap()
        .unwrap();
    let changes = records
        .iter()
        .enumerate()
        .map(|(at, r)| {
            let mut r = r.clone();
            if at % 2 == 0 {
                r.doc["names"][0]["value"] = json!(format!("renamed {at}"));
                r.search_text = format!("renamed {at}");
            }
            Change::Put(r, Expect::Revision(at as i64 + 1))
        })
        .collect();
    let report = store.apply(changes, "bulk").await.unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (0, 600, 600)
    );
    let mut next = 1_200;
    for (at, revision) in report.revisions.iter().enumerate() {
        if at % 2 == 0 {
            next += 1;
            assert_eq!(*revision, Some(next));
        } else {
            assert_eq!(*revision, None);
        }
    }
    assert_eq!(store.revision().await.unwrap(), 1_800);
    let renamed = store
        .get(RecordSet::Organisations, &records[0].id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(renamed.value().unwrap()["names"][0]["value"], "renamed 0");
    assert_eq!(renamed.revision, 1_201);
    assert_eq!(renamed.created_at, created.created_at, "created_at is kept");
    assert!(renamed.updated_at >= created.updated_at);
    let history = store
        .history(RecordSet::Organisations, &records[0].id)
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].before.as_ref(), Some(&records[0].doc));
    let text = ListFilter {
        text: Some("renamed 1198".into()),
        ..Default::default()
    };
    assert_eq!(
        store
            .list(RecordSet::Organisations, &text)
            .await
            .unwrap()
            .len(),
        1
    );
    let untouched = store
        .get(RecordSet::Organisations, &records[1].id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(untouched.revision, 2);
}

/// New and stored records in one batch: the new ones are inserted with the
/// document their change logged, the stored ones replaced keeping `created_at`.
async fn a_batch_mixes_new_and_stored_records(store: Arc<dyn Store>) {
    let records = many_orgs(40);
    let (stored, new) = records.split_at(20);
    let puts = stored
        .iter()
        .map(|r| Change::Put(r.clone(), Expect::Absent));
    store.apply(puts.collect(), "first").await.unwrap();
    let before = store
        .get(RecordSet::Organisations, &stored[3].id)
        .await
        .unwrap()
        .unwrap();
    let mut changes = Vec::new();
    for (old, fresh) in stored.iter().zip(new) {
        let mut old = old.clone();
        old.doc["names"][0]["value"] = json!(format!("renamed {}", old.id));
        changes.push(Change::Put(old, Expect::Any));
        changes.push(Change::Put(fresh.clone(), Expect::Absent));
    }
    let report = store.apply(changes, "second").await.unwrap();
    assert_eq!((report.created, report.updated), (20, 20));
    for (at, record) in records.iter().enumerate() {
        let got = store
            .get(RecordSet::Organisations, &record.id)
            .await
            .unwrap()
            .unwrap();
        let name = &got.value().unwrap()["names"][0]["value"];
        if at < 20 {
            assert_eq!(*name, json!(format!("renamed {}", record.id)));
        } else {
            assert_eq!(got.value().unwrap(), record.doc, "{}", record.id);
        }
        let logged = store
            .history(RecordSet::Organisations, &record.id)
            .await
            .unwrap();
        assert_eq!(got.revision, logged.last().unwrap().revision);
    }
    let after = store
        .get(RecordSet::Organisations, &stored[3].id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.created_at, before.created_at, "created_at is kept");
    let se = ListFilter {
        country: Some("SE".parse().unwrap()),
        ..Default::default()
    };
    let listed = store.list(RecordSet::Organisations, &se).await.unwrap();
    assert_eq!(listed.len(), 20, "the new rows carry their columns");
}

async fn a_record_may_change_twice_in_one_batch(store: Arc<dyn Store>) {
    store
        .apply(
            vec![Change::Put(
                org("ki", "SE", "public", &["KI"]),
                Expect::Absent,
            )],
            "a",
        )
        .await
        .unwrap();
    let ki = store
        .get(RecordSet::Organisations, "ki")
        .await
        .unwrap()
        .unwrap();
    let delete = |id: &str, expect| Change::Delete {
        collection: RecordSet::Organisations,
        id: id.into(),
        expect,
    };
    let batch = vec![
        Change::Put(org("tmu", "JP", "public", &["TMU"]), Expect::Absent),
        Change::Put(org("ki", "SE", "internal", &["KI"]), Expect::Revision(1)),
        // Revision 2 is the one the change before gave `tmu`.
        Change::Put(org("tmu", "JP", "public", &["TMU 2"]), Expect::Revision(2)),
        Change::Put(org("tmu", "JP", "public", &["TMU 2"]), Expect::Any),
        Change::Put(
            org("ki", "SE", "public", &["Karolinska"]),
            Expect::Revision(3),
        ),
        delete("tmu", Expect::Revision(4)),
        Change::Put(org("tmu", "JP", "public", &["TMU 3"]), Expect::Absent),
        delete("ki", Expect::Any),
        Change::Put(org("ki", "SE", "public", &["KI again"]), Expect::Absent),
    ];
    let report = store.apply(batch, "b").await.unwrap();
    assert_eq!(
        (
            report.created,
            report.updated,
            report.unchanged,
            report.deleted
        ),
        (3, 3, 1, 2)
    );
    assert_eq!(
        report.revisions,
        [
            Some(2),
            Some(3),
            Some(4),
            None,
            Some(5),
            Some(6),
            Some(7),
            Some(8),
            Some(9)
        ]
    );
    let tmu = store
        .get(RecordSet::Organisations, "tmu")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            tmu.revision,
            &tmu.value().unwrap()["names"][0]["value"].clone()
        ),
        (7, &json!("TMU 3"))
    );
    let again = store
        .get(RecordSet::Organisations, "ki")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            again.revision,
            &again.value().unwrap()["names"][0]["value"].clone()
        ),
        (9, &json!("KI again"))
    );
    assert!(
        again.created_at > ki.created_at,
        "deleted and put again, it is created anew"
    );
    let actions = |history: Vec<kizuna_storage::ChangeEntry>| {
        history
            .into_iter()
            .map(|h| {
                let name = |d: Option<serde_json::Value>| {
                    d.map(|d| d["names"][0]["value"].as_str().unwrap().to_owned())
                };
                (h.revision, h.action, name(h.before), name(h.after))
            })
            .collect::<Vec<_>>()
    };
    let s = |t: &str| Some(t.to_owned());
    assert_eq!(
        actions(
            store
                .history(RecordSet::Organisations, "tmu")
                .await
                .unwrap()
        ),
        [
            (2, ChangeKind::Create, None, s("TMU")),
            (4, ChangeKind::Update, s("TMU"), s("TMU 2")),
            (6, ChangeKind::Delete, s("TMU 2"), None),
            (7, ChangeKind::Create, None, s("TMU 3")),
        ]
    );
    assert_eq!(
        actions(store.history(RecordSet::Organisations, "ki").await.unwrap()),
        [
            (1, ChangeKind::Create, None, s("KI")),
            (3, ChangeKind::Update, s("KI"), s("KI")),
            (5, ChangeKind::Update, s("KI"), s("Karolinska")),
            (8, ChangeKind::Delete, s("Karolinska"), None),
            (9, ChangeKind::Create, None, s("KI again")),
        ]
    );

    // A later change of the batch expecting another revision than the earlier gave.
    let stale = vec![
        Change::Put(org("kth", "SE", "public", &["KTH"]), Expect::Absent),
        Change::Put(org("kth", "SE", "public", &["KTH 2"]), Expect::Revision(99)),
    ];
    let err = store.apply(stale, "c").await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Stale {
                expected: 99,
                actual: 10,
                ..
            }
        ),
        "{err}"
    );
    let gone = vec![
        delete("tmu", Expect::Any),
        Change::Put(org("tmu", "JP", "public", &["x"]), Expect::Revision(7)),
    ];
    let err = store.apply(gone, "c").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    let twice = vec![delete("ki", Expect::Any), delete("ki", Expect::Any)];
    let err = store.apply(twice, "c").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    assert_eq!(store.revision().await.unwrap(), 9);
    assert!(
        store
            .get(RecordSet::Organisations, "kth")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .get(RecordSet::Organisations, "tmu")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .get(RecordSet::Organisations, "ki")
            .await
            .unwrap()
            .is_some()
    );
}

async fn a_large_batch_whose_last_change_fails_leaves_nothing(store: Arc<dyn Store>) {
    store
        .apply(
            vec![Change::Put(
                org("ki", "SE", "public", &["KI"]),
                Expect::Absent,
            )],
            "a",
        )
        .await
        .unwrap();
    let records = many_orgs(1_200);
    let failing = [
        Change::Put(org("ki", "SE", "public", &["KI 2"]), Expect::Absent),
        Change::Put(org("ki", "SE", "public", &["KI 2"]), Expect::Revision(5)),
        Change::Delete {
            collection: RecordSet::Organisations,
            id: "nowhere".into(),
            expect: Expect::Any,
        },
    ];
    for last in failing {
        let mut batch: Vec<Change> = records
            .iter()
            .map(|r| Change::Put(r.clone(), Expect::Absent))
            .collect();
        batch.push(Change::Put(
            org("ki", "SE", "public", &["changed"]),
            Expect::Any,
        ));
        batch.push(last);
        assert!(store.apply(batch, "bulk").await.is_err());
        assert_eq!(store.revision().await.unwrap(), 1, "no change is logged");
        assert!(store.changes_since(1, 10).await.unwrap().is_empty());
        let all = store
            .list(RecordSet::Organisations, &ListFilter::default())
            .await
            .unwrap();
        assert_eq!(all.len(), 1, "no record is written");
        assert_eq!(all[0].value().unwrap()["names"][0]["value"], "KI");
    }
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
            (RecordSet::Organisations, "tmu".to_string()),
            (RecordSet::Contacts, "per-nilsson".to_string())
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

fn email(s: &str) -> Email {
    s.parse().unwrap()
}

fn slugs(ids: &[&str]) -> Vec<Slug> {
    ids.iter().map(|id| id.parse().unwrap()).collect()
}

async fn accounts_are_created_found_and_listed(store: Arc<dyn Store>) {
    let hash = credentials::hash_password("a long enough passphrase").unwrap();
    let anna = store
        .create_user(
            &email("Anna@KI.se"),
            &hash,
            Role::Editor,
            &slugs(&["cmb", "bionut"]),
        )
        .await
        .unwrap();
    assert_eq!(anna.email.as_str(), "anna@ki.se");
    assert_eq!((anna.role, anna.disabled), (Role::Editor, false));
    assert_eq!(
        anna.units,
        slugs(&["cmb", "bionut"]),
        "units keep their order"
    );
    assert!(anna.created_at <= Utc::now());
    let admin = store
        .create_user(&email("admin@ki.se"), "x", Role::Admin, &[])
        .await
        .unwrap();
    assert_ne!(admin.id, anna.id);

    assert_eq!(store.get_user(anna.id).await.unwrap().as_ref(), Some(&anna));
    assert_eq!(store.get_user(anna.id + 1000).await.unwrap(), None);
    let account = store
        .get_user_by_email(&email("ANNA@ki.se"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.user, anna);
    assert!(credentials::verify_password(
        "a long enough passphrase",
        &account.password_hash
    ));
    assert!(
        store
            .get_user_by_email(&email("nobody@ki.se"))
            .await
            .unwrap()
            .is_none()
    );
    let listed = store.list_users().await.unwrap();
    assert_eq!(
        listed.iter().map(|u| u.email.as_str()).collect::<Vec<_>>(),
        ["admin@ki.se", "anna@ki.se"],
        "by address"
    );

    let err = store
        .create_user(&email("anna@ki.se"), "y", Role::Viewer, &[])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::AlreadyExists { collection, id } if collection == "users" && id == "anna@ki.se"),
        "{err}"
    );
    assert_eq!(store.list_users().await.unwrap().len(), 2);
    assert_eq!(
        store.revision().await.unwrap(),
        0,
        "accounts are not records"
    );
}

async fn accounts_change_role_units_state_and_password(store: Arc<dyn Store>) {
    let user = store
        .create_user(&email("bo@ki.se"), "old", Role::Viewer, &[])
        .await
        .unwrap();
    let editor = store
        .update_user(
            user.id,
            &UserPatch {
                role: Some(Role::Editor),
                units: Some(slugs(&["cmb"])),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (editor.role, editor.units.clone()),
        (Role::Editor, slugs(&["cmb"]))
    );
    assert_eq!(editor.created_at, user.created_at);
    let disabled = store
        .update_user(
            user.id,
            &UserPatch {
                disabled: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(disabled.disabled);
    assert_eq!(
        (disabled.role, disabled.units.clone()),
        (Role::Editor, slugs(&["cmb"])),
        "what the patch leaves out is kept"
    );
    let unchanged = store
        .update_user(user.id, &UserPatch::default())
        .await
        .unwrap();
    assert_eq!(unchanged, disabled);
    let enabled = store
        .update_user(
            user.id,
            &UserPatch {
                disabled: Some(false),
                units: Some(vec![]),
                role: Some(Role::Admin),
            },
        )
        .await
        .unwrap();
    assert!(!enabled.disabled);
    assert_eq!((enabled.role, enabled.units.len()), (Role::Admin, 0));

    store.set_password_hash(user.id, "new").await.unwrap();
    let account = store
        .get_user_by_email(&email("bo@ki.se"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.password_hash, "new");

    let err = store.set_password_hash(999, "x").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    let err = store
        .update_user(999, &UserPatch::default())
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
}

async fn tokens_authenticate_until_revoked(store: Arc<dyn Store>) {
    let cora = store
        .create_user(&email("cora@ki.se"), "h", Role::Editor, &slugs(&["cmb"]))
        .await
        .unwrap();
    let other = store
        .create_user(&email("dan@ki.se"), "h", Role::Viewer, &[])
        .await
        .unwrap();
    let (plain, hash) = credentials::new_api_token();
    let id = store.create_token(cora.id, "laptop", &hash).await.unwrap();
    let tokens = store.list_tokens(cora.id).await.unwrap();
    assert_eq!(tokens.len(), 1);
    assert_eq!(
        (tokens[0].id, tokens[0].user_id, tokens[0].name.as_str()),
        (id, cora.id, "laptop")
    );
    assert_eq!((tokens[0].last_used_at, tokens[0].revoked_at), (None, None));

    let found = store
        .user_by_token_hash(&credentials::token_hash(&plain))
        .await
        .unwrap();
    assert_eq!(found.as_ref(), Some(&cora));
    let used = store.list_tokens(cora.id).await.unwrap()[0].last_used_at;
    assert!(used.is_some(), "a use is noted");
    store.user_by_token_hash(&hash).await.unwrap().unwrap();
    assert_eq!(
        store.list_tokens(cora.id).await.unwrap()[0].last_used_at,
        used,
        "noted at most once a minute"
    );
    assert_eq!(
        store
            .user_by_token_hash(&credentials::token_hash("kz_guess"))
            .await
            .unwrap(),
        None
    );

    let err = store
        .create_token(cora.id, "laptop", &credentials::new_api_token().1)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::AlreadyExists { collection, .. } if collection == "api_tokens"),
        "a live name is unique per user: {err}"
    );
    store
        .create_token(other.id, "laptop", &credentials::new_api_token().1)
        .await
        .expect("another user may use the same name");
    let err = store.create_token(999, "x", "y").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");

    let err = store.revoke_token(other.id, id).await.unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { .. }),
        "only the owner's token is revoked: {err}"
    );
    assert!(store.user_by_token_hash(&hash).await.unwrap().is_some());
    store.revoke_token(cora.id, id).await.unwrap();
    assert_eq!(store.user_by_token_hash(&hash).await.unwrap(), None);
    let err = store.revoke_token(cora.id, id).await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    let tokens = store.list_tokens(cora.id).await.unwrap();
    assert!(tokens[0].revoked_at.is_some(), "revoked tokens stay listed");

    let (_, hash2) = credentials::new_api_token();
    let id2 = store.create_token(cora.id, "laptop", &hash2).await.unwrap();
    assert!(id2 > id, "a revoked token's name can be used again");
    assert_eq!(
        store
            .list_tokens(cora.id)
            .await
            .unwrap()
            .iter()
            .map(|t| t.id)
            .collect::<Vec<_>>(),
        [id, id2]
    );
    store
        .update_user(
            cora.id,
            &UserPatch {
                disabled: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store.user_by_token_hash(&hash2).await.unwrap(),
        None,
        "a disabled account's tokens stop working"
    );
}

async fn sessions_are_kept_until_they_expire(store: Arc<dyn Store>) {
    let later = Utc::now() + Duration::hours(1);
    assert_eq!(store.session_load("s1").await.unwrap(), None);
    store.session_save("s1", "{\"a\":1}", later).await.unwrap();
    assert_eq!(
        store.session_load("s1").await.unwrap().as_deref(),
        Some("{\"a\":1}")
    );
    store.session_save("s1", "{\"a\":2}", later).await.unwrap();
    assert_eq!(
        store.session_load("s1").await.unwrap().as_deref(),
        Some("{\"a\":2}")
    );
    store
        .session_save("old", "{}", Utc::now() - Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(store.session_load("old").await.unwrap(), None, "expired");
    assert_eq!(store.session_delete_expired().await.unwrap(), 1);
    assert_eq!(store.session_delete_expired().await.unwrap(), 0);
    assert!(store.session_load("s1").await.unwrap().is_some());
    store.session_delete("s1").await.unwrap();
    store.session_delete("s1").await.unwrap();
    assert_eq!(store.session_load("s1").await.unwrap(), None);
}

async fn failed_sign_ins_are_counted_per_key(store: Arc<dyn Store>) {
    let now = Utc::now();
    for minutes in [30, 10, 1] {
        store
            .record_login_failure("anna@ki.se", now - Duration::minutes(minutes))
            .await
            .unwrap();
    }
    store.record_login_failure("10.0.0.1", now).await.unwrap();
    let count = |key: &'static str, minutes: i64| {
        let store = store.clone();
        async move {
            store
                .count_login_failures(key, now - Duration::minutes(minutes))
                .await
                .unwrap()
        }
    };
    assert_eq!(count("anna@ki.se", 60).await, 3);
    assert_eq!(count("anna@ki.se", 15).await, 2);
    assert_eq!(
        count("anna@ki.se", 10).await,
        2,
        "the window's start counts"
    );
    assert_eq!(count("nobody", 60).await, 0);
    assert_eq!(
        store
            .prune_login_failures(now - Duration::minutes(20))
            .await
            .unwrap(),
        1
    );
    assert_eq!(count("anna@ki.se", 60).await, 2);
    store.clear_login_failures("anna@ki.se").await.unwrap();
    assert_eq!(count("anna@ki.se", 60).await, 0);
    assert_eq!(count("10.0.0.1", 60).await, 1, "other keys are kept");
}

async fn documents_are_stored_and_removed(store: Arc<dyn Store>) {
    let id = new_document_id();
    assert_ne!(id, new_document_id(), "ids are fresh");
    let bytes: Vec<u8> = (0..=255u8).chain([0, 0xff, 0x25]).collect();
    let document = StoredDocument {
        id: id.clone(),
        agreement_id: "riken-phd-exchange".into(),
        name: "signed 署名.pdf".into(),
        content_type: "application/pdf".into(),
        size: bytes.len() as i64,
        data: bytes.clone(),
        uploaded_by: "admin@ki.se".into(),
        uploaded_at: Utc::now(),
    };
    store.put_document(&document).await.unwrap();
    let found = store.get_document(&id).await.unwrap().unwrap();
    assert_eq!(found.data, bytes, "every byte comes back");
    assert_eq!(
        (found.name.as_str(), found.size, found.agreement_id.as_str()),
        ("signed 署名.pdf", 259, "riken-phd-exchange")
    );
    assert!(
        (found.uploaded_at - document.uploaded_at)
            .num_milliseconds()
            .abs()
            < 1,
        "kept to the microsecond"
    );
    let err = store.put_document(&document).await.unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert!(store.get_document("nope").await.unwrap().is_none());
    assert!(store.delete_document(&id).await.unwrap());
    assert!(!store.delete_document(&id).await.unwrap(), "gone already");
    assert!(store.get_document(&id).await.unwrap().is_none());
    assert_eq!(
        store.revision().await.unwrap(),
        0,
        "files are not revisions"
    );
}

async fn history_can_be_redacted(store: Arc<dyn Store>) {
    let person = |name: &str| NewRecord {
        collection: RecordSet::Contacts,
        id: "anna".into(),
        kind: None,
        country: None,
        visibility: Visibility::Public,
        search_text: name.to_lowercase(),
        doc: json!({"id": "anna", "name": name, "email": "anna@example.org"}),
    };
    store
        .apply(vec![Change::Put(person("Anna"), Expect::Absent)], "a")
        .await
        .unwrap();
    store
        .apply(
            vec![Change::Put(person("Anna Berg"), Expect::Revision(1))],
            "b",
        )
        .await
        .unwrap();
    store
        .apply(
            vec![Change::Put(org("ki", "SE", "public", &["KI"]), Expect::Any)],
            "a",
        )
        .await
        .unwrap();
    let delete = Change::Delete {
        collection: RecordSet::Contacts,
        id: "anna".into(),
        expect: Expect::Any,
    };
    store.apply(vec![delete], "admin").await.unwrap();
    assert_eq!(
        store
            .redact_history(RecordSet::Contacts, "anna")
            .await
            .unwrap(),
        3
    );
    let history = store.history(RecordSet::Contacts, "anna").await.unwrap();
    let erased = kizuna_storage::erased_marker();
    assert_eq!(
        history
            .iter()
            .map(|h| (
                h.action.as_str(),
                h.actor.as_str(),
                h.before.clone(),
                h.after.clone()
            ))
            .collect::<Vec<_>>(),
        [
            ("create", "a", None, Some(erased.clone())),
            ("update", "b", Some(erased.clone()), Some(erased.clone())),
            ("delete", "admin", Some(erased), None),
        ],
        "who, when and what stay; the documents go"
    );
    let text = format!("{:?}", store.changes_since(0, 10).await.unwrap());
    assert!(
        !text.contains("Anna") && !text.contains("anna@example.org"),
        "{text}"
    );
    assert!(text.contains("KI"), "other records keep their history");
    assert_eq!(
        store.revision().await.unwrap(),
        4,
        "redaction adds no revision"
    );
    assert_eq!(
        store
            .redact_history(RecordSet::Contacts, "nobody")
            .await
            .unwrap(),
        0
    );
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
    a_large_batch_is_logged_in_order,
    a_batch_mixes_new_and_stored_records,
    a_record_may_change_twice_in_one_batch,
    a_large_batch_whose_last_change_fails_leaves_nothing,
    lists_filter_and_paginate,
    the_japan_dataset_loads_once,
    snapshots_follow_the_change_log,
    settings_are_kept,
    accounts_are_created_found_and_listed,
    accounts_change_role_units_state_and_password,
    tokens_authenticate_until_revoked,
    sessions_are_kept_until_they_expire,
    failed_sign_ins_are_counted_per_key,
    documents_are_stored_and_removed,
    history_can_be_redacted,
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

/// Backups: a dump restored into another database (of either kind) gives
/// back every record, history entry, account, token, document and setting.
mod backups {
    use super::*;
    use kizuna_storage::{
        BackupCounts, DumpItem, RestoreItem, RestoreStep, RestoredRecord, StoredRecord,
    };

    const PASSWORD: &str = "correct horse battery staple";

    /// A registry with history (creates, an update, a delete), the factsheet
    /// for incoming students, two accounts (one token live, one revoked), a
    /// document and the home setting; gives the live token.
    async fn populate(store: &Arc<dyn Store>) -> String {
        let registry = Registry::new(store.clone());
        registry.load_dataset(&japan(), "demo").await.unwrap();
        let factsheet = kizuna_domain::factsheet::example();
        store
            .apply(
                vec![Registry::put_factsheet(&factsheet, Expect::Absent)],
                "anna@ki.se",
            )
            .await
            .unwrap();
        let mut tmu = registry.get::<Organisation>("tmu").await.unwrap().unwrap();
        tmu.record.city = Some("Hachioji".into());
        registry
            .save(&tmu.record, Expect::Revision(tmu.revision), "anna@ki.se")
            .await
            .unwrap();
        registry
            .delete(
                kizuna_domain::Collection::Contacts,
                "per-nilsson",
                Expect::Any,
                "anna@ki.se",
            )
            .await
            .unwrap();
        let hash = credentials::hash_password(PASSWORD).unwrap();
        let anna = store
            .create_user(&email("anna@ki.se"), &hash, Role::Admin, &[])
            .await
            .unwrap();
        store
            .create_user(&email("bo@ki.se"), &hash, Role::Editor, &slugs(&["ki"]))
            .await
            .unwrap();
        let (old, old_hash) = credentials::new_api_token();
        let old_id = store.create_token(anna.id, "old", &old_hash).await.unwrap();
        store.revoke_token(anna.id, old_id).await.unwrap();
        assert!(!old.is_empty());
        let (plain, token_hash) = credentials::new_api_token();
        store
            .create_token(anna.id, "ci", &token_hash)
            .await
            .unwrap();
        store
            .user_by_token_hash(&token_hash)
            .await
            .unwrap()
            .unwrap();
        store.put_document(&document()).await.unwrap();
        plain
    }

    fn document() -> StoredDocument {
        let bytes: Vec<u8> = b"%PDF-1.7\n".iter().copied().chain(0..=255).collect();
        StoredDocument {
            id: "0123456789abcdef0123456789abcdef".into(),
            agreement_id: "riken-phd-exchange".into(),
            name: "signed 署名.pdf".into(),
            content_type: "application/pdf".into(),
            size: bytes.len() as i64,
            data: bytes,
            uploaded_by: "anna@ki.se".into(),
            uploaded_at: Utc::now(),
        }
    }

    /// Everything a backup should carry, read through the ordinary methods.
    #[derive(Debug, PartialEq)]
    struct Contents {
        home: Option<String>,
        users: Vec<(kizuna_domain::User, String, Vec<kizuna_storage::ApiToken>)>,
        records: Vec<(RecordSet, String, serde_json::Value, StoredRecord)>,
        history: Vec<kizuna_storage::ChangeEntry>,
        document: Option<StoredDocument>,
    }

    async fn contents(store: &Arc<dyn Store>) -> Contents {
        let mut users = Vec::new();
        for user in store.list_users().await.unwrap() {
            let hash = store
                .get_user_by_email(&user.email)
                .await
                .unwrap()
                .unwrap()
                .password_hash;
            let tokens = store.list_tokens(user.id).await.unwrap();
            users.push((user, hash, tokens));
        }
        let mut records = Vec::new();
        for &set in RecordSet::ALL {
            for record in store.list(set, &ListFilter::default()).await.unwrap() {
                let value = record.value().unwrap();
                // Compared as JSON values; the text may order keys differently.
                let record = StoredRecord {
                    doc: String::new(),
                    ..record
                };
                records.push((set, record.id.clone(), value, record));
            }
        }
        Contents {
            home: store.setting("home").await.unwrap(),
            users,
            records,
            history: store.changes_since(0, i64::MAX).await.unwrap(),
            document: store.get_document(&document().id).await.unwrap(),
        }
    }

    async fn dump(store: &Arc<dyn Store>) -> (Vec<DumpItem>, BackupCounts) {
        let (out, mut items) = tokio::sync::mpsc::channel(4);
        let (counts, items) = tokio::join!(store.dump_backup(out), async {
            let mut all = Vec::new();
            while let Some(item) = items.recv().await {
                all.push(item);
            }
            all
        });
        (items, counts.unwrap())
    }

    /// What the command line does with a dumped item on its way back in.
    fn restorable(item: DumpItem) -> RestoreItem {
        match item {
            DumpItem::Record(r) => {
                let s = r.record;
                RestoreItem::Record(
                    RestoredRecord::decode(
                        r.collection,
                        &s.id,
                        &s.doc,
                        s.created_at,
                        s.updated_at,
                        s.revision,
                    )
                    .unwrap(),
                )
            }
            DumpItem::Setting { key, value } => RestoreItem::Setting { key, value },
            DumpItem::User(u) => RestoreItem::User(u),
            DumpItem::Token(t) => RestoreItem::Token(t),
            DumpItem::Change(c) => RestoreItem::Change(c),
            DumpItem::Document(d) => RestoreItem::Document(d),
        }
    }

    /// Restores `items` in steps of 7, committing unless `commit` is false.
    async fn restore(
        store: &Arc<dyn Store>,
        items: Vec<DumpItem>,
        replace: bool,
        commit: bool,
    ) -> Result<BackupCounts, StoreError> {
        let (steps, received) = tokio::sync::mpsc::channel(2);
        let send = async move {
            let items: Vec<RestoreItem> = items.into_iter().map(restorable).collect();
            for chunk in items.chunks(7) {
                if steps
                    .send(RestoreStep::Items(chunk.to_vec()))
                    .await
                    .is_err()
                {
                    return;
                }
            }
            if commit {
                steps.send(RestoreStep::Commit).await.ok();
            }
        };
        let (restored, ()) = tokio::join!(store.restore_backup(received, replace), send);
        restored
    }

    /// Copies `from` into the empty `to` and checks that everything arrived
    /// and that the next write continues the revisions.
    async fn copy_and_compare(from: &Arc<dyn Store>, to: &Arc<dyn Store>, token: &str) {
        let (items, counts) = dump(from).await;
        let records = RecordSet::ALL.len(); // at least one of each kind
        assert!(counts.records as usize > records, "{counts}");
        assert_eq!(
            (
                counts.users,
                counts.tokens,
                counts.documents,
                counts.settings
            ),
            (2, 2, 1, 1),
            "{counts}"
        );
        let restored = restore(to, items, false, true).await.unwrap();
        assert_eq!(restored, counts, "everything sent was written");
        assert_eq!(contents(to).await, contents(from).await);
        let stored = to.get_document(&document().id).await.unwrap().unwrap();
        assert_eq!(stored.data, document().data, "byte for byte");
        let anna = to
            .user_by_token_hash(&credentials::token_hash(token))
            .await
            .unwrap()
            .expect("the token still signs its owner in");
        assert_eq!(anna.email.as_str(), "anna@ki.se");
        let account = to.get_user_by_email(&anna.email).await.unwrap().unwrap();
        assert!(credentials::verify_password(
            PASSWORD,
            &account.password_hash
        ));

        let last = to.revision().await.unwrap();
        assert_eq!(last, from.revision().await.unwrap());
        let written = to
            .apply(
                vec![Change::Put(
                    org("new", "SE", "public", &["New"]),
                    Expect::Absent,
                )],
                "after",
            )
            .await
            .unwrap();
        assert_eq!(written.revisions, [Some(last + 1)], "revisions continue");
        let carl = to
            .create_user(&email("carl@ki.se"), "h", Role::Viewer, &[])
            .await
            .unwrap();
        assert!(carl.id > anna.id, "account ids continue too");
        let (_, hash) = credentials::new_api_token();
        let id = to.create_token(carl.id, "t", &hash).await.unwrap();
        let highest = to.list_tokens(anna.id).await.unwrap();
        assert!(highest.iter().all(|t| t.id < id), "and token ids");
    }

    async fn a_backup_restores_everything(store: Arc<dyn Store>) {
        let token = populate(&store).await;
        let target = match store.backend() {
            "sqlite" => testing::fresh_sqlite().await.unwrap(),
            _ => testing::fresh_postgres().await.unwrap().unwrap(),
        };
        copy_and_compare(&store, &target, &token).await;
        let restored = Registry::new(target).factsheet().await.unwrap().unwrap();
        assert_eq!(
            restored.record.application,
            kizuna_domain::factsheet::example().application,
            "the factsheet is in the backup"
        );
    }

    async fn a_restore_into_a_database_with_data_is_refused(store: Arc<dyn Store>) {
        let source = testing::fresh_sqlite().await.unwrap();
        populate(&source).await;
        let (items, _) = dump(&source).await;
        store
            .create_user(&email("early@ki.se"), "h", Role::Admin, &[])
            .await
            .unwrap();
        let err = restore(&store, items.clone(), false, true)
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NotEmpty {
                    users: 1,
                    records: 0,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(
            store.list_users().await.unwrap().len(),
            1,
            "nothing changed"
        );
        assert_eq!(store.revision().await.unwrap(), 0);

        let counts = restore(&store, items, true, true).await.unwrap();
        assert_eq!(counts.users, 2);
        let users = store.list_users().await.unwrap();
        assert!(
            users.iter().all(|u| u.email.as_str() != "early@ki.se"),
            "replace means replace: {users:?}"
        );
        assert_eq!(contents(&store).await, contents(&source).await);
    }

    async fn an_unfinished_restore_changes_nothing(store: Arc<dyn Store>) {
        let token = populate(&store).await;
        let before = contents(&store).await;
        let revision = store.revision().await.unwrap();
        let source = testing::fresh_sqlite().await.unwrap();
        Registry::new(source.clone())
            .load_dataset(&japan(), "other")
            .await
            .unwrap();
        let (items, _) = dump(&source).await;
        let err = restore(&store, items, true, false).await.unwrap_err();
        assert!(matches!(err, StoreError::Abandoned), "{err}");
        assert_eq!(
            contents(&store).await,
            before,
            "the wipe was rolled back too"
        );
        assert_eq!(store.revision().await.unwrap(), revision);
        assert!(
            store
                .user_by_token_hash(&credentials::token_hash(&token))
                .await
                .unwrap()
                .is_some()
        );
        let mut broken = dump(&store).await.0;
        broken.push(broken[1].clone());
        let err = restore(&store, broken, true, true).await.unwrap_err();
        assert!(
            matches!(err, StoreError::Database(_)),
            "a duplicate account: {err}"
        );
        assert_eq!(contents(&store).await, before);
    }

    suite!(
        a_backup_restores_everything,
        a_restore_into_a_database_with_data_is_refused,
        an_unfinished_restore_changes_nothing,
    );

    #[tokio::test]
    async fn backups_move_between_sqlite_and_postgres_both_ways() {
        let Some(postgres) = testing::fresh_postgres().await else {
            return;
        };
        let postgres = postgres.unwrap();
        let sqlite = testing::fresh_sqlite().await.unwrap();
        let token = populate(&sqlite).await;
        copy_and_compare(&sqlite, &postgres, &token).await;

        let back = testing::fresh_sqlite().await.unwrap();
        let (items, _) = dump(&postgres).await;
        restore(&back, items, false, true).await.unwrap();
        assert_eq!(contents(&back).await, contents(&postgres).await);
        assert_eq!(
            back.revision().await.unwrap(),
            postgres.revision().await.unwrap()
        );
    }
}
