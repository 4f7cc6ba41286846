//! Large writes, taken in chunks: the change log keeps their order, new
//! and stored records mix, and a last failing change undoes them all.

use std::sync::Arc;

use kizuna_domain::RecordSet;
use kizuna_storage::{Change, Expect, ListFilter, NewRecord, Store};
use serde_json::json;

use crate::{org, rename, tree};

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
            (&None, Some(&tree(&record.doc)))
        );
    }
    for at in [0, 499, 500, 777, 1_199] {
        let stored = store
            .get(RecordSet::Organisations, &records[at].id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.revision, at as i64 + 1, "{}", records[at].id);
        assert_eq!(stored.value().unwrap(), tree(&records[at].doc));
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
                rename(&mut r, format!("renamed {at}"));
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
    assert_eq!(history[1].before.as_ref(), Some(&tree(&records[0].doc)));
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
        let name = format!("renamed {}", old.id);
        rename(&mut old, name);
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
            assert_eq!(got.value().unwrap(), tree(&record.doc), "{}", record.id);
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

suite!(
    a_large_batch_is_logged_in_order,
    a_batch_mixes_new_and_stored_records,
    a_large_batch_whose_last_change_fails_leaves_nothing,
);
