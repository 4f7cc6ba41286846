//! Internal records and staff-only fields never reach a public surface:
//! pages, the API, the map, search or the feeds.

mod common;

use common::{TestApp, spawn_app};
use kizuna_core::Expect;
use kizuna_domain::{Agreement, Contact, Visibility};

const SECRET_TITLE: &str = "Qzx confidential exchange with RIKEN";
const SECRET_NOTE: &str = "Vbn renegotiate the fee before March";
const SECRET_EMAIL: &str = "per.private@example.org";

async fn app_with_secrets() -> TestApp {
    let app = spawn_app().await;
    let registry = app.registry();
    let mut internal = registry
        .get::<Agreement>("riken-phd-exchange")
        .await
        .unwrap()
        .unwrap()
        .record;
    internal.id = "confidential-exchange".parse().unwrap();
    internal.title = SECRET_TITLE.into();
    internal.visibility = Visibility::Internal;
    registry
        .save(&internal, Expect::Absent, "test")
        .await
        .unwrap();

    let mut public = registry
        .get::<Agreement>("tmu-student-exchange")
        .await
        .unwrap()
        .unwrap();
    public.record.internal_notes = Some(SECRET_NOTE.into());
    public.record.documents = vec![serde_json::from_value(serde_json::json!({"id": "doc1", "name": "signed-Vbn.pdf", "content_type": "application/pdf", "size": 3})).unwrap()];
    registry
        .save(&public.record, Expect::Revision(public.revision), "test")
        .await
        .unwrap();

    let mut per = registry
        .get::<Contact>("per-nilsson")
        .await
        .unwrap()
        .unwrap();
    per.record.email = Some(SECRET_EMAIL.into());
    per.record.details_visibility = Visibility::Internal;
    registry
        .save(&per.record, Expect::Revision(per.revision), "test")
        .await
        .unwrap();
    app.state.refresh().await.unwrap();
    app
}

#[tokio::test]
async fn nothing_internal_reaches_a_public_surface() {
    let app = app_with_secrets().await;
    let surfaces = [
        "/",
        "/countries/jp",
        "/organisations/riken",
        "/organisations/tmu",
        "/agreements/tmu-student-exchange",
        "/contacts",
        "/map",
        "/search?q=exchange",
        "/search?q=Qzx",
        "/api/v1/agreements?limit=500",
        "/api/v1/agreements/tmu-student-exchange",
        "/api/v1/contacts",
        "/api/v1/contacts/per-nilsson",
        "/api/v1/countries/jp",
        "/api/v1/map?zoom=14",
        "/api/v1/search?q=exchange",
        "/api/v1/search?q=Qzx",
        "/api/v1/search/suggest?q=Qzx",
        "/feeds/changes.atom",
    ];
    for uri in surfaces {
        let response = app.get(uri).await;
        assert_eq!(response.status, 200, "{uri}");
        for secret in [
            SECRET_TITLE,
            "confidential-exchange",
            SECRET_NOTE,
            "Vbn",
            SECRET_EMAIL,
        ] {
            assert!(!response.body.contains(secret), "{uri} shows {secret:?}");
        }
    }
    assert_eq!(
        app.get("/agreements/confidential-exchange").await.status,
        404
    );
    assert_eq!(
        app.get("/api/v1/agreements/confidential-exchange")
            .await
            .status,
        404
    );
    // The contact itself stays public; only the details marked internal are withheld.
    let per = app.json("/api/v1/contacts/per-nilsson").await;
    assert_eq!(per["name"], "Per Nilsson");
    assert!(per["email"].is_null());
}

#[tokio::test]
async fn staff_still_see_everything_in_the_snapshot() {
    let app = app_with_secrets().await;
    let all = app.state.snapshot().await;
    assert!(
        all.agreements
            .iter()
            .any(|a| a.id.as_str() == "confidential-exchange")
    );
    let tmu = all
        .agreements
        .iter()
        .find(|a| a.id.as_str() == "tmu-student-exchange")
        .unwrap();
    assert_eq!(tmu.internal_notes.as_deref(), Some(SECRET_NOTE));
    assert_eq!(tmu.documents.len(), 1);
}
