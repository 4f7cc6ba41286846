//! Authorisation holes, through the real router: an editor may not end
//! another's agreement by renewing it, make an agreement central, run a
//! programme with a unit out of scope, or restore; and is told so in words.

mod common;
mod writers;

use common::{TestApp, spawn_app, spawn_app_on_postgres};
use serde_json::json;
use writers::{agreement, cast, etag, expect, expect_problem, send};

/// The public status of an agreement (derived from its dates and renewals).
async fn status(app: &TestApp, id: &str) -> serde_json::Value {
    app.json(&format!("/api/v1/agreements/{id}")).await["status"].clone()
}

async fn holes(app: &TestApp) {
    let c = cast(app).await;
    let e = &c.editor;
    let theirs = agreement("Theirs", Some("bionut"));
    expect(&c.admin.post(app, "/api/v1/agreements", &theirs).await, 201);

    // Renewing a central agreement, or another unit's, and signing the
    // successor would show it "Expired / Renewed": refused either way.
    for renewed in ["riken-phd-exchange", "theirs"] {
        let before = status(app, renewed).await;
        let mut pointing = agreement(&format!("Pointing at {renewed}"), Some("cmb"));
        pointing["renews"] = json!(renewed);
        let refused = e.post(app, "/api/v1/agreements", &pointing).await;
        let problem = expect_problem(&refused, 403);
        assert!(
            problem["detail"].as_str().unwrap().contains(renewed),
            "{problem}"
        );
        let successor = agreement(&format!("Successor of {renewed}"), Some("cmb"));
        let uri = format!("/api/v1/agreements/{renewed}/renew");
        expect_problem(&e.post(app, &uri, &successor).await, 403);
        assert_eq!(status(app, renewed).await, before, "{renewed}");
        let slug = format!("successor-of-{renewed}");
        expect_problem(&app.get(&format!("/api/v1/agreements/{slug}")).await, 404);
    }
    // One's own agreement is one's own to renew.
    let ours = agreement("Ours", Some("cmb"));
    expect(&e.post(app, "/api/v1/agreements", &ours).await, 201);
    let next = agreement("Ours, renewed", Some("cmb"));
    let renewed = e.post(app, "/api/v1/agreements/ours/renew", &next).await;
    expect(&renewed, 201);
    assert_eq!(renewed.json()["renews"], "ours");

    // Central agreements are the admins': not by creating one, nor by
    // promoting one's own.
    let mut central = agreement("Central by an editor", Some("cmb"));
    central["level"] = json!("central");
    expect_problem(&e.post(app, "/api/v1/agreements", &central).await, 403);
    expect_problem(
        &app.get("/api/v1/agreements/central-by-an-editor").await,
        404,
    );
    let current = e.get(app, "/api/v1/agreements/ours/internal").await;
    let promote = json!({"level": "central"});
    let refused = e
        .patch(app, "/api/v1/agreements/ours", etag(&current), &promote)
        .await;
    expect_problem(&refused, 403);
    assert_eq!(
        app.json("/api/v1/agreements/ours").await["level"],
        "department"
    );

    // Every unit of a programme counts, not only the first.
    for units in [json!(["cmb", "bionut"]), json!(["bionut", "cmb"])] {
        let course = json!({"kind": "course", "title": "Shared course",
            "partners": ["utokyo"], "units": units});
        expect_problem(&e.post(app, "/api/v1/programmes", &course).await, 403);
    }
    expect_problem(&app.get("/api/v1/programmes/shared-course").await, 404);

    // Restoring is the admins', and the refusal reads right.
    let first = etag(&current);
    let changed = e
        .patch(
            app,
            "/api/v1/agreements/ours",
            first,
            &json!({"notes": "v2"}),
        )
        .await;
    expect(&changed, 200);
    let restore = send(
        app,
        "POST",
        "/api/v1/agreements/ours/restore",
        Some(&e.token),
        Some(etag(&changed)),
        Some(&json!({"revision": first})),
    )
    .await;
    let problem = expect_problem(&restore, 403);
    assert_eq!(
        problem["detail"],
        "only an admin may restore records; an editor may not"
    );
}

#[tokio::test]
async fn an_editor_cannot_reach_past_their_units() {
    holes(&spawn_app().await).await;
}

#[tokio::test]
async fn an_editor_cannot_reach_past_their_units_on_postgres() {
    if let Some(app) = spawn_app_on_postgres().await {
        holes(&app).await;
    }
}
