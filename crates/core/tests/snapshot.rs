//! The in-memory snapshot read from storage: every record, in id order, on
//! SQLite and PostgreSQL, however many pages the read takes.

mod common;

use common::{japan, registries};
use kizuna_domain::{Agreement, Organisation};
use serde_json::json;

#[tokio::test]
async fn a_snapshot_holds_every_record_across_read_pages() {
    // More than two pages of organisations and one page boundary of agreements.
    const EXTRA: usize = 2_345;
    let mut data = japan();
    data.organisations.clear();
    data.agreements.clear();
    for i in 0..EXTRA {
        let org: Organisation = serde_json::from_value(json!({
            "id": format!("org-{i:05}"), "kind": "education", "country": "JP",
            "names": [{"value": format!("University {i}"), "kind": "display"}],
        }))
        .unwrap();
        data.organisations.push(org);
    }
    for i in 0..1_000 {
        let agreement: Agreement = serde_json::from_value(json!({
            "id": format!("agreement-{i:04}"), "kind": "mou", "level": "central",
            "title": format!("MOU {i}"), "signed": true,
            "parties": [{"organisation": "org-00000"}, {"organisation": format!("org-{:05}", i + 1)}],
        }))
        .unwrap();
        data.agreements.push(agreement);
    }
    for registry in registries().await {
        registry.load_dataset(&data, "test").await.unwrap();
        let snapshot = registry.snapshot().await.unwrap();
        let japan = japan();
        let ids: Vec<&str> = snapshot
            .organisations
            .keys()
            .map(|id| id.as_str())
            .collect();
        assert_eq!(ids.len(), EXTRA + japan.organisations.len());
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "in id order");
        assert!(ids.contains(&"org-02344") && ids.contains(&"utokyo"));
        assert_eq!(snapshot.agreements.len(), 1_000 + japan.agreements.len());
        assert!(
            snapshot.agreements.windows(2).all(|w| w[0].id < w[1].id),
            "in id order"
        );
        assert_eq!(snapshot.programmes.len(), japan.programmes.len());
        assert_eq!(snapshot.contacts.len(), japan.contacts.len());
        assert_eq!(snapshot.funding.len(), japan.funding.len());
    }
}
