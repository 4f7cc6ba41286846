//! Signing in and out, login throttling, session cookies, sessions shared
//! by every node, and the staff dashboard, through the router in-process.

#[path = "auth/browser.rs"]
mod browser;
mod common;

use axum::http::StatusCode;
use browser::{Browser, PASSWORD, add_user, csrf_field, location};
use common::{TestApp, spawn_apps};
use kizuna_core::UserPatch;
use kizuna_domain::Role;
use kizuna_web::WebSettings;
use kizuna_web::http::session_store;

#[tokio::test]
async fn signing_in_sets_a_session_cookie_and_opens_the_dashboard() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Viewer).await;
        let mut browser = Browser::new();
        browser.login_token(&app).await;
        let before = browser.cookie.clone().expect("the form starts a session");
        let response = browser.login(&app, "Anna@KI.se", PASSWORD).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
        assert_eq!(location(&response), "/admin");
        let after = browser.cookie.clone().unwrap();
        assert_ne!(
            before.split(';').next(),
            after.split(';').next(),
            "the session id changes on sign-in"
        );
        let page = browser.get(&app, "/admin").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        for text in [
            "<h1>Dashboard</h1>",
            "anna@ki.se",
            "Sign out",
            "Expiring within 180 days",
            "Drafts",
            "Agreements by partner country",
            "<th scope=\"row\">Japan</th>",
            "href=\"/admin/agreements/",
            "aria-label=\"Back office\"",
        ] {
            assert!(
                page.body.contains(text),
                "{text} missing from the dashboard"
            );
        }
        assert!(
            !csrf_field(&page.body).is_empty(),
            "the sign-out form has a token"
        );
        browser.cookie = Some(before);
        let stale = browser.get(&app, "/admin").await;
        assert_eq!(
            stale.status,
            StatusCode::SEE_OTHER,
            "the id from before sign-in is dead"
        );
    }
}

#[tokio::test]
async fn next_is_followed_only_to_local_paths() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        for (next, expected) in [
            (
                "/admin/agreements?status=draft",
                "/admin/agreements?status=draft",
            ),
            ("https://evil.example/", "/admin"),
            ("//evil.example/", "/admin"),
        ] {
            let mut browser = Browser::new();
            let token = browser.login_token(&app).await;
            let fields = [
                ("email", "anna@ki.se"),
                ("password", PASSWORD),
                ("csrf", &token),
                ("next", next),
            ];
            let response = browser.post_form(&app, "/login", &fields).await;
            assert_eq!(response.status, StatusCode::SEE_OTHER);
            assert_eq!(location(&response), expected);
        }
    }
}

#[tokio::test]
async fn the_admin_pages_send_strangers_to_the_sign_in_form() {
    for app in spawn_apps().await {
        let response = app.get("/admin").await;
        assert_eq!(response.status, StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/login?next=%2Fadmin");
        let form = app.get("/login?next=%2Fadmin").await;
        // minijinja escapes `/` in HTML as `&#x2f;`.
        assert!(
            form.body.contains(r#"name="next" value="&#x2f;admin""#),
            "{}",
            form.body
        );
        for label in [
            r#"<label for="login-email">"#,
            r#"<label for="login-password">"#,
        ] {
            assert!(form.body.contains(label), "{label}");
        }
    }
}

#[tokio::test]
async fn a_wrong_password_or_unknown_account_gets_the_form_back_and_no_session() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        for email in ["anna@ki.se", "nobody@ki.se"] {
            let mut browser = Browser::new();
            let response = browser.login(&app, email, "not the password at all").await;
            assert_eq!(response.status, StatusCode::UNAUTHORIZED);
            assert!(
                response
                    .body
                    .contains("The e-mail address or the password is not right.")
            );
            assert!(
                response
                    .body
                    .contains(r#"aria-describedby="login-password-error""#)
            );
            assert!(
                response.body.contains(&format!(r#"value="{email}""#)),
                "the address is kept"
            );
            let admin = browser.get(&app, "/admin").await;
            assert_eq!(admin.status, StatusCode::SEE_OTHER, "no one is signed in");
        }
        let mut browser = Browser::new();
        let response = browser.login(&app, "not an address", PASSWORD).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .body
                .contains("Enter an e-mail address like name@example.org.")
        );
    }
}

#[tokio::test]
async fn the_sixth_attempt_on_an_account_is_refused_even_with_the_right_password() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        // Failures from several addresses: the account's count is what locks it.
        for i in 0..5u8 {
            let mut browser = Browser::at([198, 51, 100, i]);
            let response = browser.login(&app, "anna@ki.se", "a wrong password").await;
            assert_eq!(
                response.status,
                StatusCode::UNAUTHORIZED,
                "attempt {}",
                i + 1
            );
        }
        let mut browser = Browser::at([203, 0, 113, 9]);
        let response = browser.login(&app, "anna@ki.se", PASSWORD).await;
        assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(
            response
                .body
                .contains("Too many failed sign-ins; try again in 15 minutes."),
            "{}",
            response.body
        );
        assert_eq!(
            browser.get(&app, "/admin").await.status,
            StatusCode::SEE_OTHER
        );

        // Old failures count for less: five failures ten minutes ago lock for five more.
        add_user(&app, "bo@ki.se", Role::Admin).await;
        let ten_minutes_ago = chrono::Utc::now() - chrono::Duration::minutes(10);
        for _ in 0..5 {
            app.store
                .record_login_failure("account:bo@ki.se", ten_minutes_ago)
                .await
                .unwrap();
        }
        let response = browser.login(&app, "bo@ki.se", PASSWORD).await;
        assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(
            response.body.contains("try again in 5 minutes"),
            "{}",
            response.body
        );
    }
}

#[tokio::test]
async fn a_success_clears_the_accounts_failures() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        let mut browser = Browser::new();
        for _ in 0..4 {
            let response = browser.login(&app, "anna@ki.se", "a wrong password").await;
            assert_eq!(response.status, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(
            browser.login(&app, "anna@ki.se", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
        for _ in 0..4 {
            let response = browser.login(&app, "anna@ki.se", "a wrong password").await;
            assert_eq!(response.status, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(
            browser.login(&app, "anna@ki.se", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn an_address_with_twenty_failures_is_refused_for_every_account() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        let mut attacker = Browser::at([198, 51, 100, 7]);
        for i in 0..20 {
            // Four guesses per account: no single account gets locked.
            let email = format!("guess{}@ki.se", i / 4);
            let response = attacker.login(&app, &email, "password123456").await;
            assert_eq!(
                response.status,
                StatusCode::UNAUTHORIZED,
                "attempt {}",
                i + 1
            );
        }
        let response = attacker.login(&app, "anna@ki.se", PASSWORD).await;
        assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(
            response
                .body
                .contains("Too many failed sign-ins; try again in")
        );
        let mut colleague = Browser::at([198, 51, 100, 8]);
        let response = colleague.login(&app, "anna@ki.se", PASSWORD).await;
        assert_eq!(
            response.status,
            StatusCode::SEE_OTHER,
            "other addresses are not locked"
        );
    }
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in_and_its_sessions_end() {
    for app in spawn_apps().await {
        let id = add_user(&app, "anna@ki.se", Role::Admin).await;
        let mut signed_in = Browser::new();
        assert_eq!(
            signed_in.login(&app, "anna@ki.se", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
        let disable = UserPatch {
            disabled: Some(true),
            ..UserPatch::default()
        };
        app.store.update_user(id, &disable).await.unwrap();

        let mut browser = Browser::new();
        let response = browser.login(&app, "anna@ki.se", PASSWORD).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN);
        assert!(response.body.contains("This account is disabled"));
        assert_eq!(
            browser.get(&app, "/admin").await.status,
            StatusCode::SEE_OTHER
        );

        let admin = signed_in.get(&app, "/admin").await;
        assert_eq!(
            admin.status,
            StatusCode::SEE_OTHER,
            "a disabled account's session ends"
        );
    }
}

/// A small router with the real layers and a JSON route that needs [`Staff`].
#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax() {
    for app in spawn_apps().await {
        add_user(&app, "anna@ki.se", Role::Admin).await;
        let mut browser = Browser::new();
        let response = browser.login(&app, "anna@ki.se", PASSWORD).await;
        let cookie = Browser::session_cookie(&response).unwrap();
        for flag in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=28800"] {
            assert!(cookie.contains(flag), "{flag} missing: {cookie}");
        }
        assert!(
            !cookie.contains("Secure"),
            "plain HTTP by default: {cookie}"
        );

        let settings = WebSettings {
            secure_cookies: true,
            ..WebSettings::default()
        };
        let secure = app.node(settings).await;
        let form = secure.get("/login").await;
        let cookie = Browser::session_cookie(&form).unwrap();
        assert!(
            cookie.contains("Secure") && cookie.contains("HttpOnly"),
            "{cookie}"
        );
    }
}

async fn sessions_are_shared(app: TestApp) {
    add_user(&app, "anna@ki.se", Role::Admin).await;
    let other = app.node(WebSettings::default()).await;
    let mut browser = Browser::new();
    assert_eq!(
        browser.login(&app, "anna@ki.se", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = browser.get(&other, "/admin").await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "the other node knows the session"
    );
    let token = csrf_field(&page.body);
    let out = browser
        .post_form(&other, "/logout", &[("csrf", &token)])
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        browser.get(&app, "/admin").await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn sessions_survive_across_two_nodes_on_one_database() {
    for app in spawn_apps().await {
        sessions_are_shared(app).await;
    }
}

#[tokio::test]
async fn expired_sessions_are_pruned() {
    for app in spawn_apps().await {
        let past = chrono::Utc::now() - chrono::Duration::minutes(1);
        let future = chrono::Utc::now() + chrono::Duration::hours(1);
        app.store.session_save("old", "{}", past).await.unwrap();
        app.store.session_save("live", "{}", future).await.unwrap();
        let (sessions, _) = session_store::prune(app.store.as_ref()).await.unwrap();
        assert_eq!(sessions, 1);
        assert!(app.store.session_load("live").await.unwrap().is_some());
    }
}
