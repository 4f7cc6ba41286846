//! CSRF protection on the real router: the session token in forms and in
//! the API's `X-CSRF-Token` header, `Origin` and `Sec-Fetch-Site` checks, the
//! sign-in form's own token; bearer-token requests need none.

#[path = "auth/browser.rs"]
mod browser;
mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use browser::{Browser, PASSWORD, add_user, csrf_field, location};
use common::spawn_apps;
use kizuna_core::credentials::new_api_token;
use kizuna_domain::Role;

/// A JSON request as a signed-in page's script sends it: the session cookie
/// (added by the browser), `X-CSRF-Token` when given, `If-Match` when given.
fn json_request(
    method: &str,
    uri: &str,
    csrf: Option<&str>,
    if_match: Option<&str>,
    body: &serde_json::Value,
) -> Request<Body> {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = csrf {
        request = request.header("x-csrf-token", token);
    }
    if let Some(etag) = if_match {
        request = request.header(header::IF_MATCH, etag);
    }
    request.body(Body::from(body.to_string())).unwrap()
}

#[tokio::test]
async fn api_writes_with_a_session_need_its_token_and_bearer_tokens_do_not() {
    for app in spawn_apps().await {
        let id = add_user(&app, "anna@ki.se", Role::Admin).await;
        let (token, hash) = new_api_token();
        app.store.create_token(id, "probe", &hash).await.unwrap();
        let mut browser = Browser::new();
        browser.login(&app, "anna@ki.se", PASSWORD).await;
        let session_token = csrf_field(&browser.get(&app, "/admin").await.body);
        let contact = serde_json::json!({"name": "Hanako Yamada", "countries": ["JP"]});

        // The session is a staff credential on the real API...
        let internal = browser
            .get(&app, "/api/v1/contacts/per-nilsson/internal")
            .await;
        assert_eq!(internal.status, StatusCode::OK, "{}", internal.body);
        let etag = internal.headers[header::ETAG].to_str().unwrap().to_owned();
        let anonymous = app.get("/api/v1/contacts/per-nilsson/internal").await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(anonymous.content_type(), "application/problem+json");
        // No session and no token: nothing to forge, so the answer is the handler's 401.
        let post = json_request("POST", "/api/v1/contacts", None, None, &contact);
        assert_eq!(app.request(post).await.status, StatusCode::UNAUTHORIZED);

        // ...whose writes need the session's token, a missing or wrong one refused.
        let patch = serde_json::json!({"role": "Forged"});
        let uri = "/api/v1/contacts/per-nilsson";
        for csrf in [None, Some("wrong")] {
            let created = json_request("POST", "/api/v1/contacts", csrf, None, &contact);
            let refused = browser.send(&app, created).await;
            assert_eq!(
                refused.status,
                StatusCode::FORBIDDEN,
                "{csrf:?}: {}",
                refused.body
            );
            assert_eq!(refused.content_type(), "application/problem+json");
            assert!(
                refused
                    .body
                    .contains("This form has expired or came from another site")
            );
            let changed = json_request("PATCH", uri, csrf, Some(&etag), &patch);
            let refused = browser.send(&app, changed).await;
            assert_eq!(
                refused.status,
                StatusCode::FORBIDDEN,
                "{csrf:?}: {}",
                refused.body
            );
        }
        assert_ne!(app.json(uri).await["role"], "Forged", "nothing was written");
        assert_eq!(
            app.get("/api/v1/contacts/hanako-yamada").await.status,
            StatusCode::NOT_FOUND
        );
        let changed = json_request("PATCH", uri, Some(&session_token), Some(&etag), &patch);
        let accepted = browser.send(&app, changed).await;
        assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
        assert_eq!(app.json(uri).await["role"], "Forged");

        // A bearer token carries no ambient credential: no CSRF token, any origin.
        let mut with_token = json_request("POST", "/api/v1/contacts", None, None, &contact);
        let headers = with_token.headers_mut();
        headers.insert(
            header::AUTHORIZATION,
            format!("Bearer {token}").parse().unwrap(),
        );
        headers.insert(header::ORIGIN, "https://elsewhere.example".parse().unwrap());
        let created = app.request(with_token).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    }
}

#[tokio::test]
async fn logging_out_needs_the_token_and_a_same_site_request() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        let mut browser = Browser::new();
        browser.login(&app, "anna@ki.se", PASSWORD).await;
        let token = csrf_field(&browser.get(&app, "/admin").await.body);

        let missing = browser.post_form(&app, "/logout", &[]).await;
        assert_eq!(missing.status, StatusCode::FORBIDDEN);
        assert!(missing.body.contains(
            "This form has expired or came from another site; reload the page and try again."
        ));
        assert!(missing.content_type().starts_with("text/html"));
        let wrong = browser
            .post_form(&app, "/logout", &[("csrf", "forged")])
            .await;
        assert_eq!(wrong.status, StatusCode::FORBIDDEN);

        for (name, value) in [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ] {
            let request = Request::post("/logout")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::HOST, "kizuna.example")
                .header(name, value)
                .body(Body::from(format!("csrf={token}")))
                .unwrap();
            let response = browser.send(&app, request).await;
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{name}: {value}");
        }
        assert_eq!(
            browser.get(&app, "/admin").await.status,
            StatusCode::OK,
            "still signed in"
        );

        let request = Request::post("/logout")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "kizuna.example")
            .header(header::ORIGIN, "http://kizuna.example")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(format!("csrf={token}")))
            .unwrap();
        let cookie = browser.cookie.clone();
        let response = browser.send(&app, request).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/login?signed_out=1");
        browser.cookie = cookie;
        assert_eq!(
            browser.get(&app, "/admin").await.status,
            StatusCode::SEE_OTHER,
            "the session is gone from the database"
        );
    }
}

#[tokio::test]
async fn the_sign_in_form_itself_is_protected() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        let mut browser = Browser::new();
        browser.login_token(&app).await;
        let fields = [
            ("email", "anna@ki.se"),
            ("password", PASSWORD),
            ("csrf", "forged"),
        ];
        let response = browser.post_form(&app, "/login", &fields).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN);
        assert!(
            response
                .body
                .contains("This form has expired or came from another site")
        );
        assert!(
            response.body.contains("<form"),
            "the form comes back, with a fresh token"
        );

        let token = browser.login_token(&app).await;
        let body = serde_urlencoded::to_string([
            ("email", "anna@ki.se"),
            ("password", PASSWORD),
            ("csrf", &token),
        ])
        .unwrap();
        let request = Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "cross-site")
            .body(Body::from(body))
            .unwrap();
        assert_eq!(
            browser.send(&app, request).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            browser.get(&app, "/admin").await.status,
            StatusCode::SEE_OTHER
        );
    }
}
