//! The HTTP edge's answers to requests that are odd rather than wrong:
//! entity tags we never gave out, `If-Match: *`, a lower-case `bearer`,
//! large documents, undecodable paths, ids with control characters, and file
//! names that hold quotes and semicolons.

mod common;
mod writers;

use axum::body::Body;
use axum::http::{Request, header};
use common::{TestApp, TestResponse, app_on, spawn_app, spawn_app_on_postgres};
use kizuna_core::Registry;
use kizuna_storage::testing;
use kizuna_web::{AppState, WebSettings};
use serde_json::json;
use writers::{cast, etag, expect, expect_problem};

const ORG: &str = "/api/v1/organisations/riken";
const DOCS: &str = "/api/v1/agreements/riken-phd-exchange/documents";

/// A request with a token and an arbitrary `If-Match` value.
async fn with_if_match(
    app: &TestApp,
    method: &str,
    token: &str,
    if_match: &str,
    body: Option<serde_json::Value>,
) -> TestResponse {
    let mut request = Request::builder()
        .method(method)
        .uri(ORG)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::IF_MATCH, if_match);
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    app.request(request.body(body).unwrap()).await
}

#[tokio::test]
async fn an_entity_tag_we_never_gave_out_is_stale_and_a_star_matches_any_version() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let patch = || Some(json!({"city": "Wako"}));
    for tag in ["\"stale-0\"", "\"0\"", "W/\"1\"", "\"007\""] {
        let refused = with_if_match(&app, "PATCH", &c.admin.token, tag, patch()).await;
        expect_problem(&refused, 412);
    }
    expect_problem(
        &with_if_match(&app, "PATCH", &c.admin.token, "null", patch()).await,
        400,
    );
    let current = etag(&app.get(ORG).await);
    let listed = format!("\"stale-0\", \"{current}\"");
    let changed = with_if_match(&app, "PATCH", &c.admin.token, &listed, patch()).await;
    expect(&changed, 200);
    let star = with_if_match(
        &app,
        "PATCH",
        &c.admin.token,
        "*",
        Some(json!({"city": "Tokyo"})),
    )
    .await;
    expect(&star, 200);
    assert!(etag(&star) > etag(&changed));
    let unknown = Request::delete("/api/v1/organisations/no-such-org")
        .header(header::AUTHORIZATION, format!("Bearer {}", c.admin.token))
        .header(header::IF_MATCH, "*")
        .body(Body::empty())
        .unwrap();
    expect_problem(&app.request(unknown).await, 404);
}

#[tokio::test]
async fn the_bearer_scheme_may_be_written_in_any_case() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let request = Request::get("/api/v1/organisations/riken/internal")
            .header(
                header::AUTHORIZATION,
                format!("{scheme} {}", c.viewer.token),
            )
            .body(Body::empty())
            .unwrap();
        expect(&app.request(request).await, 200);
    }
    // A write with a lower-case scheme needs no CSRF token either.
    let current = etag(&app.get(ORG).await);
    let request = Request::patch(ORG)
        .header(header::AUTHORIZATION, format!("bearer {}", c.admin.token))
        .header(header::IF_MATCH, format!("\"{current}\""))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"city": "Wako"}"#))
        .unwrap();
    expect(&app.request(request).await, 200);
}

async fn upload(app: &TestApp, token: &str, disposition: &str, bytes: Vec<u8>) -> TestResponse {
    let request = Request::post(DOCS)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/pdf")
        .header(header::CONTENT_DISPOSITION, disposition)
        .body(Body::from(bytes))
        .unwrap();
    app.request(request).await
}

#[tokio::test]
async fn documents_have_their_own_larger_limit_and_every_413_is_a_problem() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let three_mb = vec![b'%'; 3 * 1024 * 1024];
    let signed = upload(
        &app,
        &c.admin.token,
        "attachment; filename=signed.pdf",
        three_mb,
    )
    .await;
    expect(&signed, 201);

    // Any other body keeps the general limit, and says so as a problem.
    let big_json = format!("{{\"notes\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    let request = Request::post("/api/v1/organisations")
        .header(header::AUTHORIZATION, format!("Bearer {}", c.admin.token))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(big_json))
        .unwrap();
    expect_problem(&app.request(request).await, 413);

    // The document limit is a setting.
    let store = testing::fresh_sqlite().await.unwrap();
    let small = WebSettings {
        document_limit: 1024,
        ..WebSettings::default()
    };
    let registry = Registry::new(store.clone());
    registry
        .load_dataset(&common::japan(), "test")
        .await
        .unwrap();
    let state = AppState::new(registry, small).await.unwrap();
    let limited = TestApp {
        router: kizuna_web::router(state.clone()),
        state,
        store,
    };
    let c = cast(&limited).await;
    let refused = upload(
        &limited,
        &c.admin.token,
        "attachment; filename=a.pdf",
        vec![1; 2048],
    )
    .await;
    expect_problem(&refused, 413);
    let fits = upload(
        &limited,
        &c.admin.token,
        "attachment; filename=a.pdf",
        vec![1; 512],
    )
    .await;
    expect(&fits, 201);
}

#[tokio::test]
async fn framework_refusals_are_problems_under_api_and_pages_elsewhere() {
    let app = spawn_app().await;
    expect_problem(&app.get("/api/v1/organisations/%FF").await, 400);
    expect_problem(&app.get("/api/v1/organisations/a%00b").await, 404);
    expect_problem(&app.get("/api/v1/organisations/a%07b").await, 404);
    expect_problem(&app.get("/api/v1/countries/%FF").await, 400);
    expect_problem(&app.get("/api/v1/no-such-thing").await, 404);
    let not_allowed = app
        .request(
            Request::put("/api/v1/organisations")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    expect_problem(&not_allowed, 405);
    assert!(not_allowed.headers.contains_key(header::ALLOW));

    let page = app.get("/organisations/%FF").await;
    expect(&page, 400);
    assert!(
        page.content_type().starts_with("text/html"),
        "{}",
        page.content_type()
    );
    assert!(page.body.contains("<html"), "{}", page.body);
}

/// Ids with a NUL byte never reach PostgreSQL (where they are an error, not a miss).
async fn control_characters_in_ids(app: &TestApp) {
    let c = cast(app).await;
    for id in ["a%00b", "%00", "riken%0A", "riken%7F"] {
        for uri in [
            format!("/api/v1/organisations/{id}"),
            format!("/api/v1/agreements/{id}"),
        ] {
            expect_problem(&app.get(&uri).await, 404);
            expect_problem(&c.viewer.get(app, &format!("{uri}/internal")).await, 404);
            expect_problem(&c.viewer.get(app, &format!("{uri}/history")).await, 404);
        }
        let doc = format!("{DOCS}/{id}");
        expect_problem(&c.viewer.get(app, &doc).await, 404);
        let export = format!("/api/v1/contacts/{id}/export");
        expect_problem(&c.viewer.get(app, &export).await, 404);
        // Staff pages read their ids straight from the path too.
        for page in [
            format!("/admin/organisations/{id}"),
            format!("/admin/agreements/{id}/history"),
        ] {
            let answer = c.viewer.get(app, &page).await;
            expect(&answer, 404);
            assert!(answer.content_type().starts_with("text/html"), "{page}");
        }
    }
}

#[tokio::test]
async fn control_characters_in_ids_are_404_on_sqlite() {
    control_characters_in_ids(&spawn_app().await).await;
}

#[tokio::test]
async fn control_characters_in_ids_are_404_on_postgres() {
    if let Some(app) = spawn_app_on_postgres().await {
        control_characters_in_ids(&app).await;
    }
}

#[tokio::test]
async fn file_names_with_quotes_and_semicolons_survive_the_round_trip() {
    let app = app_on(testing::fresh_sqlite().await.unwrap()).await;
    let c = cast(&app).await;
    let uploaded = upload(
        &app,
        &c.admin.token,
        r#"attachment; filename="a\"b;c.pdf""#,
        b"%PDF-1.7".to_vec(),
    )
    .await;
    expect(&uploaded, 201);
    assert_eq!(uploaded.json()["name"], "a\"b;c.pdf");
    let location = uploaded.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let download = c.viewer.get(&app, &location).await;
    expect(&download, 200);
    let disposition = download.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap();
    assert_eq!(
        disposition,
        "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%3Bc.pdf"
    );
}

/// A NUL character in a record's text is a field error, never a 500 from PostgreSQL.
async fn nul_characters_in_bodies(app: &TestApp) {
    let c = cast(app).await;
    let body = json!({"kind": "award", "title": "P\u{0}", "funder": "jsps"});
    let refused = c.admin.post(app, "/api/v1/funding", &body).await;
    let problem = expect_problem(&refused, 422);
    assert_eq!(problem["errors"][0]["field"], "title", "{problem}");
}

#[tokio::test]
async fn nul_characters_in_bodies_are_422_on_sqlite() {
    nul_characters_in_bodies(&spawn_app().await).await;
}

#[tokio::test]
async fn nul_characters_in_bodies_are_422_on_postgres() {
    if let Some(app) = spawn_app_on_postgres().await {
        nul_characters_in_bodies(&app).await;
    }
}
