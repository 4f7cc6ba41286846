//! A test browser for the staff side: one session cookie, a client
//! address, and the sign-in form; shared by `tests/auth.rs` and `tests/auth_csrf.rs`.

#![allow(dead_code)]

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use kizuna_core::credentials::hash_password;
use kizuna_domain::{Email, Role};

use crate::common::{TestApp, TestResponse};

pub const PASSWORD: &str = "correct horse battery staple";

pub async fn add_user(app: &TestApp, email: &str, role: Role) -> i64 {
    let email: Email = email.parse().unwrap();
    let hash = hash_password(PASSWORD).unwrap();
    app.store
        .create_user(&email, &hash, role, &[])
        .await
        .unwrap()
        .id
}

/// A browser: one cookie jar (just the session cookie) and a client address.
pub struct Browser {
    pub cookie: Option<String>,
    pub address: SocketAddr,
}

impl Browser {
    pub fn new() -> Self {
        Browser::at([192, 0, 2, 1])
    }

    pub fn at(ip: [u8; 4]) -> Self {
        Browser {
            cookie: None,
            address: SocketAddr::from((ip, 40000)),
        }
    }

    pub fn session_cookie(response: &TestResponse) -> Option<String> {
        response
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("kizuna_session="))
            .map(str::to_owned)
    }

    pub async fn send(&mut self, app: &TestApp, mut request: Request<Body>) -> TestResponse {
        if let Some(cookie) = &self.cookie {
            let pair = cookie.split(';').next().unwrap().to_owned();
            request
                .headers_mut()
                .insert(header::COOKIE, pair.parse().unwrap());
        }
        request.extensions_mut().insert(ConnectInfo(self.address));
        let response = app.request(request).await;
        if let Some(set) = Self::session_cookie(&response) {
            let expired = set.contains("Max-Age=0") || set.starts_with("kizuna_session=;");
            self.cookie = (!expired).then_some(set);
        }
        response
    }

    pub async fn get(&mut self, app: &TestApp, uri: &str) -> TestResponse {
        self.send(app, Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post_form(
        &mut self,
        app: &TestApp,
        uri: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(app, request).await
    }

    /// Opens the sign-in form and returns its CSRF token.
    pub async fn login_token(&mut self, app: &TestApp) -> String {
        let page = self.get(app, "/login").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        csrf_field(&page.body)
    }

    pub async fn login(&mut self, app: &TestApp, email: &str, password: &str) -> TestResponse {
        let token = self.login_token(app).await;
        let fields = [
            ("email", email),
            ("password", password),
            ("csrf", &token),
            ("next", ""),
        ];
        self.post_form(app, "/login", &fields).await
    }
}

pub fn csrf_field(html: &str) -> String {
    let start = html.find(r#"name="csrf" value=""#).expect("a csrf field") + 19;
    html[start..].split('"').next().unwrap().to_owned()
}

pub fn location(response: &TestResponse) -> &str {
    response.headers[header::LOCATION].to_str().unwrap()
}
