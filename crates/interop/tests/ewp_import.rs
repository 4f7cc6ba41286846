//! Reading a partner's file: their copy maps to our agreement (by our
//! iia-id, their iia-id, the partner and conditions, or a new draft), with
//! the hash checked and the conditions compared; nothing is written without
//! `apply`; recording, approving and the partner's approval move the state
//! through to "approved by both", and an edit makes it stale. On SQLite and
//! PostgreSQL.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use kizuna_core::write::{Actor, PartnerFileWrite};
use kizuna_core::{Registry, Snapshot, Writer};
use kizuna_domain::{Agreement, Dataset, EwpState, Visibility};
use kizuna_interop::ewp::import::{self, CopyEntry};
use kizuna_interop::ewp::model::{Iia, IiaPartner, MobilitySpec, SpecKind};
use kizuna_interop::ewp::{self, ImportPlan, MatchedBy, Target};
use kizuna_storage::testing;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The Japan dataset, KI with its SCHAC code, and the European partners.
fn europe() -> Dataset {
    let text = std::fs::read_to_string(repo().join("data/japan.toml")).unwrap();
    let mut data: Dataset = toml::from_str(&text).unwrap();
    let ki = data
        .organisations
        .iter_mut()
        .find(|o| o.id.as_str() == "ki")
        .unwrap();
    ki.identifiers.schac = Some("ki.se".into());
    let extra =
        std::fs::read_to_string(repo().join("crates/interop/tests/fixtures/ewp-europe.toml"));
    let extra: Dataset = toml::from_str(&extra.unwrap()).unwrap();
    data.organisations.extend(extra.organisations);
    data.contacts.extend(extra.contacts);
    data.agreements.extend(extra.agreements);
    data
}

fn now() -> DateTime<Utc> {
    "2027-03-01T09:00:00Z".parse().unwrap()
}

/// A response holding `iia` with its correct hash.
fn response(iia: &Iia) -> String {
    let placeholder = "0".repeat(64);
    let hash = ewp::digest_response(&ewp::response(&[(iia, &placeholder)])).unwrap()[0]
        .hash
        .clone();
    ewp::response(&[(iia, &hash)])
}

/// UW's copy of our agreement ki-uw-2027: the same IIA with UW first, UW's
/// iia-id, ours when `names_ours`, after `edit`.
fn uw_copy(snapshot: &Snapshot, names_ours: bool, edit: impl FnOnce(&mut Iia)) -> String {
    let id = "ki-uw-2027".parse().unwrap();
    let ours = ewp::export(snapshot, Some(&id)).unwrap();
    let mut iia = ours.exported[0].iia.clone();
    iia.partners.swap(0, 1);
    iia.partners[0].iia_id = Some("uw-77".into());
    iia.partners[0].iia_code = Some("UW/2027/3".into());
    iia.partners[1].iia_id = names_ours.then(|| "ki-uw-2027".into());
    edit(&mut iia);
    response(&iia)
}

/// Helsinki's copy of an IIA we do not have: one studies mobility to KI.
fn helsinki_copy() -> String {
    let partner = |hei: &str, id: Option<&str>| IiaPartner {
        hei_id: hei.into(),
        iia_id: id.map(Into::into),
        ..IiaPartner::default()
    };
    let iia = Iia {
        partners: [partner("helsinki.fi", Some("hy-5")), partner("ki.se", None)],
        in_effect: true,
        terminated: false,
        specs: vec![MobilitySpec {
            kind: SpecKind::StudentStudies,
            sending_hei_id: "helsinki.fi".into(),
            sending_ounit_id: None,
            receiving_hei_id: "ki.se".into(),
            receiving_ounit_id: None,
            first_year: "2028/2029".into(),
            last_year: "2030/2031".into(),
            mobilities_per_year: 2,
            languages: vec![("en".into(), Some("B2".into()))],
            subject_areas: vec!["0913".into(), "0915".into()],
            total_per_year: Some("5".into()),
            eqf_levels: vec![6, 7],
        }],
    };
    response(&iia)
}

fn copies(plan: &ImportPlan) -> &[CopyEntry] {
    match plan {
        ImportPlan::Copies(entries) => entries,
        ImportPlan::Approvals(_) => panic!("expected copies"),
    }
}

fn matched(entry: &CopyEntry) -> (&str, MatchedBy) {
    match &entry.target {
        Target::Existing {
            agreement,
            matched_by,
            ..
        } => (agreement.as_str(), *matched_by),
        other => panic!("expected an existing agreement, got {other:?}: {entry:?}"),
    }
}

#[test]
fn copies_map_by_our_id_by_partner_and_conditions_or_by_partner() {
    let snapshot = Snapshot::from_dataset(&europe(), 1);
    // Our iia-id in their copy, the same conditions.
    let plan = import::plan(&snapshot, &uw_copy(&snapshot, true, |_| {}), now()).unwrap();
    let entry = &copies(&plan)[0];
    assert_eq!(matched(entry), ("ki-uw-2027", MatchedBy::OurIiaId));
    assert_eq!(entry.partner_iia_id.as_deref(), Some("uw-77"));
    assert_eq!(entry.partner_hei, "uw.edu.pl");
    assert!(entry.hash_matches() && entry.valid_for_approval);
    assert!(entry.differences.is_empty(), "{:?}", entry.differences);
    assert!(plan.errors().is_empty());

    // No id of ours: the partner and the same conditions.
    let plan = import::plan(&snapshot, &uw_copy(&snapshot, false, |_| {}), now()).unwrap();
    assert_eq!(
        matched(&copies(&plan)[0]),
        ("ki-uw-2027", MatchedBy::PartnerAndConditions)
    );

    // Other conditions: the only agreement with UW (the three-party one cannot be an IIA).
    let edited = uw_copy(&snapshot, false, |iia| {
        let studies = iia
            .specs
            .iter_mut()
            .find(|s| s.kind == SpecKind::StudentStudies && s.sending_hei_id == "ki.se")
            .unwrap();
        studies.mobilities_per_year = 4;
        studies.eqf_levels = vec![7, 8];
    });
    let plan = import::plan(&snapshot, &edited, now()).unwrap();
    let entry = &copies(&plan)[0];
    assert_eq!(matched(entry), ("ki-uw-2027", MatchedBy::Partner));
    let shown: Vec<String> = entry.differences.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        shown,
        [
            "student_studies outgoing: places_per_year: ours 2, theirs 4",
            "student_studies outgoing: eqf_level: ours 7, theirs 7, 8",
        ]
    );
}

#[test]
fn files_that_cannot_be_recorded_say_why() {
    let snapshot = Snapshot::from_dataset(&europe(), 1);
    let own = ewp::export(&snapshot, Some(&"ki-uw-2027".parse().unwrap())).unwrap();
    let plan = import::plan(&snapshot, &own.xml, now()).unwrap();
    assert_eq!(
        plan.errors(),
        ["IIA 1: its first partner is ki.se: this is our own copy, not the partner's"]
    );
    assert!(plan.writes().is_empty());
    // The kit's example binds two other institutions.
    let kit =
        ewp::specs::dir().join("ewp-specs-api-iias/stable-v7/endpoints/get-response-example.xml");
    let plan = import::plan(&snapshot, &std::fs::read_to_string(kit).unwrap(), now()).unwrap();
    assert_eq!(
        plan.errors(),
        ["IIA 1: it binds uw.edu.pl and hibo.no; neither is ki.se"]
    );
    // A partner the registry does not know cannot get a draft.
    let unknown = helsinki_copy().replace("helsinki.fi", "unknown.eu");
    let plan = import::plan(&snapshot, &unknown, now()).unwrap();
    assert!(plan.errors()[0].contains("no organisation has the SCHAC code unknown.eu"));
    let approvals = "<iias-approval-response><approval><iia-id>nope</iia-id>\
                     <iia-hash>ab</iia-hash></approval></iias-approval-response>";
    let plan = import::plan(&snapshot, approvals, now()).unwrap();
    assert_eq!(
        plan.errors(),
        ["approval 1: no agreement of ours has the iia-id \"nope\""]
    );
    assert!(import::plan(&snapshot, "<dataset/>", now()).is_err());
}

#[test]
fn a_copy_matching_nothing_becomes_an_internal_draft_with_notes() {
    let snapshot = Snapshot::from_dataset(&europe(), 1);
    let plan = import::plan(&snapshot, &helsinki_copy(), now()).unwrap();
    let entry = &copies(&plan)[0];
    let Target::NewDraft { agreement, title } = &entry.target else {
        panic!("expected a draft: {entry:?}");
    };
    assert_eq!(title, "Helsingin yliopisto – IIA hy-5");
    assert_eq!(agreement.as_str(), "helsingin-yliopisto-iia-hy-5");
    assert!(
        entry
            .notes
            .iter()
            .any(|n| n.english.contains("agreements with helsinki.fi")),
        "{:?}",
        entry.notes
    );
    assert!(
        entry
            .notes
            .iter()
            .any(|n| n.english.contains("EQF levels [6, 7]"))
    );
    let writes = plan.writes();
    let [PartnerFileWrite::Draft(draft)] = writes.as_slice() else {
        panic!("one draft to write");
    };
    assert_eq!(draft.visibility, Visibility::Internal);
    assert!(!draft.signed);
    let c = &draft.conditions[0];
    assert_eq!(
        (c.direction.as_str(), c.places_per_year, c.months_per_year),
        ("incoming", Some(2), Some(5.0))
    );
    assert_eq!(
        draft.ewp.as_ref().unwrap().partner_iia_id.as_deref(),
        Some("hy-5")
    );
    // What the draft could not hold shows in the comparison.
    assert_eq!(entry.differences.len(), 2, "{:?}", entry.differences);
}

/// The state of `id` in the registry as it is now.
async fn state(registry: &Registry, id: &str) -> (EwpState, ewp::ExchangeStatus) {
    let snapshot = registry.snapshot().await.unwrap();
    let agreement = snapshot
        .agreements
        .iter()
        .find(|a| a.id.as_str() == id)
        .unwrap();
    let status = ewp::status_of(&snapshot, agreement);
    (status.state, status)
}

async fn exchange_to_approval_and_back(registry: Registry) {
    let writer = Writer::load(registry.clone()).await.unwrap();
    writer.import(&mut europe(), "test").await.unwrap();
    let op = Actor::Operator("import ewp");
    let id = "ki-uw-2027";
    assert_eq!(state(&registry, id).await.0, EwpState::NotExchanged);

    // Planning writes nothing; applying records the copy.
    let snapshot = registry.snapshot().await.unwrap();
    let revision = registry.store().revision().await.unwrap();
    let plan = import::plan(&snapshot, &uw_copy(&snapshot, true, |_| {}), now()).unwrap();
    assert_eq!(registry.store().revision().await.unwrap(), revision);
    let writer = Writer::load(registry.clone()).await.unwrap();
    assert_eq!(import::apply(&writer, op, &plan).await.unwrap().updated, 1);
    let (now_state, status) = state(&registry, id).await;
    assert_eq!(now_state, EwpState::PartnerCopyMatches);
    // Our copy now names the partner's iia-id, so its hash is new.
    let exported = ewp::export(
        &registry.snapshot().await.unwrap(),
        Some(&id.parse().unwrap()),
    )
    .unwrap();
    assert!(exported.xml.contains("<iia-id>uw-77</iia-id>"));
    assert_eq!(
        status.our_hash.as_deref(),
        Some(exported.exported[0].hash.as_str())
    );
    assert_eq!(status.edit_warning(), None);

    // We approve theirs.
    let writer = Writer::load(registry.clone()).await.unwrap();
    writer
        .approve_partner_copy(op, id, status.facts(), None)
        .await
        .unwrap();
    let (now_state, status) = state(&registry, id).await;
    assert_eq!(now_state, EwpState::ApprovedByUs);
    assert!(status.edit_warning().is_some());

    // They approve ours: their approval response names our id and hash.
    let approvals = format!(
        "<iias-approval-response xmlns='https://github.com/erasmus-without-paper/ewp-specs-api-iias-approval/tree/stable-v2'>\
         <approval><iia-id>{id}</iia-id><iia-hash>{}</iia-hash></approval></iias-approval-response>",
        status.our_hash.as_deref().unwrap()
    );
    let snapshot = registry.snapshot().await.unwrap();
    let plan = import::plan(&snapshot, &approvals, now()).unwrap();
    let ImportPlan::Approvals(entries) = &plan else {
        panic!("approvals");
    };
    assert!(entries[0].approves_our_copy());
    let writer = Writer::load(registry.clone()).await.unwrap();
    import::apply(&writer, op, &plan).await.unwrap();
    assert_eq!(state(&registry, id).await.0, EwpState::ApprovedByBoth);

    // The same copy read again changes nothing.
    let snapshot = registry.snapshot().await.unwrap();
    let again = import::plan(&snapshot, &uw_copy(&snapshot, true, |_| {}), now()).unwrap();
    let writer = Writer::load(registry.clone()).await.unwrap();
    assert_eq!(import::apply(&writer, op, &again).await.unwrap().updated, 0);

    // An edit of what the hash covers makes the approvals stale.
    let stored = registry.get::<Agreement>(id).await.unwrap().unwrap();
    let mut edited = stored.record.clone();
    edited.conditions[0].places_per_year = Some(5);
    let admin = kizuna_domain::User {
        id: 1,
        email: "admin@ki.se".parse().unwrap(),
        role: kizuna_domain::Role::Admin,
        units: Vec::new(),
        disabled: false,
        created_at: now(),
    };
    let writer = Writer::load(registry.clone()).await.unwrap();
    writer
        .update(&admin, edited, stored.revision)
        .await
        .unwrap();
    let (now_state, status) = state(&registry, id).await;
    assert_eq!(now_state, EwpState::ChangedSinceApproval);
    assert!(status.stale_warning().is_some());
    assert_eq!(status.differences.len(), 1, "{:?}", status.differences);
}

#[tokio::test]
async fn an_exchange_goes_to_approval_and_back_on_each_database() {
    exchange_to_approval_and_back(Registry::new(testing::fresh_sqlite().await.unwrap())).await;
    if let Some(store) = testing::fresh_postgres().await {
        exchange_to_approval_and_back(Registry::new(store.unwrap())).await;
    }
}

async fn drafts_are_created_then_recognised(registry: Registry) {
    let writer = Writer::load(registry.clone()).await.unwrap();
    writer.import(&mut europe(), "test").await.unwrap();
    let op = Actor::Operator("import ewp");
    let snapshot = registry.snapshot().await.unwrap();
    let plan = import::plan(&snapshot, &helsinki_copy(), now()).unwrap();
    let writer = Writer::load(registry.clone()).await.unwrap();
    assert_eq!(import::apply(&writer, op, &plan).await.unwrap().created, 1);
    let draft = registry
        .get::<Agreement>("helsingin-yliopisto-iia-hy-5")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(draft.record.visibility, Visibility::Internal);
    // Read again, the copy finds the draft by the partner's iia-id.
    let snapshot = registry.snapshot().await.unwrap();
    let plan = import::plan(&snapshot, &helsinki_copy(), now()).unwrap();
    assert_eq!(
        matched(&copies(&plan)[0]),
        ("helsingin-yliopisto-iia-hy-5", MatchedBy::PartnerIiaId)
    );
    let writer = Writer::load(registry.clone()).await.unwrap();
    assert_eq!(import::apply(&writer, op, &plan).await.unwrap().updated, 0);
    // A plan with an error writes nothing.
    let broken = helsinki_copy().replace("hy-5", "");
    let plan = import::plan(&snapshot, &broken, now()).unwrap();
    assert!(import::apply(&writer, op, &plan).await.is_err());
}

#[tokio::test]
async fn drafts_are_created_then_recognised_on_each_database() {
    drafts_are_created_then_recognised(Registry::new(testing::fresh_sqlite().await.unwrap())).await;
    if let Some(store) = testing::fresh_postgres().await {
        drafts_are_created_then_recognised(Registry::new(store.unwrap())).await;
    }
}
