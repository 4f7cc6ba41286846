//! Status that tells the truth (DESIGN.md "Status"): a draft is never shown to
//! the public on any surface, staff still see it; `upcoming` and `superseded`
//! are derived, filterable and left out of the counts "in force".

#[path = "auth/browser.rs"]
mod browser;
mod common;
#[path = "admin/support.rs"]
#[allow(dead_code)]
mod support;
mod writers;

use common::{TestApp, ids, spawn_apps};
use kizuna_domain::Role;
use serde_json::{Value, json};
use writers::{Writer, agreement, cast, etag, expect, expect_problem};

/// The draft's title, lower case, looked for on every surface; its unique word
/// `zephyrine` is what the searches ask for (and pages echo).
const TITLE: &str = "zephyrine draft accord";

/// A draft (not signed, no signing date) KI–RIKEN agreement, public by its
/// visibility field.
fn draft() -> Value {
    let mut a = agreement("Zephyrine draft accord", None);
    a["signed_on"] = Value::Null;
    a["signed"] = json!(false);
    a
}

/// Every public surface, as the public reads it.
async fn public_surfaces(app: &TestApp) -> Vec<(&'static str, String)> {
    let mut bodies = Vec::new();
    for uri in [
        "/api/v1/agreements?limit=500",
        "/api/v1/agreements?country=JP&limit=500",
        "/api/v1/agreements?status=draft",
        "/api/v1/search?q=zephyrine",
        "/api/v1/search/suggest?q=zephyr",
        "/api/v1/map?country=JP&zoom=14",
        "/api/v1/map?scope=all",
        "/api/v1/organisations/riken",
        "/api/v1/agreements.csv",
        "/agreements",
        "/agreements?q=zephyrine",
        "/organisations/riken",
        "/countries/jp",
        "/search?q=zephyrine",
        "/feeds/changes.atom",
        "/map?country=JP",
        "/",
    ] {
        let response = app.get(uri).await;
        assert_eq!(response.status, 200, "{uri}: {}", response.body);
        bodies.push((uri, response.body.to_lowercase()));
    }
    bodies
}

/// What the public is told in figures: country counts, metrics, facets.
async fn public_counts(app: &TestApp) -> Value {
    let metrics = app.get("/metrics").await.body;
    let agreements = metrics
        .lines()
        .find(|l| l.starts_with("kizuna_agreements "))
        .unwrap_or_default()
        .to_owned();
    let search = app.json("/api/v1/search?q=riken&type=agreements").await;
    json!({
        "countries": app.json("/api/v1/map/countries").await,
        "metrics": agreements,
        "facets": search["facets"],
        "total": search["total"],
        "list": app.json("/api/v1/agreements?limit=1").await["total"],
    })
}

async fn create_draft(app: &TestApp, admin: &Writer) -> String {
    let created = admin.post(app, "/api/v1/agreements", &draft()).await;
    expect(&created, 201);
    created.json()["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_draft_is_on_no_public_surface_and_in_no_public_count() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let before = public_counts(&app).await;
        let id = create_draft(&app, &c.admin).await;
        app.state.refresh().await.unwrap();

        for (uri, body) in public_surfaces(&app).await {
            assert!(!body.contains(TITLE), "{uri} shows the draft");
            assert!(!body.contains(&id), "{uri} names the draft");
        }
        assert_eq!(public_counts(&app).await, before, "public counts moved");
        expect_problem(&app.get(&format!("/api/v1/agreements/{id}")).await, 404);
        assert_eq!(app.get(&format!("/agreements/{id}")).await.status, 404);

        // Staff see it, as a draft.
        let internal = c
            .viewer
            .get(&app, &format!("/api/v1/agreements/{id}/internal"))
            .await;
        expect(&internal, 200);
        assert_eq!(internal.json()["status"], "draft");
        let staff_search = c
            .viewer
            .get(&app, "/api/v1/search?q=zephyrine")
            .await
            .json();
        assert_eq!(ids(&json!({"items": staff_search["hits"]})), [id.as_str()]);
        assert_eq!(staff_search["hits"][0]["visibility"], "internal");
        let staff_sheet = c.viewer.get(&app, "/api/v1/agreements.csv").await;
        assert!(staff_sheet.body.to_lowercase().contains(TITLE));

        // Signed, it is public everywhere at once: the checks above can fail.
        let signed = c
            .admin
            .patch(
                &app,
                &format!("/api/v1/agreements/{id}"),
                etag(&internal),
                &json!({"signed": true}),
            )
            .await;
        expect(&signed, 200);
        app.state.refresh().await.unwrap();
        let public = app.json(&format!("/api/v1/agreements/{id}")).await;
        assert_eq!(public["status"], "active");
        for uri in [
            "/api/v1/agreements?q=zephyrine",
            "/api/v1/search?q=zephyrine",
            "/api/v1/map?country=JP&zoom=14",
            "/agreements?q=zephyrine",
            "/organisations/riken",
            "/feeds/changes.atom",
            // Rendered once per revision: the page kept before the change is not served.
            "/map?country=JP",
        ] {
            let body = app.get(uri).await.body.to_lowercase();
            assert!(
                body.contains(TITLE),
                "{uri} does not show the signed agreement"
            );
        }
        assert_ne!(
            public_counts(&app).await,
            before,
            "public counts include it"
        );
    }
}

#[tokio::test]
async fn staff_find_drafts_in_the_back_office() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let id = create_draft(&app, &c.admin).await;
        app.state.refresh().await.unwrap();
        let viewer = support::signed_in(&app, Role::Viewer).await;
        let list = support::get(&app, &viewer, "/admin/agreements?status=draft").await;
        assert_eq!(list.status, 200, "{}", list.body);
        assert!(list.body.contains(&format!("/admin/agreements/{id}\"")));
        let dashboard = support::get(&app, &viewer, "/admin").await.body;
        let start = dashboard
            .find(r#"id="drafts-h""#)
            .expect("a drafts section");
        let end = start + dashboard[start..].find("</section>").unwrap();
        let drafts = &dashboard[start..end];
        assert!(
            drafts.contains("Zephyrine draft accord"),
            "the dashboard lists drafts"
        );
        assert!(
            dashboard.contains(r#"<span class="in-force">3 in force.</span>"#),
            "the dashboard counts active and expiring agreements only"
        );
        let staff_page = support::get(&app, &viewer, &format!("/admin/agreements/{id}")).await;
        assert_eq!(staff_page.status, 200);
    }
}

#[tokio::test]
async fn a_draft_deleted_before_signing_never_reaches_the_feed() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let id = create_draft(&app, &c.admin).await;
        let internal = c
            .admin
            .get(&app, &format!("/api/v1/agreements/{id}/internal"))
            .await;
        let deleted = c
            .admin
            .delete(&app, &format!("/api/v1/agreements/{id}"), etag(&internal))
            .await;
        assert!(deleted.status.is_success(), "{}", deleted.body);
        app.state.refresh().await.unwrap();
        let feed = app.get("/feeds/changes.atom").await.body.to_lowercase();
        assert!(!feed.contains(TITLE), "the feed shows a deleted draft");
    }
}

#[tokio::test]
async fn upcoming_and_superseded_are_derived_filtered_and_not_in_force() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        assert_eq!(
            app.json("/api/v1/agreements/trio-utokyo-spa").await["status"],
            "superseded",
            "renewed in 2022 by an agreement in force"
        );
        let in_force_before =
            app.json("/api/v1/map/countries").await["JP"]["active_agreements"].clone();

        let next_year = chrono::Utc::now().date_naive() + chrono::Days::new(400);
        let mut later = agreement("Agreement starting next year", None);
        later["valid_from"] = json!(next_year.to_string());
        later["valid_until"] = json!((next_year + chrono::Days::new(1000)).to_string());
        let created = c.admin.post(&app, "/api/v1/agreements", &later).await;
        expect(&created, 201);
        let id = created.json()["id"].as_str().unwrap().to_owned();
        app.state.refresh().await.unwrap();

        assert_eq!(
            app.json(&format!("/api/v1/agreements/{id}")).await["status"],
            "upcoming"
        );
        assert_eq!(
            ids(&app.json("/api/v1/agreements?status=upcoming").await),
            [id.as_str()]
        );
        assert_eq!(
            ids(&app.json("/api/v1/agreements?status=superseded").await),
            ["trio-utokyo-spa"]
        );
        let counts = app.json("/api/v1/map/countries").await;
        assert_eq!(counts["JP"]["active_agreements"], in_force_before);
        let country = app.get("/countries/jp").await.body;
        assert!(
            country.contains(">3 in force<"),
            "the country page counts active and expiring agreements only"
        );

        let home = app.get("/").await.body;
        assert!(
            home.contains(r#"<dt>Agreements in force</dt><dd><a href="/agreements">3</a>"#),
            "three seed agreements are in force, not the superseded or upcoming ones"
        );
        let page = app.get(&format!("/agreements/{id}")).await.body;
        assert!(
            page.contains("status-upcoming"),
            "the page shows the status"
        );
        let original = app.get("/agreements/trio-utokyo-spa").await.body;
        assert!(original.contains("status-superseded"));
        assert!(original.contains("Superseded"));
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_status() {
    let app = common::spawn_app().await;
    let doc = app.json("/api/openapi.json").await;
    let statuses = &doc["components"]["schemas"]["AgreementStatus"]["enum"];
    assert_eq!(
        statuses,
        &json!([
            "draft",
            "upcoming",
            "active",
            "expiring",
            "expired",
            "superseded",
            "terminated"
        ])
    );
}
