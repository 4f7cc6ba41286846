//! The factsheet for incoming students through the one write path, on
//! SQLite and PostgreSQL: admins only, validated whole, versioned, audited,
//! in the snapshot that pages read, and restored from a backup's records.

mod common;

use common::{admin, assert_forbidden, editor, invalid_fields, registries, viewer, writer};
use kizuna_core::WriteError;
use kizuna_domain::factsheet::{FACTSHEET_ID, example};
use kizuna_domain::{ChangeKind, RecordSet};

#[tokio::test]
async fn admins_write_it_and_every_write_is_versioned_and_audited() {
    for registry in registries().await {
        assert!(registry.factsheet().await.unwrap().is_none());
        let w = writer(&registry).await;
        let first = w.save_factsheet(&admin(), example(), None).await.unwrap();
        assert_eq!(first.record.decision_weeks, 5);
        assert!(first.record.updated_at.is_some(), "storage sets the time");

        let mut later = example();
        later.decision_weeks = 4;
        let second = w
            .save_factsheet(&admin(), later.clone(), Some(first.revision))
            .await
            .unwrap();
        assert!(second.revision > first.revision);

        // Based on the first version, or as if there were none: refused.
        later.tor_weeks = 3;
        let stale = w
            .save_factsheet(&admin(), later.clone(), Some(first.revision))
            .await;
        assert!(matches!(stale, Err(WriteError::Stale { .. })), "{stale:?}");
        let again = w.save_factsheet(&admin(), later, None).await;
        assert!(
            matches!(again, Err(WriteError::AlreadyExists { .. })),
            "{again:?}"
        );

        let history = registry
            .store()
            .history(RecordSet::Factsheet, FACTSHEET_ID)
            .await
            .unwrap();
        let actions: Vec<ChangeKind> = history.iter().map(|e| e.action).collect();
        assert_eq!(actions, [ChangeKind::Create, ChangeKind::Update]);
        assert_eq!(history[1].actor, "admin@ki.se");
        assert_eq!(history[1].before.as_ref().unwrap()["decision_weeks"], 5);
        assert_eq!(history[1].after.as_ref().unwrap()["decision_weeks"], 4);

        let snapshot = registry.snapshot().await.unwrap();
        assert_eq!(snapshot.factsheet.as_ref().unwrap().decision_weeks, 4);
        assert_eq!(
            snapshot.public().factsheet,
            snapshot.factsheet,
            "the factsheet is public as a whole"
        );
    }
}

#[tokio::test]
async fn editors_and_viewers_may_not_write_it() {
    for registry in registries().await {
        let w = writer(&registry).await;
        assert_forbidden(w.save_factsheet(&editor(), example(), None).await);
        assert_forbidden(w.save_factsheet(&viewer(), example(), None).await);
        let mut disabled = admin();
        disabled.disabled = true;
        assert_forbidden(w.save_factsheet(&disabled, example(), None).await);
        assert!(registry.factsheet().await.unwrap().is_none());
    }
}

#[tokio::test]
async fn every_problem_is_refused_at_once_and_nothing_is_written() {
    for registry in registries().await {
        let w = writer(&registry).await;
        let mut bad = example();
        bad.decision_weeks = 0;
        bad.housing.email = "housing".into();
        bad.visa.website = "ftp://visa".into();
        let mut fields = invalid_fields(w.save_factsheet(&admin(), bad, None).await);
        fields.sort();
        assert_eq!(fields, ["decision_weeks", "housing.email", "visa.website"]);
        assert!(registry.factsheet().await.unwrap().is_none());
    }
}

#[tokio::test]
async fn the_snapshot_follows_it_through_the_change_log() {
    for registry in registries().await {
        let mut snapshot = registry.snapshot().await.unwrap();
        assert!(snapshot.factsheet.is_none());
        let w = writer(&registry).await;
        w.save_factsheet(&admin(), example(), None).await.unwrap();
        let changed = registry.refresh(&mut snapshot).await.unwrap();
        assert_eq!(changed, [(RecordSet::Factsheet, FACTSHEET_ID.to_owned())]);
        assert_eq!(
            snapshot.factsheet.as_ref().unwrap().application,
            example().application
        );
    }
}
