//! Erasmus Without Paper in the back office and the API: a partner's file is
//! uploaded (multipart, CSRF-protected, no script), previewed, and recorded
//! only on confirm; the agreement's page shows the exchange and approves the
//! partner's copy; the staff JSON carries `ewp_status` and the list filters by
//! `ewp_state` for staff only; nothing of it is public. On SQLite and PostgreSQL.

#[path = "auth/browser.rs"]
mod browser;
mod common;
#[path = "admin/support.rs"]
#[allow(dead_code)]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use browser::{Browser, PASSWORD, add_user, csrf_field};
use common::{TestApp, TestResponse, spawn_app, spawn_app_on_postgres, with_ewp_partner};
use kizuna_domain::{Agreement, Role};
use kizuna_interop::ewp::testing::uw_copy;
use serde_json::{Value, json};
use support::{assert_labelled, attr, get, location, send, tags, unescape};

const BOUNDARY: &str = "kizuna-test-boundary";

/// A multipart upload of `xml` as `file`, with a `csrf` field when given.
fn upload(csrf: Option<&str>, xml: &str) -> Request<Body> {
    let mut body = String::new();
    if let Some(token) = csrf {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"uw.xml\"\r\n\
         Content-Type: application/xml\r\n\r\n{xml}\r\n--{BOUNDARY}--\r\n"
    ));
    Request::post("/admin/ewp/import")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap()
}

/// The fields of the preview's confirm form, as a browser sends them.
fn confirm_fields(html: &str) -> Vec<(String, String)> {
    let start = html
        .find("action=\"/admin/ewp/import/confirm\"")
        .expect("a confirm form");
    let form = &html[start..start + html[start..].find("</form>").unwrap()];
    tags(form, "input")
        .into_iter()
        .filter_map(|(tag, _)| Some((attr(tag, "name")?, attr(tag, "value")?)))
        .collect()
}

fn form_post(uri: &str, fields: &[(String, String)]) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(fields).unwrap()))
        .unwrap()
}

async fn stored(app: &TestApp) -> kizuna_core::Versioned<Agreement> {
    app.registry()
        .get::<Agreement>("ki-uw")
        .await
        .unwrap()
        .unwrap()
}

#[track_caller]
fn expect(response: &TestResponse, status: StatusCode) {
    assert_eq!(response.status, status, "{}", response.body);
}

#[tokio::test]
async fn a_browser_uploads_previews_and_confirms_without_script() {
    let app = spawn_app().await;
    with_ewp_partner(&app, "").await;
    add_user(&app, "boss@ki.se", Role::Admin).await;
    let mut browser = Browser::new();
    browser.login(&app, "boss@ki.se", PASSWORD).await;
    let page = browser.get(&app, "/admin/ewp/import").await;
    expect(&page, StatusCode::OK);
    assert_labelled("/admin/ewp/import", &page.body);
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    let csrf = csrf_field(&page.body);

    // A forged upload (no token) is refused before anything is read.
    let forged = browser.send(&app, upload(None, &uw_copy(3))).await;
    expect(&forged, StatusCode::FORBIDDEN);
    assert!(forged.content_type().starts_with("text/html"));

    let revision = app.store.revision().await.unwrap();
    let preview = browser.send(&app, upload(Some(&csrf), &uw_copy(3))).await;
    expect(&preview, StatusCode::OK);
    let html = unescape(&preview.body);
    for text in [
        "IIA 1: the partner's iia-id <code>uw-77</code>",
        "Staff training KI – UW",
        "found by our iia-id in the partner's copy",
        "<code>places_per_year</code></td><td>2</td><td>3</td>",
        "<dt>valid-for-approval</dt><dd>yes</dd>",
    ] {
        assert!(html.contains(text), "{text:?} missing:\n{html}");
    }
    assert_eq!(preview.body.matches("<h1").count(), 1);
    assert_labelled("preview", &preview.body);
    assert_eq!(
        app.store.revision().await.unwrap(),
        revision,
        "a preview writes nothing"
    );

    // Confirmed with an older revision: the preview again, nothing written.
    let mut fields = confirm_fields(&preview.body);
    let mut stale = fields.clone();
    support::set(&mut stale, "revision", &(revision - 1).to_string());
    let refused = browser
        .send(&app, form_post("/admin/ewp/import/confirm", &stale))
        .await;
    expect(&refused, StatusCode::CONFLICT);
    assert!(
        refused
            .body
            .contains("The registry changed since this preview")
    );
    assert!(stored(&app).await.record.ewp.is_none());

    support::set(&mut fields, "csrf", &csrf);
    let done = browser
        .send(&app, form_post("/admin/ewp/import/confirm", &fields))
        .await;
    assert!(done.status.is_redirection(), "{}", done.body);
    assert_eq!(location(&done), "/admin/ewp/import?recorded=ki-uw");
    let saved = stored(&app).await;
    let exchange = saved.record.ewp.clone().unwrap();
    assert_eq!(exchange.partner_iia_id.as_deref(), Some("uw-77"));
    let history = app
        .store
        .history(kizuna_domain::RecordSet::Agreements, "ki-uw")
        .await
        .unwrap();
    assert_eq!(history.last().unwrap().actor, "boss@ki.se");

    // The agreement's page shows the exchange; approving is refused while the copies differ.
    let page = browser.get(&app, "/admin/agreements/ki-uw").await;
    expect(&page, StatusCode::OK);
    assert!(page.body.contains("ewp-partner_copy_differs"));
    assert!(page.body.contains("make the two copies agree first"));
    assert!(!page.body.contains("/ewp/approve"));
    let fields = vec![
        ("csrf".to_owned(), csrf.clone()),
        ("revision".to_owned(), saved.revision.to_string()),
    ];
    let refused = browser
        .send(
            &app,
            form_post("/admin/agreements/ki-uw/ewp/approve", &fields),
        )
        .await;
    expect(&refused, StatusCode::CONFLICT);
    assert!(refused.body.contains("make the two copies agree first"));
}

async fn approval_and_the_api(app: TestApp) {
    with_ewp_partner(&app, "").await;
    let admin = support::signed_in(&app, Role::Admin).await;
    let preview = send(&app, &admin, upload(Some(&admin.csrf), &uw_copy(2))).await;
    expect(&preview, StatusCode::OK);
    let confirm = send(
        &app,
        &admin,
        form_post("/admin/ewp/import/confirm", &confirm_fields(&preview.body)),
    )
    .await;
    assert!(confirm.status.is_redirection(), "{}", confirm.body);

    // The page offers the approval; approving goes through and warns of edits.
    let page = get(&app, &admin, "/admin/agreements/ki-uw").await;
    assert!(page.body.contains("ewp-partner_copy_matches"));
    assert!(
        page.body
            .contains("action=\"/admin/agreements/ki-uw/ewp/approve\"")
    );
    assert_labelled("/admin/agreements/ki-uw", &page.body);
    let revision = stored(&app).await.revision;
    let fields = vec![
        ("csrf".to_owned(), admin.csrf.clone()),
        ("revision".to_owned(), revision.to_string()),
    ];
    let approved = send(
        &app,
        &admin,
        form_post("/admin/agreements/ki-uw/ewp/approve", &fields),
    )
    .await;
    assert_eq!(location(&approved), "/admin/agreements/ki-uw?approved=1");
    let page = get(&app, &admin, "/admin/agreements/ki-uw?approved=1").await;
    assert!(unescape(&page.body).contains("Approved the partner's copy."));
    assert!(page.body.contains("Approved over Erasmus Without Paper"));
    assert!(page.body.contains("ewp-approved_by_us"));

    // Staff JSON: the stored exchange and the derived status with its warning.
    let internal = send(
        &app,
        &admin,
        Request::get("/api/v1/agreements/ki-uw/internal")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    expect(&internal, StatusCode::OK);
    let doc = internal.json();
    assert_eq!(doc["ewp"]["partner_iia_id"], "uw-77");
    assert_eq!(doc["ewp_status"]["state"], "approved_by_us");
    assert_eq!(doc["ewp_status"]["our_iia_id"], "ki-uw");
    assert!(
        doc["ewp_status"]["warning"]
            .as_str()
            .unwrap()
            .contains("approved over EWP")
    );

    // Never public.
    let public = app.json("/api/v1/agreements/ki-uw").await;
    assert!(
        public.get("ewp").is_none() && public.get("ewp_status").is_none(),
        "{public}"
    );
    let list = app.json("/api/v1/agreements?partner=uw").await;
    assert!(list["items"][0].get("ewp").is_none(), "{list}");
    let anonymous = app.get("/api/v1/agreements?ewp_state=approved_by_us").await;
    expect(&anonymous, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.content_type(), "application/problem+json");

    // Staff filter by state.
    let by_state = |state: &'static str| {
        Request::get(format!("/api/v1/agreements?ewp_state={state}"))
            .body(Body::empty())
            .unwrap()
    };
    let found = send(&app, &admin, by_state("approved_by_us")).await.json();
    assert_eq!(common::ids(&found), ["ki-uw"]);
    assert_eq!(found["items"][0]["ewp_status"]["state"], "approved_by_us");
    let none = send(&app, &admin, by_state("approved_by_both"))
        .await
        .json();
    assert_eq!(none["total"], 0);
    let others = send(&app, &admin, by_state("not_exchanged")).await.json();
    assert!(!common::ids(&others).contains(&"ki-uw".to_owned()));
    assert!(others["total"].as_u64().unwrap() >= 4);
    expect(
        &send(&app, &admin, by_state("approved")).await,
        StatusCode::BAD_REQUEST,
    );

    // Sent back as read, the record keeps its exchange; an edit of the
    // conditions makes the approval stale, and the answer says so.
    let mut body: Value = doc.clone();
    body["ewp"] = json!({"partner_iia_id": "forged"});
    let etag = stored(&app).await.revision;
    let put = send(
        &app,
        &admin,
        Request::put("/api/v1/agreements/ki-uw")
            .header("x-csrf-token", &admin.csrf)
            .header(header::IF_MATCH, format!("\"{etag}\""))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await;
    expect(&put, StatusCode::OK);
    assert_eq!(put.json()["ewp"]["partner_iia_id"], "uw-77");
    assert_eq!(put.json()["ewp_status"]["state"], "approved_by_us");
    let etag = stored(&app).await.revision;
    let patch = json!({"conditions": [{"direction": "outgoing", "mobility": "staff_training",
        "places_per_year": 4, "first_year": 2027, "last_year": 2028}]});
    let patched = send(
        &app,
        &admin,
        Request::patch("/api/v1/agreements/ki-uw")
            .header("x-csrf-token", &admin.csrf)
            .header(header::IF_MATCH, format!("\"{etag}\""))
            .header(header::CONTENT_TYPE, "application/merge-patch+json")
            .body(Body::from(patch.to_string()))
            .unwrap(),
    )
    .await;
    expect(&patched, StatusCode::OK);
    let status = &patched.json()["ewp_status"];
    assert_eq!(status["state"], "changed_since_approval");
    assert!(
        status["warning"]
            .as_str()
            .unwrap()
            .contains("no longer holds")
    );
    assert_eq!(status["differences"][0]["field"], "places_per_year");

    // The partner's approval of ours, read from their approval response.
    let ours = status["our_hash"].as_str().unwrap().to_owned();
    let approvals = format!(
        "<iias-approval-response><approval><iia-id>ki-uw</iia-id><iia-hash>{ours}</iia-hash>\
         </approval></iias-approval-response>"
    );
    let preview = send(&app, &admin, upload(Some(&admin.csrf), &approvals)).await;
    expect(&preview, StatusCode::OK);
    let html = unescape(&preview.body);
    assert!(
        html.contains("Approval 1: our iia-id <code>ki-uw</code>"),
        "{html}"
    );
    assert!(html.contains("the same: the approval holds"), "{html}");
    let confirm = send(
        &app,
        &admin,
        form_post("/admin/ewp/import/confirm", &confirm_fields(&preview.body)),
    )
    .await;
    assert!(confirm.status.is_redirection(), "{}", confirm.body);
    let approved = stored(&app).await.record.ewp.unwrap().partner_approval;
    assert_eq!(approved.map(|a| a.hash), Some(ours));

    // The dashboard lists it as waiting for us (our own approval went stale).
    let dashboard = get(&app, &admin, "/admin").await;
    let html = unescape(&dashboard.body);
    assert!(html.contains("<a href=\"/admin/agreements/ki-uw\">Staff training KI – UW</a> <span class=\"badge ewp-changed_since_approval\">"), "{html}");
}

#[tokio::test]
async fn approval_and_the_api_on_sqlite() {
    approval_and_the_api(spawn_app().await).await;
}

#[tokio::test]
async fn approval_and_the_api_on_postgres() {
    if let Some(app) = spawn_app_on_postgres().await {
        approval_and_the_api(app).await;
    }
}

#[tokio::test]
async fn unreadable_uploads_are_shown_on_the_form() {
    let app = spawn_app().await;
    let admin = support::signed_in(&app, Role::Admin).await;
    // An agreement that was never exchanged and cannot be an IIA has no EWP panel.
    let page = get(&app, &admin, "/admin/agreements/riken-phd-exchange").await;
    expect(&page, StatusCode::OK);
    assert!(!page.body.contains("id=\"ewp-h\""));
    for (xml, message) in [
        ("", "Choose the partner"),
        ("<dataset/>", "not an &lt;iias-get-response&gt;"),
        ("<iias-get-response>", "not well-formed XML"),
    ] {
        let page = send(&app, &admin, upload(Some(&admin.csrf), xml)).await;
        expect(&page, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains(message), "{message}: {}", page.body);
        assert_labelled("upload error", &page.body);
    }
    // Without KI's SCHAC code no copy can be placed: the preview says so and offers no confirm.
    let page = send(&app, &admin, upload(Some(&admin.csrf), &uw_copy(2))).await;
    expect(&page, StatusCode::OK);
    assert!(
        page.body
            .contains("the home organisation has no SCHAC code")
    );
    assert!(!page.body.contains("/admin/ewp/import/confirm"));
}
