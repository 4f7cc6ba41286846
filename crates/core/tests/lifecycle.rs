//! A record's life through the write path: optimistic concurrency, deletes
//! refused while referred to, renewal, restore, erasure and documents.

mod common;

use common::{admin, agreement, assert_forbidden, editor, registry, writer};
use kizuna_core::WriteError;
use kizuna_core::write::NewFile;
use kizuna_domain::{Agreement, Contact};

#[tokio::test]
async fn a_write_based_on_an_old_version_is_refused() {
    let registry = registry().await;
    let w = writer(&registry).await;
    let editor = editor();
    let first = w
        .create(&editor, agreement("ours", Some("cmb")))
        .await
        .unwrap();
    let taken = w.create(&editor, agreement("ours", Some("cmb"))).await;
    assert!(
        matches!(taken, Err(WriteError::AlreadyExists { .. })),
        "{taken:?}"
    );

    let mut changed = first.record.clone();
    changed.title = "Second".into();
    let second = w
        .update(&editor, changed.clone(), first.revision)
        .await
        .unwrap();
    assert!(second.revision > first.revision);

    changed.title = "Third, from the old version".into();
    match w.update(&editor, changed, first.revision).await {
        Err(WriteError::Stale {
            expected, actual, ..
        }) => {
            assert_eq!((expected, actual), (first.revision, second.revision))
        }
        other => panic!("expected stale, got {other:?}"),
    }
    let patch = serde_json::json!({"title": "Patched", "home_unit": null});
    match w.patched::<Agreement>("ours", first.revision, &patch).await {
        Err(WriteError::Stale { actual, .. }) => assert_eq!(actual, second.revision),
        other => panic!("expected stale, got {other:?}"),
    }
    let doc = w
        .patched::<Agreement>("ours", second.revision, &patch)
        .await
        .unwrap();
    assert_eq!(
        (doc["title"].as_str(), doc.get("home_unit")),
        (Some("Patched"), None)
    );
    assert!(
        doc.get("updated_at").is_none(),
        "timestamps are the store's"
    );
    match w.delete::<Agreement>(&editor, "ours", first.revision).await {
        Err(WriteError::Stale {
            expected, actual, ..
        }) => {
            assert_eq!((expected, actual), (first.revision, second.revision))
        }
        other => panic!("expected stale, got {other:?}"),
    }
    w.delete::<Agreement>(&editor, "ours", second.revision)
        .await
        .unwrap();
    let gone = w
        .delete::<Agreement>(&editor, "ours", second.revision)
        .await;
    assert!(matches!(gone, Err(WriteError::NotFound(_))), "{gone:?}");
}

#[tokio::test]
async fn a_record_others_name_is_not_deleted() {
    let registry = registry().await;
    let w = writer(&registry).await;
    let renewed = registry
        .get::<Agreement>("trio-utokyo-spa")
        .await
        .unwrap()
        .unwrap();
    match w
        .delete::<Agreement>(&admin(), "trio-utokyo-spa", renewed.revision)
        .await
    {
        Err(e @ WriteError::Referenced { .. }) => {
            let message = e.to_string();
            assert!(
                message.contains("agreements/trio-utokyo-spa-2022"),
                "{message}"
            )
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[tokio::test]
async fn a_renewal_names_its_predecessor_and_is_checked_as_new() {
    let registry = registry().await;
    let w = writer(&registry).await;
    let successor = w
        .renew(
            &admin(),
            "trio-utokyo-spa-2022",
            agreement("trio-2026", None),
        )
        .await
        .unwrap();
    assert_eq!(
        successor.record.renews.unwrap().as_str(),
        "trio-utokyo-spa-2022"
    );
    let missing = w.renew(&admin(), "nowhere", agreement("x", None)).await;
    assert!(
        matches!(missing, Err(WriteError::NotFound(_))),
        "{missing:?}"
    );
    let central = w
        .renew(&editor(), "riken-phd-exchange", agreement("y", None))
        .await;
    assert_forbidden(central);
    // Renewing ends the central agreement: the editor's own successor does not make it theirs.
    let own_successor = w
        .renew(&editor(), "riken-phd-exchange", agreement("z", Some("cmb")))
        .await;
    assert_forbidden(own_successor);
}

#[tokio::test]
async fn only_an_admin_restores_and_a_deleted_record_comes_back() {
    let registry = registry().await;
    let (admin, editor) = (admin(), editor());
    let w = writer(&registry).await;
    let first = w
        .create(&editor, agreement("ours", Some("cmb")))
        .await
        .unwrap();
    let mut changed = first.record.clone();
    changed.title = "Changed".into();
    let second = w.update(&editor, changed, first.revision).await.unwrap();

    let refused = w.restore::<Agreement>(&editor, "ours", first.revision, second.revision);
    assert_forbidden(refused.await);
    let back = w
        .restore::<Agreement>(&admin, "ours", first.revision, second.revision)
        .await
        .unwrap();
    assert_eq!(back.record.title, "Agreement ours");

    w.delete::<Agreement>(&admin, "ours", back.revision)
        .await
        .unwrap();
    let deleted_at = registry.store().revision().await.unwrap();
    let w = writer(&registry).await;
    let stale = w.restore::<Agreement>(&admin, "ours", first.revision, back.revision);
    assert!(matches!(stale.await, Err(WriteError::StaleDeletion { .. })));
    let of_delete = w.restore::<Agreement>(&admin, "ours", deleted_at, deleted_at);
    assert!(matches!(of_delete.await, Err(WriteError::Conflict(_))));
    let unknown = w.restore::<Agreement>(&admin, "ours", 999_999, deleted_at);
    assert!(matches!(unknown.await, Err(WriteError::NotFound(_))));
    let again = w
        .restore::<Agreement>(&admin, "ours", second.revision, deleted_at)
        .await
        .unwrap();
    assert_eq!(again.record.title, "Changed");
}

#[tokio::test]
async fn an_erased_person_leaves_no_details_and_no_links() {
    let registry = registry().await;
    let admin = admin();
    let w = writer(&registry).await;
    let mut linking = agreement("linking", None);
    linking.contacts = vec!["per-nilsson".parse().unwrap()];
    w.create(&admin, linking).await.unwrap();

    let w = writer(&registry).await;
    assert_forbidden(w.erase_contact(&editor(), "per-nilsson").await);
    let erasure = w.erase_contact(&admin, "per-nilsson").await.unwrap();
    assert!(erasure.deleted);
    assert_eq!(erasure.references_removed, ["agreements/linking"]);
    assert!(erasure.history_entries_redacted >= 1);
    assert!(
        registry
            .get::<Contact>("per-nilsson")
            .await
            .unwrap()
            .is_none()
    );
    let linking = registry.get::<Agreement>("linking").await.unwrap().unwrap();
    assert!(linking.record.contacts.is_empty());
    let history = registry
        .store()
        .history(kizuna_domain::Collection::Contacts.into(), "per-nilsson")
        .await
        .unwrap();
    assert!(history.iter().all(|e| {
        let erased = Some(kizuna_core::erased_marker());
        (e.before.is_none() || e.before == erased) && (e.after.is_none() || e.after == erased)
    }));
    let w = writer(&registry).await;
    let first = history[0].revision;
    let last = history.last().unwrap().revision;
    let restored = w
        .restore::<Contact>(&admin, "per-nilsson", first, last)
        .await;
    assert!(
        matches!(restored, Err(WriteError::Conflict(_))),
        "{restored:?}"
    );
    let never = w.erase_contact(&admin, "nobody").await;
    assert!(matches!(never, Err(WriteError::NotFound(_))), "{never:?}");
}

#[tokio::test]
async fn documents_change_only_by_attaching_and_detaching() {
    let registry = registry().await;
    let editor = editor();
    let w = writer(&registry).await;
    let ours = w
        .create(&editor, agreement("ours", Some("cmb")))
        .await
        .unwrap();
    let file = |data: &[u8]| NewFile {
        name: "signed.pdf".into(),
        content_type: "application/pdf".into(),
        data: data.to_vec(),
    };
    let empty = w.attach_document(&editor, "ours", file(b""), None).await;
    assert!(matches!(empty, Err(WriteError::BadInput(_))), "{empty:?}");
    let stale = w.attach_document(&editor, "ours", file(b"%PDF"), Some(ours.revision - 1));
    assert!(matches!(stale.await, Err(WriteError::Stale { .. })));
    let central = w.attach_document(&editor, "riken-phd-exchange", file(b"%PDF"), None);
    assert_forbidden(central.await);

    let (doc, saved) = w
        .attach_document(&editor, "ours", file(b"%PDF"), Some(ours.revision))
        .await
        .unwrap();
    assert_eq!(saved.record.documents, std::slice::from_ref(&doc));
    assert!(
        registry
            .store()
            .get_document(&doc.id)
            .await
            .unwrap()
            .is_some()
    );

    // An update cannot drop or forge the list.
    let mut edited = saved.record.clone();
    edited.documents.clear();
    edited.title = "Edited".into();
    let edited = w.update(&editor, edited, saved.revision).await.unwrap();
    assert_eq!(edited.record.documents, std::slice::from_ref(&doc));

    let detached = w
        .detach_document(&editor, "ours", &doc.id, Some(edited.revision))
        .await
        .unwrap();
    assert!(detached.record.documents.is_empty());
    assert!(
        registry
            .store()
            .get_document(&doc.id)
            .await
            .unwrap()
            .is_none()
    );
    let again = w.detach_document(&editor, "ours", &doc.id, None).await;
    assert!(matches!(again, Err(WriteError::NotFound(_))), "{again:?}");
}
