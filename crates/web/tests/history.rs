//! Every change in the history: who, when, before and after; restoring an
//! earlier version (admins only, itself audited).

mod common;
mod writers;

use common::spawn_apps;
use serde_json::json;
use writers::{agreement, cast, etag, expect, expect_problem, send};

#[tokio::test]
async fn every_write_leaves_who_when_and_before_after_in_the_history() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let created = c
            .editor
            .post(
                &app,
                "/api/v1/agreements",
                &agreement("CMB exchange", Some("cmb")),
            )
            .await;
        expect(&created, 201);
        let uri = "/api/v1/agreements/cmb-exchange";
        let patched = c
            .editor
            .patch(
                &app,
                uri,
                etag(&created),
                &json!({"title": "CMB exchange 2"}),
            )
            .await;
        expect(&c.admin.delete(&app, uri, etag(&patched)).await, 204);
        let history = c.viewer.get(&app, &format!("{uri}/history")).await;
        expect(&history, 200);
        let items = history.json()["items"].as_array().unwrap().clone();
        let summary: Vec<(&str, &str)> = items
            .iter()
            .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap()))
            .collect();
        assert_eq!(
            summary,
            [
                ("create", "cmb-editor@ki.se"),
                ("update", "cmb-editor@ki.se"),
                ("delete", "admin@ki.se")
            ]
        );
        assert_eq!(items[0]["before"], serde_json::Value::Null);
        assert_eq!(items[1]["before"]["title"], "CMB exchange");
        assert_eq!(items[1]["after"]["title"], "CMB exchange 2");
        assert_eq!(items[2]["after"], serde_json::Value::Null);
        assert!(
            items
                .iter()
                .all(|e| e["at"].as_str().is_some() && e["revision"].as_i64().is_some())
        );
        expect_problem(
            &c.viewer
                .get(&app, "/api/v1/agreements/nowhere/history")
                .await,
            404,
        );
    }
}

#[tokio::test]
async fn restore_brings_back_an_earlier_version_and_is_itself_audited() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let uri = "/api/v1/organisations/tmu";
        let original = app.get(uri).await;
        let first = etag(&original);
        let changed = c
            .admin
            .patch(&app, uri, first, &json!({"city": "Nowhere"}))
            .await;
        let restore = json!({"revision": first});
        let by_editor = send(
            &app,
            "POST",
            &format!("{uri}/restore"),
            Some(&c.editor.token),
            Some(etag(&changed)),
            Some(&restore),
        )
        .await;
        expect_problem(&by_editor, 403);
        let stale = send(
            &app,
            "POST",
            &format!("{uri}/restore"),
            Some(&c.admin.token),
            Some(first),
            Some(&restore),
        )
        .await;
        expect_problem(&stale, 412);
        let restored = send(
            &app,
            "POST",
            &format!("{uri}/restore"),
            Some(&c.admin.token),
            Some(etag(&changed)),
            Some(&restore),
        )
        .await;
        expect(&restored, 200);
        assert_eq!(app.json(uri).await["city"], original.json()["city"]);
        let history = c.admin.get(&app, &format!("{uri}/history")).await.json();
        let last = history["items"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(
            (last["action"].as_str(), last["actor"].as_str()),
            (Some("update"), Some("admin@ki.se"))
        );
        assert_eq!(last["before"]["city"], "Nowhere");

        // A deleted record comes back too: If-Match names the deletion.
        let created = c
            .admin
            .post(&app, "/api/v1/agreements", &agreement("Short-lived", None))
            .await;
        let short = "/api/v1/agreements/short-lived";
        expect(&c.admin.delete(&app, short, etag(&created)).await, 204);
        let log = c.admin.get(&app, &format!("{short}/history")).await.json();
        let deletion = log["items"][1]["revision"].as_i64().unwrap();
        let back = json!({"revision": etag(&created)});
        let revived = send(
            &app,
            "POST",
            &format!("{short}/restore"),
            Some(&c.admin.token),
            Some(deletion),
            Some(&back),
        )
        .await;
        expect(&revived, 200);
        expect(&app.get(short).await, 200);
        let of_delete = json!({"revision": deletion});
        let gone = send(
            &app,
            "POST",
            &format!("{short}/restore"),
            Some(&c.admin.token),
            Some(etag(&revived)),
            Some(&of_delete),
        )
        .await;
        expect_problem(&gone, 409);
    }
}
