//! Staff-only data through the API: files attached to agreements, and a
//! contact's export and erasure.

mod common;
mod writers;

use axum::body::Body;
use axum::http::{Request, header};
use common::{TestApp, spawn_apps};
use serde_json::json;
use writers::{Writer, cast, etag, expect, expect_problem, send};

async fn upload(
    app: &TestApp,
    by: &Writer,
    uri: &str,
    disposition: Option<&str>,
    bytes: &[u8],
) -> common::TestResponse {
    let mut request = Request::post(uri)
        .header(header::AUTHORIZATION, format!("Bearer {}", by.token))
        .header(header::CONTENT_TYPE, "application/pdf");
    if let Some(d) = disposition {
        request = request.header(header::CONTENT_DISPOSITION, d);
    }
    app.request(request.body(Body::from(bytes.to_vec())).unwrap())
        .await
}

async fn documents(app: &TestApp) {
    let c = cast(app).await;
    let base = "/api/v1/agreements/riken-phd-exchange/documents";
    let pdf: Vec<u8> = b"%PDF-1.7\n".iter().copied().chain(0u8..=255).collect();
    let before = etag(&app.get("/api/v1/agreements/riken-phd-exchange").await);
    let uploaded = upload(
        app,
        &c.admin,
        base,
        Some("attachment; filename=\"signed.pdf\"; filename*=UTF-8''%E7%BD%B2%E5%90%8D.pdf"),
        &pdf,
    )
    .await;
    expect(&uploaded, 201);
    let doc = uploaded.json();
    assert_eq!(
        (doc["name"].as_str(), doc["size"].as_u64()),
        (Some("署名.pdf"), Some(pdf.len() as u64))
    );
    assert!(etag(&uploaded) > before, "the agreement has a new version");
    let location = uploaded.headers["location"].to_str().unwrap().to_owned();
    assert_eq!(location, format!("{base}/{}", doc["id"].as_str().unwrap()));

    let listed = c.viewer.get(app, base).await;
    expect(&listed, 200);
    assert_eq!(listed.json()["items"][0]["id"], doc["id"]);
    let download = app
        .request_bytes(
            Request::get(&location)
                .header(header::AUTHORIZATION, format!("Bearer {}", c.viewer.token))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(download.status, 200);
    let header_text = |name| download.headers[name].to_str().unwrap();
    assert_eq!(header_text(header::CONTENT_TYPE), "application/pdf");
    let disposition = header_text(header::CONTENT_DISPOSITION);
    assert!(
        disposition.starts_with("attachment;") && disposition.contains("%E7%BD%B2%E5%90%8D.pdf"),
        "{disposition}"
    );
    assert_eq!(download.body, pdf, "the same bytes come back, every one");

    // Never public: not in the public API, not on the page, not downloadable without a token.
    let public = app.json("/api/v1/agreements/riken-phd-exchange").await;
    assert!(public.get("documents").is_none(), "{public}");
    let page = app.get("/agreements/riken-phd-exchange").await;
    expect(&page, 200);
    assert!(!page.body.contains("署名") && !page.body.contains(doc["id"].as_str().unwrap()));
    expect_problem(&app.get(&location).await, 401);
    expect_problem(&app.get(base).await, 401);

    // Audited like any change of the agreement.
    let history = c
        .admin
        .get(app, "/api/v1/agreements/riken-phd-exchange/history")
        .await
        .json();
    let last = history["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], "admin@ki.se");
    assert_eq!(last["after"]["documents"][0]["name"], "署名.pdf");

    // Rights: viewers and editors of other units may not attach or remove files.
    expect_problem(
        &upload(
            app,
            &c.viewer,
            base,
            Some("attachment; filename=x.pdf"),
            b"x",
        )
        .await,
        403,
    );
    expect_problem(
        &upload(
            app,
            &c.editor,
            base,
            Some("attachment; filename=x.pdf"),
            b"x",
        )
        .await,
        403,
    );
    expect_problem(&upload(app, &c.admin, base, None, b"x").await, 400);
    expect_problem(
        &upload(
            app,
            &c.admin,
            base,
            Some("attachment; filename=empty.pdf"),
            b"",
        )
        .await,
        400,
    );
    let by_query = upload(
        app,
        &c.admin,
        &format!("{base}?name=annex.pdf"),
        None,
        b"annex",
    )
    .await;
    expect(&by_query, 201);
    let stale = send(
        app,
        "DELETE",
        &location,
        Some(&c.admin.token),
        Some(before),
        None,
    )
    .await;
    expect_problem(&stale, 412);
    expect_problem(
        &send(app, "DELETE", &location, Some(&c.editor.token), None, None).await,
        403,
    );

    // An update through the API keeps the files; removing one deletes it.
    let current = app.get("/api/v1/agreements/riken-phd-exchange").await;
    let mut body = current.json();
    body["notes"] = json!("Files stay.");
    expect(
        &c.admin
            .put(
                app,
                "/api/v1/agreements/riken-phd-exchange",
                etag(&current),
                &body,
            )
            .await,
        200,
    );
    assert_eq!(c.admin.get(app, base).await.json()["total"], 2);
    expect(
        &send(app, "DELETE", &location, Some(&c.admin.token), None, None).await,
        204,
    );
    let after = c.admin.get(app, base).await.json();
    assert_eq!(after["total"], 1);
    assert_eq!(after["items"][0]["name"], "annex.pdf");
    expect_problem(&c.admin.get(app, &location).await, 404);
}

#[tokio::test]
async fn documents_are_uploaded_listed_downloaded_and_removed_by_staff_only() {
    for app in spawn_apps().await {
        documents(&app).await;
    }
}

#[tokio::test]
async fn a_file_over_the_document_limit_is_refused() {
    for app in spawn_apps().await {
        let c = cast(&app).await;
        let big = vec![b'x'; kizuna_web::WebSettings::default().document_limit + 1];
        let response = upload(
            &app,
            &c.admin,
            "/api/v1/agreements/riken-phd-exchange/documents",
            Some("attachment; filename=big.bin"),
            &big,
        )
        .await;
        assert_eq!(response.status, 413, "{}", response.body);
    }
}

async fn person(app: &TestApp) {
    let c = cast(app).await;
    // Link the person from an agreement, and give them details to erase.
    let spa = app.get("/api/v1/agreements/trio-utokyo-spa-2022").await;
    expect(
        &c.admin
            .patch(
                app,
                "/api/v1/agreements/trio-utokyo-spa-2022",
                etag(&spa),
                &json!({"contacts": ["per-nilsson"]}),
            )
            .await,
        200,
    );
    let per = app.get("/api/v1/contacts/per-nilsson").await;
    let details = json!({"email": "per.nilsson@ki.se", "phone": "+46 8 524 800 00"});
    expect(
        &c.admin
            .patch(app, "/api/v1/contacts/per-nilsson", etag(&per), &details)
            .await,
        200,
    );

    let export = c
        .viewer
        .get(app, "/api/v1/contacts/per-nilsson/export")
        .await;
    expect(&export, 200);
    let body = export.json();
    assert_eq!(body["contact"]["name"], "Per Nilsson");
    assert_eq!(body["contact"]["email"], "per.nilsson@ki.se");
    assert_eq!(
        body["history"].as_array().unwrap().len(),
        2,
        "loaded, then changed"
    );
    assert_eq!(
        body["linked_from"],
        json!(["agreements/trio-utokyo-spa-2022"])
    );
    expect_problem(&app.get("/api/v1/contacts/per-nilsson/export").await, 401);

    let by_editor = send(
        app,
        "POST",
        "/api/v1/contacts/per-nilsson/erase",
        Some(&c.editor.token),
        None,
        None,
    )
    .await;
    expect_problem(&by_editor, 403);
    let erased = send(
        app,
        "POST",
        "/api/v1/contacts/per-nilsson/erase",
        Some(&c.admin.token),
        None,
        None,
    )
    .await;
    expect(&erased, 200);
    let summary = erased.json();
    assert_eq!(
        summary["references_removed"],
        json!(["agreements/trio-utokyo-spa-2022"])
    );
    assert_eq!(summary["history_entries_redacted"], 3);

    expect_problem(&app.get("/api/v1/contacts/per-nilsson").await, 404);
    assert_eq!(
        app.json("/api/v1/agreements/trio-utokyo-spa-2022").await["contacts"],
        json!([])
    );
    let history = c
        .admin
        .get(app, "/api/v1/contacts/per-nilsson/history")
        .await;
    expect(&history, 200);
    assert!(
        !history.body.contains("Nilsson") && !history.body.contains("524 800"),
        "{}",
        history.body
    );
    let last = history.json()["items"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["action"].as_str(), last["actor"].as_str()),
        (Some("delete"), Some("admin@ki.se"))
    );
    let after = c
        .admin
        .get(app, "/api/v1/contacts/per-nilsson/export")
        .await;
    expect(&after, 200);
    assert_eq!(after.json()["contact"], serde_json::Value::Null);
    assert!(!after.body.contains("Nilsson"), "{}", after.body);
    let search = app.json("/api/v1/search?q=Nilsson&type=contacts").await;
    assert_eq!(search["total"], 0, "no longer found: {search}");
    let restore = json!({"revision": history.json()["items"][0]["revision"]});
    let revived = send(
        app,
        "POST",
        "/api/v1/contacts/per-nilsson/restore",
        Some(&c.admin.token),
        Some(last["revision"].as_i64().unwrap()),
        Some(&restore),
    )
    .await;
    expect_problem(&revived, 409);
}

#[tokio::test]
async fn a_contact_is_exported_whole_and_erased_with_its_history_details() {
    for app in spawn_apps().await {
        person(&app).await;
    }
}
