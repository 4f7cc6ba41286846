//! The change log as history: snapshots that follow it, and a record's
//! history redacted when its personal data is erased.

use std::sync::Arc;

use kizuna_core::Registry;
use kizuna_domain::{Organisation, RecordSet, Visibility};
use kizuna_storage::{Change, Expect, NewRecord, Store};
use serde_json::json;

use crate::{japan, org};

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

async fn history_can_be_redacted(store: Arc<dyn Store>) {
    let person = |name: &str| NewRecord {
        collection: RecordSet::Contacts,
        id: "anna".into(),
        kind: None,
        country: None,
        visibility: Visibility::Public,
        search_text: name.to_lowercase(),
        doc: json!({"id": "anna", "name": name, "email": "anna@example.org"}).to_string(),
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

/// Redacting a record's history reaches the change log only: the record,
/// still live, keeps its document.
async fn redacting_a_live_records_history_leaves_the_record(store: Arc<dyn Store>) {
    let ki = org("ki", "SE", "public", &["Karolinska Institutet"]);
    let mut renamed = ki.clone();
    crate::rename(&mut renamed, "KI".into());
    store
        .apply(vec![Change::Put(ki, Expect::Absent)], "a")
        .await
        .unwrap();
    store
        .apply(vec![Change::Put(renamed.clone(), Expect::Any)], "a")
        .await
        .unwrap();
    let redacted = store
        .redact_history(RecordSet::Organisations, "ki")
        .await
        .unwrap();
    assert_eq!(redacted, 2);
    let stored = store
        .get(RecordSet::Organisations, "ki")
        .await
        .unwrap()
        .expect("the record is still there");
    assert_eq!(crate::tree(&stored.doc), crate::tree(&renamed.doc));
    assert_eq!(stored.revision, 2);
    let listed = store
        .list(RecordSet::Organisations, &Default::default())
        .await
        .unwrap();
    assert_eq!(crate::tree(&listed[0].doc), crate::tree(&renamed.doc));
    let erased = kizuna_storage::erased_marker();
    let history = store.history(RecordSet::Organisations, "ki").await.unwrap();
    assert!(history.iter().all(|h| h.after == Some(erased.clone())));
}

suite!(
    snapshots_follow_the_change_log,
    history_can_be_redacted,
    redacting_a_live_records_history_leaves_the_record
);
