//! Staff who write through the API: accounts with tokens, and requests that
//! carry a token, an `If-Match` and a JSON body.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use kizuna_core::credentials::{hash_password, new_api_token};
use kizuna_domain::{Role, Slug};
use serde_json::Value;

use crate::common::{TestApp, TestResponse};

/// An account and its API token.
pub struct Writer {
    pub email: String,
    pub token: String,
}

/// Creates an account with a token (an editor gets `units`).
pub async fn writer(app: &TestApp, email: &str, role: Role, units: &[&str]) -> Writer {
    let units: Vec<Slug> = units.iter().map(|u| u.parse().unwrap()).collect();
    let hash = hash_password("correct horse battery staple").unwrap();
    let user = app
        .store
        .create_user(&email.parse().unwrap(), &hash, role, &units)
        .await
        .unwrap();
    let (token, token_hash) = new_api_token();
    app.store
        .create_token(user.id, "tests", &token_hash)
        .await
        .unwrap();
    Writer {
        email: email.to_owned(),
        token,
    }
}

/// The usual cast: an admin, an editor of `cmb`, a viewer.
pub struct Cast {
    pub admin: Writer,
    pub editor: Writer,
    pub viewer: Writer,
}

pub async fn cast(app: &TestApp) -> Cast {
    Cast {
        admin: writer(app, "admin@ki.se", Role::Admin, &[]).await,
        editor: writer(app, "cmb-editor@ki.se", Role::Editor, &["cmb"]).await,
        viewer: writer(app, "viewer@ki.se", Role::Viewer, &[]).await,
    }
}

/// Sends `method uri` with an optional token, `If-Match` revision and JSON body.
pub async fn send(
    app: &TestApp,
    method: &str,
    uri: &str,
    token: Option<&str>,
    if_match: Option<i64>,
    body: Option<&Value>,
) -> TestResponse {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if let Some(revision) = if_match {
        request = request.header(header::IF_MATCH, format!("\"{revision}\""));
    }
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    app.request(request.body(body).unwrap()).await
}

impl Writer {
    pub async fn post(&self, app: &TestApp, uri: &str, body: &Value) -> TestResponse {
        send(app, "POST", uri, Some(&self.token), None, Some(body)).await
    }

    pub async fn put(&self, app: &TestApp, uri: &str, rev: i64, body: &Value) -> TestResponse {
        send(app, "PUT", uri, Some(&self.token), Some(rev), Some(body)).await
    }

    pub async fn patch(&self, app: &TestApp, uri: &str, rev: i64, body: &Value) -> TestResponse {
        send(app, "PATCH", uri, Some(&self.token), Some(rev), Some(body)).await
    }

    pub async fn delete(&self, app: &TestApp, uri: &str, rev: i64) -> TestResponse {
        send(app, "DELETE", uri, Some(&self.token), Some(rev), None).await
    }

    pub async fn get(&self, app: &TestApp, uri: &str) -> TestResponse {
        send(app, "GET", uri, Some(&self.token), None, None).await
    }
}

/// The revision an `ETag` names.
pub fn etag(response: &TestResponse) -> i64 {
    let value = response
        .headers
        .get(header::ETAG)
        .unwrap_or_else(|| panic!("no ETag: {} {}", response.status, response.body))
        .to_str()
        .unwrap();
    value.trim_matches('"').parse().unwrap()
}

/// Asserts a status, showing the body when it differs.
#[track_caller]
pub fn expect(response: &TestResponse, status: u16) {
    assert_eq!(
        response.status,
        StatusCode::from_u16(status).unwrap(),
        "{}",
        response.body
    );
}

/// Asserts a problem document of this status.
#[track_caller]
pub fn expect_problem(response: &TestResponse, status: u16) -> Value {
    expect(response, status);
    assert_eq!(response.content_type(), "application/problem+json");
    let problem = response.json();
    assert_eq!(problem["status"], status);
    problem
}

/// An agreement administered by `home_unit` (`null` for central), KI–RIKEN,
/// signed a year ago and valid for three more: `active` on whatever day the
/// tests run (the expiring window is 180 days).
pub fn agreement(title: &str, home_unit: Option<&str>) -> Value {
    let (from, until) = active_period();
    serde_json::json!({
        "kind": "research",
        "level": if home_unit.is_some() { "department" } else { "central" },
        "title": title,
        "parties": [{"organisation": "ki"}, {"organisation": "riken", "role": "partner"}],
        "home_unit": home_unit,
        "signed_on": from,
        "valid_from": from,
        "valid_until": until,
        "education_levels": ["doctoral"],
        "notes": "Joint research.",
        "visibility": "public"
    })
}

/// From a year before today to three years after it, as `YYYY-MM-DD`.
pub fn active_period() -> (String, String) {
    let today = chrono::Utc::now().date_naive();
    let from = today - chrono::Days::new(365);
    let until = today + chrono::Days::new(3 * 365);
    (from.to_string(), until.to_string())
}
