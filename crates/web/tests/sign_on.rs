//! Single sign-on's edge through the router in-process: what `/login` offers,
//! password sign-in turned off, and the refusals that need no provider (an
//! unreachable one, an answer to a sign-in never started). The whole flow
//! against a real provider is `tests/browser/oidc.test.js`.

#[path = "auth/browser.rs"]
mod browser;
mod common;

use axum::http::StatusCode;
use browser::{Browser, PASSWORD, add_user, location};
use common::{TestApp, spawn_apps};
use kizuna_domain::Role;
use kizuna_web::{OidcConfig, OidcProvider, SignOnSettings, WebSettings};

/// A provider nothing listens for (port 1 on the loopback refuses at once).
fn unreachable_provider() -> OidcProvider {
    OidcProvider::new(OidcConfig {
        issuer: "http://127.0.0.1:1".to_owned(),
        client_id: "kizuna".to_owned(),
        client_secret: None,
        redirect_url: "http://127.0.0.1:8080/login/oidc/callback".to_owned(),
        role_claim: "groups".to_owned(),
        scopes: vec!["email".to_owned()],
        roles: toml::from_str(r#""kizuna-admins" = { role = "admin" }"#).unwrap(),
    })
    .unwrap()
}

async fn node_with(app: &TestApp, password_login: bool) -> TestApp {
    app.node(WebSettings {
        sign_on: SignOnSettings {
            password_login,
            oidc: Some(unreachable_provider()),
        },
        ..WebSettings::default()
    })
    .await
}

#[tokio::test]
async fn login_offers_single_sign_on_only_when_configured() {
    for app in spawn_apps().await {
        let plain = app.get("/login").await;
        assert!(!plain.body.contains("/login/oidc"), "{}", plain.body);
        assert!(plain.body.contains(r#"name="password""#));
        assert_eq!(
            app.get("/login/oidc").await.status,
            StatusCode::NOT_FOUND,
            "nothing to start without a provider"
        );

        let both = node_with(&app, true).await;
        let page = both.get("/login?next=/admin/agreements").await;
        assert!(
            page.body
                .contains(r#"href="/login/oidc?next=&#x2f;admin&#x2f;agreements""#),
            "{}",
            page.body
        );
        assert!(page.body.contains(r#"name="password""#));
    }
}

#[tokio::test]
async fn password_sign_in_can_be_turned_off() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        let sso_only = node_with(&app, false).await;
        let page = sso_only.get("/login").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("/login/oidc"));
        assert!(!page.body.contains(r#"name="password""#), "{}", page.body);

        let mut browser = Browser::new();
        browser.get(&sso_only, "/login").await;
        let fields = [
            ("email", "anna@ki.se"),
            ("password", PASSWORD),
            ("csrf", ""),
            ("next", ""),
        ];
        let refused = browser.post_form(&sso_only, "/login", &fields).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(
            refused
                .body
                .contains("Signing in with a password is turned off"),
            "{}",
            refused.body
        );
        assert_eq!(
            browser.get(&sso_only, "/admin").await.status,
            StatusCode::SEE_OTHER,
            "no session was made"
        );
        // The same password still works where passwords are on.
        let on = Browser::new().login(&app, "anna@ki.se", PASSWORD).await;
        assert_eq!(on.status, StatusCode::SEE_OTHER);
        assert_eq!(location(&on), "/admin");
    }
}

#[tokio::test]
async fn an_unreachable_provider_is_reported_on_the_sign_in_page() {
    for app in spawn_apps().await {
        let node = node_with(&app, true).await;
        let page = node.get("/login/oidc?next=/admin").await;
        assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            page.body.contains("cannot be reached just now"),
            "{}",
            page.body
        );
        assert!(page.body.contains(r#"role="alert""#));
    }
}

#[tokio::test]
async fn an_answer_to_no_started_sign_in_is_refused() {
    for app in spawn_apps().await {
        let node = node_with(&app, true).await;
        let page = node
            .get("/login/oidc/callback?code=stolen&state=guessed")
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        assert!(
            page.body.contains("was not started in this browser"),
            "{}",
            page.body
        );
        assert!(app.store.list_users().await.unwrap().is_empty());
    }
}
