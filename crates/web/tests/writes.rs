//! Writes through the JSON API: round trips, versions, validation, renewal,
//! references, internal records and the OpenAPI description.

mod common;
mod writers;

use common::{TestApp, spawn_app, spawn_apps};
use serde_json::json;
use writers::{agreement, cast, etag, expect, expect_problem, send};

/// Create, read, replace, patch and delete one agreement.
async fn round_trip(app: &TestApp) {
    let c = cast(app).await;
    let created = c
        .admin
        .post(
            app,
            "/api/v1/agreements",
            &agreement("KI – RIKEN Research Collaboration", None),
        )
        .await;
    expect(&created, 201);
    let body = created.json();
    let id = body["id"].as_str().unwrap().to_owned();
    assert_eq!(id, "ki-riken-research-collaboration", "made from the title");
    assert_eq!(body["status"], "active");
    let uri = format!("/api/v1/agreements/{id}");
    assert_eq!(created.headers["location"], uri.as_str());
    let v1 = etag(&created);
    let read = app.get(&uri).await;
    expect(&read, 200);
    assert_eq!(etag(&read), v1, "the public GET carries the same version");
    assert!(
        app.json("/api/v1/search?q=RIKEN%20Research%20Collaboration")
            .await["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == id.as_str()),
        "searchable at once"
    );

    let mut changed = body.clone();
    changed["title"] = json!("KI – RIKEN Research Collaboration (amended)");
    let replaced = c.admin.put(app, &uri, v1, &changed).await;
    expect(&replaced, 200);
    let v2 = etag(&replaced);
    assert!(v2 > v1);
    assert_eq!(
        app.json(&uri).await["title"],
        "KI – RIKEN Research Collaboration (amended)"
    );

    let patch = json!({"notes": null, "research_fields": ["stem cells"]});
    let patched = c.admin.patch(app, &uri, v2, &patch).await;
    expect(&patched, 200);
    let now = app.json(&uri).await;
    assert_eq!(
        now["notes"],
        serde_json::Value::Null,
        "null removes a field"
    );
    assert_eq!(now["research_fields"], json!(["stem cells"]));
    assert_eq!(
        now["title"], "KI – RIKEN Research Collaboration (amended)",
        "the rest is kept"
    );

    let deleted = c.admin.delete(app, &uri, etag(&patched)).await;
    expect(&deleted, 204);
    expect_problem(&app.get(&uri).await, 404);
}

#[tokio::test]
async fn create_replace_patch_and_delete_round_trip() {
    for app in spawn_apps().await {
        round_trip(&app).await;
    }
}

#[tokio::test]
async fn taken_ids_get_a_suffix_when_generated_and_a_409_when_given() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let body = agreement("Exchange", None);
        let first = c.admin.post(&app, "/api/v1/agreements", &body).await;
        let second = c.admin.post(&app, "/api/v1/agreements", &body).await;
        assert_eq!(first.json()["id"], "exchange");
        assert_eq!(second.json()["id"], "exchange-2");
        let mut named = body.clone();
        named["id"] = json!("riken-phd-exchange");
        let taken = c.admin.post(&app, "/api/v1/agreements", &named).await;
        let problem = expect_problem(&taken, 409);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("riken-phd-exchange")
        );
    }
}

#[tokio::test]
async fn no_token_is_401_and_an_unknown_token_too() {
    for app in spawn_apps().await {
        let body = agreement("Anonymous", None);
        for (method, uri) in [
            ("POST", "/api/v1/agreements"),
            ("PUT", "/api/v1/agreements/riken-phd-exchange"),
            ("PATCH", "/api/v1/agreements/riken-phd-exchange"),
            ("DELETE", "/api/v1/agreements/riken-phd-exchange"),
            ("POST", "/api/v1/agreements/riken-phd-exchange/renew"),
            ("GET", "/api/v1/agreements/riken-phd-exchange/history"),
        ] {
            let anonymous = send(&app, method, uri, None, Some(1), Some(&body)).await;
            expect_problem(&anonymous, 401);
            let forged = send(&app, method, uri, Some("kz_forged"), Some(1), Some(&body)).await;
            expect_problem(&forged, 401);
        }
    }
}

#[tokio::test]
async fn changes_need_if_match_428_and_a_malformed_one_is_400() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let uri = "/api/v1/agreements/riken-phd-exchange";
        let current = app.get(uri).await;
        let body = current.json();
        for method in ["PUT", "PATCH", "DELETE"] {
            let missing = send(&app, method, uri, Some(&c.admin.token), None, Some(&body)).await;
            let problem = expect_problem(&missing, 428);
            assert!(problem["detail"].as_str().unwrap().contains("If-Match"));
        }
        // A weak tag is well formed but never matches (If-Match compares strongly).
        for (if_match, status) in [("3", 400), ("W/\"3\"", 412)] {
            let request = axum::http::Request::put(uri)
                .header("authorization", format!("Bearer {}", c.admin.token))
                .header("if-match", if_match)
                .header("content-type", "application/json")
                .body(axum::body::Body::from(body.to_string()))
                .unwrap();
            expect_problem(&app.request(request).await, status);
        }
    }
}

#[tokio::test]
async fn a_stale_version_is_refused_412_and_the_first_change_is_kept() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let second =
            writers::writer(&app, "second-admin@ki.se", kizuna_domain::Role::Admin, &[]).await;
        let uri = "/api/v1/organisations/tmu";
        let seen = app.get(uri).await;
        let version = etag(&seen);
        let mut mine = seen.json();
        mine["city"] = json!("Hachioji");
        let mut theirs = seen.json();
        theirs["city"] = json!("Hino");
        expect(&c.admin.put(&app, uri, version, &mine).await, 200);
        let late = second.put(&app, uri, version, &theirs).await;
        let problem = expect_problem(&late, 412);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("changed by someone else")
        );
        let late_patch = second
            .patch(&app, uri, version, &json!({"city": "Hino"}))
            .await;
        expect_problem(&late_patch, 412);
        expect_problem(&second.delete(&app, uri, version).await, 412);
        assert_eq!(app.json(uri).await["city"], "Hachioji");
    }
}

#[tokio::test]
async fn wrong_types_and_missing_fields_are_one_422_in_plain_words() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let body = json!({"title": "Nursing exchange", "level": 3, "signed_on": 2027});
        let response = c.admin.post(&app, "/api/v1/agreements", &body).await;
        let problem = expect_problem(&response, 422);
        let errors = problem["errors"].as_array().unwrap();
        let mut fields: Vec<&str> = errors
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        fields.sort();
        assert_eq!(
            fields,
            ["kind", "level", "parties", "signed_on"],
            "{problem}"
        );
        let message = |field: &str| {
            errors.iter().find(|e| e["field"] == field).unwrap()["message"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert_eq!(message("kind"), "this field is required");
        assert!(
            message("level")
                .starts_with("the number 3 is not allowed here: expected one of central"),
            "{}",
            message("level")
        );
        assert_eq!(message("signed_on"), "expected text, not the number 2027");
        for e in errors {
            let m = e["message"].as_str().unwrap();
            assert!(!m.contains('`') && !m.contains("AgreementLevel"), "{m}");
        }
        let org = json!({"names": "Kyoto University", "kind": ["education"], "colour": "red"});
        let response = c.admin.post(&app, "/api/v1/organisations", &org).await;
        let problem = expect_problem(&response, 422);
        let mut fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        fields.sort();
        assert_eq!(fields, ["colour", "kind", "names"], "{problem}");
    }
}

#[tokio::test]
async fn invalid_records_are_422_listing_every_field() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let fields = |response: &common::TestResponse| -> Vec<String> {
            let problem = expect_problem(response, 422);
            let mut f: Vec<String> = problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["field"].as_str().unwrap().to_owned())
                .collect();
            f.sort();
            f
        };
        let one_party = json!({
            "kind": "memo", "level": "central", "title": " ",
            "parties": [{"organisation": "nowhere"}], "home_unit": "riken",
            "renews": "no-such-agreement", "valid_from": "2024-01-01", "valid_until": "2023-12-31"
        });
        let response = c.admin.post(&app, "/api/v1/agreements", &one_party).await;
        assert_eq!(
            fields(&response),
            [
                "home_unit",
                "kind",
                "parties",
                "parties[0].organisation",
                "renews",
                "title",
                "valid_until"
            ]
        );
        let bad_org = json!({
            "kind": "unit", "country": "XX", "website": "example.org",
            "names": [{"value": "", "kind": "display"}], "members": ["ki"]
        });
        let response = c.admin.post(&app, "/api/v1/organisations", &bad_org).await;
        assert_eq!(
            fields(&response),
            ["country", "members", "names[0].value", "parent", "website"]
        );
        let wrong_id = json!({"id": "other", "name": "X"});
        let response = c
            .admin
            .put(&app, "/api/v1/contacts/per-nilsson", 1, &wrong_id)
            .await;
        assert_eq!(fields(&response), ["id"]);
        let not_json = send(
            &app,
            "POST",
            "/api/v1/contacts",
            Some(&c.admin.token),
            None,
            None,
        )
        .await;
        expect_problem(&not_json, 415);
    }
}

#[tokio::test]
async fn renewal_creates_the_successor_linked_to_its_predecessor() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let mut successor = agreement("PhD short-term exchange, KI – RIKEN (renewal 2027)", None);
        successor["kind"] = json!("doctoral_exchange");
        let renewed = c
            .admin
            .post(
                &app,
                "/api/v1/agreements/riken-phd-exchange/renew",
                &successor,
            )
            .await;
        expect(&renewed, 201);
        let body = renewed.json();
        assert_eq!(body["renews"], "riken-phd-exchange");
        let id = body["id"].as_str().unwrap();
        assert!(renewed.headers["location"].to_str().unwrap().ends_with(id));
        assert_eq!(
            app.json(&format!("/api/v1/agreements/{id}")).await["renews"],
            "riken-phd-exchange"
        );
        let missing = c
            .admin
            .post(&app, "/api/v1/agreements/nowhere/renew", &successor)
            .await;
        expect_problem(&missing, 404);
        let central = c
            .editor
            .post(
                &app,
                "/api/v1/agreements/riken-phd-exchange/renew",
                &successor,
            )
            .await;
        expect_problem(&central, 403);
        successor["renews"] = json!("trio-utokyo-spa");
        let mismatch = c
            .admin
            .post(
                &app,
                "/api/v1/agreements/riken-phd-exchange/renew",
                &successor,
            )
            .await;
        expect_problem(&mismatch, 422);
    }
}

#[tokio::test]
async fn an_organisation_others_refer_to_is_not_deleted() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let riken = app.get("/api/v1/organisations/riken").await;
        let refused = c
            .admin
            .delete(&app, "/api/v1/organisations/riken", etag(&riken))
            .await;
        let detail = expect_problem(&refused, 409)["detail"]
            .as_str()
            .unwrap()
            .to_owned();
        for referrer in [
            "agreements/riken-phd-exchange",
            "organisations/riken-yokohama",
            "programmes/ki-riken-phd-course",
        ] {
            assert!(detail.contains(referrer), "{detail}");
        }
        expect(&app.get("/api/v1/organisations/riken").await, 200);
    }
}

#[tokio::test]
async fn internal_records_are_written_and_read_by_staff_only() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let mut secret = agreement("Draft with Kyoto", Some("cmb"));
        secret["visibility"] = json!("internal");
        secret["internal_notes"] = json!("renegotiate the fees");
        expect(
            &c.editor.post(&app, "/api/v1/agreements", &secret).await,
            201,
        );
        expect_problem(&app.get("/api/v1/agreements/draft-with-kyoto").await, 404);
        let staff_view = c
            .viewer
            .get(&app, "/api/v1/agreements/draft-with-kyoto/internal")
            .await;
        expect(&staff_view, 200);
        assert_eq!(staff_view.json()["internal_notes"], "renegotiate the fees");
        expect_problem(
            &app.get("/api/v1/agreements/draft-with-kyoto/internal")
                .await,
            401,
        );
        let edited = c
            .editor
            .patch(
                &app,
                "/api/v1/agreements/draft-with-kyoto",
                etag(&staff_view),
                &json!({"visibility": "public"}),
            )
            .await;
        expect(&edited, 200);
        let public = app.json("/api/v1/agreements/draft-with-kyoto").await;
        assert!(public.get("internal_notes").is_none(), "{public}");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_the_writes() {
    let app = spawn_app().await;
    let doc = app.json("/api/openapi.json").await;
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let agreement = &doc["paths"]["/api/v1/agreements/{id}"];
    for method in ["get", "put", "patch", "delete"] {
        assert!(agreement[method].is_object(), "{method} /agreements/{{id}}");
    }
    assert!(agreement["put"]["responses"]["412"].is_object());
    assert_eq!(agreement["put"]["security"][0]["bearer"], json!([]));
    assert!(doc["paths"]["/api/v1/organisations"]["post"]["requestBody"].is_object());
    for path in [
        "/api/v1/agreements/{id}/renew",
        "/api/v1/agreements/{id}/history",
        "/api/v1/contacts/{id}/restore",
        "/api/v1/agreements/{id}/documents/{doc}",
        "/api/v1/contacts/{id}/export",
        "/api/v1/contacts/{id}/erase",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    let problem = &doc["paths"]["/api/v1/funding"]["post"]["responses"]["422"]["content"];
    assert!(problem["application/problem+json"].is_object(), "{problem}");
}
