//! CSRF protection: the session token in forms and headers, `Origin` and
//! `Sec-Fetch-Site` checks, the sign-in form's own token, and the `Staff`
//! extractor (session or bearer token; bearer requests need no token).

#[path = "auth/browser.rs"]
mod browser;
mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::routing::get;
use axum::{Json, Router, middleware};
use browser::{Browser, PASSWORD, add_user, csrf_field, location};
use common::spawn_app;
use kizuna_core::credentials::new_api_token;
use kizuna_domain::Role;
use kizuna_web::AppState;
use kizuna_web::http::auth::Staff;
use kizuna_web::http::{csrf, session_store};

fn probe_router(state: AppState) -> Router {
    async fn who(staff: Staff) -> Json<serde_json::Value> {
        Json(serde_json::json!({"email": staff.user.email, "via": format!("{:?}", staff.via)}))
    }
    Router::new()
        .route("/who", get(who).post(who))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(session_store::layer(&state))
        .with_state(state)
}

#[tokio::test]
async fn staff_is_a_session_user_or_a_token_holder_and_tokens_need_no_csrf() {
    let mut app = spawn_app().await;
    let id = add_user(&app, "anna@ki.se", Role::Editor).await;
    let (token, hash) = new_api_token();
    app.store.create_token(id, "probe", &hash).await.unwrap();
    let mut browser = Browser::new();
    browser.login(&app, "anna@ki.se", PASSWORD).await;
    let page = browser.get(&app, "/admin").await;
    let session_token = csrf_field(&page.body);
    app.router = probe_router(app.state.clone());

    let me = browser.get(&app, "/who").await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.body);
    assert_eq!(me.json()["via"], "Session");

    let anonymous = app.get("/who").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.content_type(), "application/problem+json");
    // No session and no token: nothing to forge, so the answer is the handler's 401.
    let post = Request::post("/who")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(app.request(post).await.status, StatusCode::UNAUTHORIZED);

    let with_token = Request::post("/who")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, "https://elsewhere.example")
        .body(Body::from("{}"))
        .unwrap();
    let response = app.request(with_token).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(response.json()["via"], "Token");

    let json = |csrf: Option<&str>| {
        let mut r = Request::post("/who").header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = csrf {
            r = r.header("x-csrf-token", t);
        }
        r.body(Body::from("{}")).unwrap()
    };
    let refused = browser.send(&app, json(None)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.content_type(), "application/problem+json");
    assert!(
        refused
            .body
            .contains("This form has expired or came from another site")
    );
    assert_eq!(
        browser.send(&app, json(Some("wrong"))).await.status,
        StatusCode::FORBIDDEN
    );
    let accepted = browser.send(&app, json(Some(&session_token))).await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
}

#[tokio::test]
async fn logging_out_needs_the_token_and_a_same_site_request() {
    let app = spawn_app().await;
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

#[tokio::test]
async fn the_sign_in_form_itself_is_protected() {
    let app = spawn_app().await;
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
