//! The EWP writes: a partner's copy, a draft made from one and the partner's
//! approval are recorded in one audited transaction or not at all; our
//! approval keeps a snapshot of the copy; ordinary updates and restores keep
//! the exchange and new agreements start without one. On SQLite and PostgreSQL.

mod common;

use std::sync::Arc;

use common::{admin, agreement, assert_forbidden, editor, japan};
use kizuna_core::write::{Actor, PartnerFileWrite};
use kizuna_core::{Registry, Store, WriteError, Writer};
use kizuna_domain::ewp::ApprovalRefusal;
use kizuna_domain::{Agreement, EwpExchange, EwpFacts, PartnerApproval, PartnerCopy};

fn copy(iia_id: &str, hash: &str) -> PartnerCopy {
    PartnerCopy {
        iia_id: iia_id.into(),
        hash: hash.into(),
        stated_hash: Some(hash.into()),
        valid_for_approval: true,
        xml: format!("<iias-get-response><!-- {hash} --></iias-get-response>"),
        read_at: "2027-01-15T10:00:00Z".parse().unwrap(),
    }
}

fn copy_of(id: &str, iia_id: &str, hash: &str) -> PartnerFileWrite {
    PartnerFileWrite::Copy {
        agreement: id.parse().unwrap(),
        copy: copy(iia_id, hash),
    }
}

async fn registry_on(store: Arc<dyn Store>) -> Registry {
    let registry = Registry::new(store);
    registry.load_dataset(&japan(), "test").await.unwrap();
    registry
}

async fn stored(registry: &Registry, id: &str) -> kizuna_core::Versioned<Agreement> {
    registry.get::<Agreement>(id).await.unwrap().unwrap()
}

async fn exchange(registry: &Registry, id: &str) -> EwpExchange {
    *stored(registry, id).await.record.ewp.unwrap()
}

const OURS: EwpFacts<'static> = EwpFacts {
    our_hash: Some("ours-1"),
    copies_agree: true,
};

async fn partner_files_and_approvals(registry: Registry) {
    let w = Writer::load(registry.clone()).await.unwrap();
    let admin = admin();
    w.create(&admin, agreement("ki-riken-cmb", Some("cmb")))
        .await
        .unwrap();
    let w = Writer::load(registry.clone()).await.unwrap();

    // An editor of another unit may not record copies of central agreements.
    let central = "riken-phd-exchange";
    assert_forbidden(
        w.record_partner_file(
            Actor::Staff(&editor()),
            vec![copy_of(central, "uw-1", "theirs-1")],
        )
        .await,
    );
    // One refused entry writes nothing, not even the others.
    let before = registry.store().revision().await.unwrap();
    let refused = w
        .record_partner_file(
            Actor::Staff(&editor()),
            vec![
                copy_of("ki-riken-cmb", "uw-2", "h"),
                copy_of(central, "uw-1", "theirs-1"),
            ],
        )
        .await;
    assert_forbidden(refused);
    assert_eq!(registry.store().revision().await.unwrap(), before);
    assert!(stored(&registry, "ki-riken-cmb").await.record.ewp.is_none());

    // Recorded, audited as the actor, and idempotent.
    let report = w
        .record_partner_file(
            Actor::Staff(&admin),
            vec![copy_of(central, "uw-1", "theirs-1")],
        )
        .await
        .unwrap();
    assert_eq!(report.updated, 1);
    let x = exchange(&registry, central).await;
    assert_eq!(x.partner_iia_id.as_deref(), Some("uw-1"));
    assert_eq!(x.partner_copy.as_ref().unwrap().hash, "theirs-1");
    let history = registry
        .store()
        .history(kizuna_domain::RecordSet::Agreements, central)
        .await
        .unwrap();
    assert_eq!(history.last().unwrap().actor, "admin@ki.se");
    let w = Writer::load(registry.clone()).await.unwrap();
    let again = w
        .record_partner_file(
            Actor::Operator("import ewp"),
            vec![copy_of(central, "uw-1", "theirs-1")],
        )
        .await
        .unwrap();
    assert_eq!(again.updated, 0, "the same copy again changes nothing");
    // A copy of another of the partner's IIAs does not overwrite the link.
    let other = w
        .record_partner_file(
            Actor::Operator("import ewp"),
            vec![copy_of(central, "uw-9", "x")],
        )
        .await;
    assert!(matches!(other, Err(WriteError::Conflict(_))), "{other:?}");

    // Approval: refused with the reason, then given with a snapshot.
    let differ = EwpFacts {
        copies_agree: false,
        ..OURS
    };
    let refused = w
        .approve_partner_copy(Actor::Staff(&admin), central, differ, None)
        .await;
    assert!(
        matches!(
            &refused,
            Err(e @ WriteError::CannotApprove { reason: ApprovalRefusal::ConditionsDiffer, .. })
                if e.to_string().contains("differ")
        ),
        "{refused:?}"
    );
    assert_forbidden(
        w.approve_partner_copy(Actor::Staff(&editor()), central, OURS, None)
            .await,
    );
    let stale = stored(&registry, central).await.revision - 1;
    let outdated = w
        .approve_partner_copy(Actor::Staff(&admin), central, OURS, Some(stale))
        .await;
    assert!(matches!(outdated, Err(WriteError::Stale { .. })));
    let approved = w
        .approve_partner_copy(Actor::Staff(&admin), central, OURS, None)
        .await
        .unwrap();
    let approval = approved.record.ewp.unwrap().our_approval.unwrap();
    assert_eq!(
        (
            approval.copy.hash.as_str(),
            approval.our_hash.as_str(),
            approval.approved_by.as_str()
        ),
        ("theirs-1", "ours-1", "admin@ki.se")
    );

    // A newer copy replaces the current one; the approved snapshot stays.
    let w = Writer::load(registry.clone()).await.unwrap();
    w.record_partner_file(
        Actor::Operator("import ewp"),
        vec![copy_of(central, "uw-1", "theirs-2")],
    )
    .await
    .unwrap();
    let x = exchange(&registry, central).await;
    assert_eq!(x.partner_copy.unwrap().hash, "theirs-2");
    assert_eq!(x.our_approval.unwrap().copy.hash, "theirs-1");

    // The partner's approval of ours.
    let approval = PartnerApproval {
        hash: "ours-1".into(),
        recorded_at: "2027-02-01T00:00:00Z".parse().unwrap(),
    };
    let w = Writer::load(registry.clone()).await.unwrap();
    w.record_partner_file(
        Actor::Operator("import ewp"),
        vec![PartnerFileWrite::Approval {
            agreement: central.parse().unwrap(),
            approval: approval.clone(),
        }],
    )
    .await
    .unwrap();
    assert_eq!(
        exchange(&registry, central).await.partner_approval,
        Some(approval)
    );
}

async fn drafts_updates_and_renewals(registry: Registry) {
    let w = Writer::load(registry.clone()).await.unwrap();
    let admin = admin();
    let mut draft = agreement("from-uw", None);
    draft.level = kizuna_domain::AgreementLevel::Central;
    // Made by an ordinary create, the exchange is dropped.
    draft.ewp = Some(Box::new(EwpExchange {
        partner_iia_id: Some("uw-7".into()),
        ..EwpExchange::default()
    }));
    let created = w.create(&admin, draft.clone()).await.unwrap();
    assert!(created.record.ewp.is_none());
    // Made from a partner's copy, it keeps it; a broken draft is refused by field.
    draft.id = "from-uw-2".parse().unwrap();
    let mut broken = draft.clone();
    broken.id = "from-uw-3".parse().unwrap();
    broken.parties.truncate(1);
    let w = Writer::load(registry.clone()).await.unwrap();
    let refused = w
        .record_partner_file(
            Actor::Operator("import ewp"),
            vec![
                PartnerFileWrite::Draft(Box::new(draft.clone())),
                PartnerFileWrite::Draft(Box::new(broken)),
            ],
        )
        .await;
    match refused {
        Err(WriteError::Invalid(errors)) => {
            assert_eq!(errors.0[0].field, "agreements.from-uw-3.parties")
        }
        other => panic!("expected field errors, got {other:?}"),
    }
    assert!(
        registry
            .get::<Agreement>("from-uw-2")
            .await
            .unwrap()
            .is_none()
    );
    let report = w
        .record_partner_file(
            Actor::Operator("import ewp"),
            vec![PartnerFileWrite::Draft(Box::new(draft))],
        )
        .await
        .unwrap();
    assert_eq!(report.created, 1);
    let saved = stored(&registry, "from-uw-2").await;
    assert_eq!(
        saved.record.ewp.as_ref().unwrap().partner_iia_id.as_deref(),
        Some("uw-7")
    );

    // An update (which may come without the field, or with another) keeps it.
    let mut edited = saved.record.clone();
    edited.title = "Edited".into();
    edited.ewp = None;
    let w = Writer::load(registry.clone()).await.unwrap();
    let updated = w.update(&admin, edited, saved.revision).await.unwrap();
    assert_eq!(updated.record.ewp, saved.record.ewp);
    // A restore of the version before keeps today's exchange too.
    let restored = w
        .restore::<Agreement>(&admin, "from-uw-2", saved.revision, updated.revision)
        .await
        .unwrap();
    assert_eq!(restored.record.ewp, saved.record.ewp);
    // A renewal starts without one.
    let mut successor = updated.record.clone();
    successor.id = "from-uw-2-renewed".parse().unwrap();
    let renewed = w.renew(&admin, "from-uw-2", successor).await.unwrap();
    assert!(renewed.record.ewp.is_none());
}

#[tokio::test]
async fn partner_files_and_approvals_on_sqlite() {
    let store = kizuna_storage::testing::fresh_sqlite().await.unwrap();
    partner_files_and_approvals(registry_on(store).await).await;
}

#[tokio::test]
async fn partner_files_and_approvals_on_postgres() {
    let Some(store) = kizuna_storage::testing::fresh_postgres().await else {
        return;
    };
    partner_files_and_approvals(registry_on(store.unwrap()).await).await;
}

#[tokio::test]
async fn drafts_updates_and_renewals_on_sqlite() {
    let store = kizuna_storage::testing::fresh_sqlite().await.unwrap();
    drafts_updates_and_renewals(registry_on(store).await).await;
}

#[tokio::test]
async fn drafts_updates_and_renewals_on_postgres() {
    let Some(store) = kizuna_storage::testing::fresh_postgres().await else {
        return;
    };
    drafts_updates_and_renewals(registry_on(store.unwrap()).await).await;
}
