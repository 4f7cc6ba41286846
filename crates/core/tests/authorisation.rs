//! Authorisation holes closed in the write path, on SQLite and PostgreSQL:
//! renewing another's agreement, central-level agreements, programmes with
//! units out of scope, and who may restore.

mod common;

use common::{admin, agreement, assert_forbidden, editor, registries, viewer, writer};
use kizuna_core::WriteError;
use kizuna_core::write::{record_from_json, scope};
use kizuna_domain::{Agreement, FundingOpportunity, Programme, Slug};
use serde_json::json;

fn slug(s: &str) -> Slug {
    s.parse().unwrap()
}

/// An agreement of `home_unit` that renews `renewed`.
fn renewal(id: &str, home_unit: Option<&str>, renewed: &str) -> Agreement {
    let mut a = agreement(id, home_unit);
    a.renews = Some(slug(renewed));
    a
}

#[tokio::test]
async fn renewing_an_agreement_needs_permission_to_change_it() {
    for registry in registries().await {
        let w = writer(&registry).await;
        let (admin, editor) = (admin(), editor());
        w.create(&admin, agreement("theirs", Some("bionut")))
            .await
            .unwrap();
        let w = writer(&registry).await;
        // A central agreement, and another unit's: neither by `renews`…
        for renewed in ["riken-phd-exchange", "theirs"] {
            let own = renewal(&format!("own-{renewed}"), Some("cmb"), renewed);
            assert_forbidden(w.create(&editor, own).await);
            // …nor by renewing it.
            let successor = agreement(&format!("next-{renewed}"), Some("cmb"));
            assert_forbidden(w.renew(&editor, renewed, successor).await);
        }
        assert!(
            registry
                .get::<Agreement>("own-theirs")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            registry
                .get::<Agreement>("next-theirs")
                .await
                .unwrap()
                .is_none()
        );

        // Nor by pointing an agreement of one's own at it later.
        let ours = w
            .create(&editor, agreement("ours", Some("cmb")))
            .await
            .unwrap();
        let w = writer(&registry).await;
        let pointed = renewal("ours", Some("cmb"), "riken-phd-exchange");
        assert_forbidden(w.update(&editor, pointed.clone(), ours.revision).await);

        // One's own agreements are one's own to renew.
        let next = w
            .renew(&editor, "ours", agreement("ours-next", Some("cmb")))
            .await
            .unwrap();
        assert_eq!(next.record.renews, Some(slug("ours")));

        // An admin may link them; then the editor keeps editing the rest of
        // the record, but neither unlinks it nor deletes it (which would
        // revive the central agreement).
        let linked = w.update(&admin, pointed, ours.revision).await.unwrap();
        let w = writer(&registry).await;
        let mut retitled = linked.record.clone();
        retitled.title = "Ours, retitled".into();
        let retitled = w.update(&editor, retitled, linked.revision).await.unwrap();
        let mut unlinked = retitled.record.clone();
        unlinked.renews = None;
        assert_forbidden(w.update(&editor, unlinked, retitled.revision).await);
        let deleted = w
            .delete::<Agreement>(&editor, "ours", retitled.revision)
            .await;
        match deleted {
            Err(WriteError::Forbidden(message)) => assert!(
                message.contains("`riken-phd-exchange`"),
                "the refusal names the agreement renewed: {message}"
            ),
            other => panic!("expected forbidden, got {other:?}"),
        }
        let kept = registry.get::<Agreement>("ours").await.unwrap().unwrap();
        assert_eq!(kept.record.renews, Some(slug("riken-phd-exchange")));

        // The admin renews anything.
        w.renew(&admin, "theirs", agreement("theirs-next", Some("bionut")))
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_central_level_agreement_is_central_whatever_unit_it_names() {
    for registry in registries().await {
        let w = writer(&registry).await;
        let editor = editor();
        let mut central = agreement("central-cmb", Some("cmb"));
        central.level = kizuna_domain::AgreementLevel::Central;
        assert!(scope::home_units(w.snapshot(), &central).is_empty());
        assert_forbidden(w.create(&editor, central.clone()).await);
        assert!(
            registry
                .get::<Agreement>("central-cmb")
                .await
                .unwrap()
                .is_none()
        );

        // Nor may an editor make their own agreement central.
        let own = w
            .create(&editor, agreement("own", Some("cmb")))
            .await
            .unwrap();
        let w = writer(&registry).await;
        let doc = w
            .patched::<Agreement>("own", own.revision, &json!({"level": "central"}))
            .await
            .unwrap();
        let promoted: Agreement = record_from_json(w.snapshot(), doc).unwrap();
        assert_forbidden(w.update(&editor, promoted, own.revision).await);
        let stored = registry.get::<Agreement>("own").await.unwrap().unwrap();
        assert_eq!(
            stored.record.level,
            kizuna_domain::AgreementLevel::Department
        );

        w.create(&admin(), central).await.unwrap();
    }
}

/// A programme run by `units` with UTokyo.
fn programme(id: &str, units: &[&str]) -> Programme {
    serde_json::from_value(
        json!({"id": id, "kind": "course", "title": format!("Course {id}"),
        "partners": ["utokyo"], "units": units}),
    )
    .unwrap()
}

#[tokio::test]
async fn every_unit_of_a_programme_must_be_in_scope_not_only_the_first() {
    for registry in registries().await {
        let w = writer(&registry).await;
        let editor = editor();
        assert_eq!(
            scope::home_units(
                w.snapshot(),
                &programme("p", &["cmb", "utokyo-iqb", "bionut"])
            ),
            [slug("cmb"), slug("bionut")],
            "a partner's unit is not ours"
        );
        assert_forbidden(
            w.create(&editor, programme("second", &["cmb", "bionut"]))
                .await,
        );
        assert_forbidden(
            w.create(&editor, programme("first", &["bionut", "cmb"]))
                .await,
        );
        assert!(registry.get::<Programme>("second").await.unwrap().is_none());
        let own = w
            .create(&editor, programme("own", &["cmb", "utokyo-iqb"]))
            .await
            .unwrap();

        // Adding another unit's later is refused too…
        let w = writer(&registry).await;
        let mut widened = own.record.clone();
        widened.units.push(slug("bionut"));
        assert_forbidden(w.update(&editor, widened.clone(), own.revision).await);
        // …and a programme an admin shares with that unit is out of reach.
        let shared = w.update(&admin(), widened, own.revision).await.unwrap();
        let w = writer(&registry).await;
        let mut retitled = shared.record.clone();
        retitled.title = "Renamed".into();
        assert_forbidden(w.update(&editor, retitled, shared.revision).await);
        let stored = registry
            .get::<Programme>("utokyo-ki-link")
            .await
            .unwrap()
            .unwrap();
        let mut changed = stored.record.clone();
        changed.recurrence = Some("annual".into());
        assert_forbidden(w.update(&editor, changed, stored.revision).await);

        // Funding of such a programme is judged by all of its units.
        let grant: FundingOpportunity = serde_json::from_value(json!({"id": "g",
            "kind": "travel_grant", "title": "Grant", "programme": "own"}))
        .unwrap();
        assert_forbidden(w.create(&editor, grant.clone()).await);
        w.create(&admin(), grant).await.unwrap();
    }
}

#[tokio::test]
async fn only_an_admin_restores_and_the_refusal_says_so_in_words() {
    for registry in registries().await {
        let w = writer(&registry).await;
        let first = w
            .create(&editor(), agreement("ours", Some("cmb")))
            .await
            .unwrap();
        let mut changed = first.record.clone();
        changed.title = "Changed".into();
        let second = w.update(&editor(), changed, first.revision).await.unwrap();
        for (who, article) in [(editor(), "an editor"), (viewer(), "a viewer")] {
            let refused = w
                .restore::<Agreement>(&who, "ours", first.revision, second.revision)
                .await;
            match refused {
                Err(WriteError::Forbidden(message)) => assert_eq!(
                    message,
                    format!("only an admin may restore records; {article} may not")
                ),
                other => panic!("expected forbidden, got {other:?}"),
            }
        }
        let stored = registry.get::<Agreement>("ours").await.unwrap().unwrap();
        assert_eq!(stored.record.title, "Changed");
        let refused = w.create(&viewer(), agreement("v", Some("cmb"))).await;
        match refused {
            Err(e @ WriteError::OutOfScope { .. }) => {
                assert_eq!(e.to_string(), "a viewer may not create records of `cmb`")
            }
            other => panic!("expected forbidden, got {other:?}"),
        }
        let refused = w.create(&editor(), agreement("c", None)).await;
        match refused {
            Err(e @ WriteError::OutOfScope { .. }) => {
                assert_eq!(e.to_string(), "an editor may not create central records")
            }
            other => panic!("expected forbidden, got {other:?}"),
        }
    }
}
