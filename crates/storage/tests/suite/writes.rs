//! Writes: versions and the change log, stale and conflicting writes,
//! all or nothing, and a record changing more than once in one write.

use std::sync::Arc;

use kizuna_domain::{ChangeKind, RecordSet};
use kizuna_storage::{Change, Expect, Store, StoreError};
use serde_json::json;

use crate::org;

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

suite!(
    writes_are_versioned_and_logged,
    stale_and_conflicting_writes_are_refused,
    a_failing_write_leaves_nothing_behind,
    a_record_may_change_twice_in_one_batch,
);
