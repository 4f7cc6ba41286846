//! Files attached to agreements, stored with their bytes and removed.

use std::sync::Arc;

use chrono::Utc;
use kizuna_storage::{Store, StoreError, StoredDocument, new_document_id};

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

suite!(documents_are_stored_and_removed);
