//! Bad text through the real router: control characters, malformed web and
//! e-mail addresses and overlong texts are a 422 problem naming every field
//! (never a 500 on PostgreSQL, never a broken Atom feed), and the back
//! office shows the same problems next to their fields.

mod common;
mod writers;

use axum::http::StatusCode;
use common::{TestApp, TestResponse, spawn_app, spawn_app_on_postgres};
use kizuna_domain::Role;
use serde_json::{Value, json};
use writers::{cast, etag, expect, expect_problem};

#[path = "auth/browser.rs"]
mod browser;
#[path = "admin/support.rs"]
#[allow(dead_code)]
mod support;

/// The fields a 422 problem names, sorted.
fn fields(response: &TestResponse) -> Vec<String> {
    let problem = expect_problem(response, 422);
    let mut f: Vec<String> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    f.sort();
    f
}

/// One record per collection with bad text, and the fields to be named.
fn bad_records() -> Vec<(&'static str, Value, Vec<&'static str>)> {
    let nul = "a\u{0}b";
    vec![
        (
            "organisations",
            json!({"kind": "education", "country": "JP", "city": nul,
                "website": "https://x y", "notes": "fine\r\nnotes",
                "names": [{"value": "N".repeat(200_000), "kind": "display"}]}),
            vec!["city", "names[0].value", "website"],
        ),
        (
            "agreements",
            json!({"kind": "mou", "level": "central", "title": "Two\r\nlines",
                "parties": [{"organisation": "ki"}, {"organisation": "riken"}],
                "research_fields": [nul], "internal_notes": "\u{1b}[2J"}),
            vec!["internal_notes", "research_fields[0]", "title"],
        ),
        (
            "programmes",
            json!({"kind": "course", "title": nul, "partners": ["utokyo"],
                "description": "x".repeat(100_001)}),
            vec!["description", "title"],
        ),
        (
            "funding",
            json!({"kind": "award", "title": "Award\u{7f}", "url": "https://\"><script>",
                "eligibility": "Anyone\n\twith a tab"}),
            vec!["title", "url"],
        ),
        (
            "contacts",
            json!({"name": nul, "email": "a@b.c\"><script>", "role": "C1\u{90}"}),
            vec!["email", "name", "role"],
        ),
    ]
}

async fn refused_everywhere(app: &TestApp) {
    let c = cast(app).await;
    for (collection, body, expected) in bad_records() {
        let uri = format!("/api/v1/{collection}");
        let response = c.admin.post(app, &uri, &body).await;
        assert_eq!(fields(&response), expected, "{collection}");
        let problem = response.json();
        let messages: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["message"].as_str().unwrap())
            .collect();
        assert!(messages.iter().all(|m| !m.is_empty()), "{problem}");
    }
    // A patch is held to the same rules.
    let current = c
        .admin
        .get(app, "/api/v1/contacts/per-nilsson/internal")
        .await;
    let patch = json!({"phone": "+46\u{0}8", "role": "x".repeat(501)});
    let response = c
        .admin
        .patch(app, "/api/v1/contacts/per-nilsson", etag(&current), &patch)
        .await;
    assert_eq!(fields(&response), ["phone", "role"]);

    // Nothing reached the store: the change feed carries none of it, and is XML.
    let feed = app.get("/feeds/changes.atom").await;
    expect(&feed, 200);
    assert!(!feed.body.contains('\u{0}') && !feed.body.contains("Award\u{7f}"));
    let mut reader = quick_xml::Reader::from_str(&feed.body);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the feed is not well-formed: {e}"),
        }
    }
    // Multi-line text keeps its line breaks.
    let fine = json!({"kind": "award", "title": "Fine award",
        "eligibility": "Line one\r\nline two\twith a tab"});
    let created = c.admin.post(app, "/api/v1/funding", &fine).await;
    expect(&created, 201);
    assert_eq!(
        created.json()["eligibility"],
        "Line one\r\nline two\twith a tab"
    );
}

#[tokio::test]
async fn bad_text_is_a_422_naming_every_field() {
    refused_everywhere(&spawn_app().await).await;
}

#[tokio::test]
async fn bad_text_is_a_422_naming_every_field_on_postgres() {
    if let Some(app) = spawn_app_on_postgres().await {
        refused_everywhere(&app).await;
    }
}

/// The error message the form shows under field `id` (`f-website`).
fn field_message<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!(r#"id="{id}-error""#))
        .unwrap_or_else(|| panic!("no message for {id}"));
    let rest = &html[start..];
    &rest[..rest.find("</p>").unwrap()]
}

#[tokio::test]
async fn the_back_office_form_shows_each_problem_next_to_its_field() {
    let app = spawn_app().await;
    let admin = support::signed_in(&app, Role::Admin).await;
    let uri = "/admin/organisations/utokyo";
    let mut form = support::form_fields(&support::get(&app, &admin, uri).await.body);
    support::set(&mut form, "website", "https://x y");
    support::set(&mut form, "city", "Tokyo\u{0}");
    let page = support::post(&app, &admin, uri, &form).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert!(
        field_message(&page.body, "f-website").contains("is not a web address"),
        "{}",
        field_message(&page.body, "f-website")
    );
    assert!(
        field_message(&page.body, "f-city").contains("control character"),
        "{}",
        field_message(&page.body, "f-city")
    );
    let stored = app.json("/api/v1/organisations/utokyo").await;
    assert_eq!(stored["city"], "Tokyo", "nothing was saved");

    let uri = "/admin/contacts/per-nilsson";
    let mut form = support::form_fields(&support::get(&app, &admin, uri).await.body);
    support::set(&mut form, "email", "a@b.c\"><script>");
    let page = support::post(&app, &admin, uri, &form).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert!(
        field_message(&page.body, "f-email").contains("is not an e-mail address"),
        "{}",
        field_message(&page.body, "f-email")
    );
    assert!(!page.body.contains("\"><script>"), "the value is escaped");
}
