//! `spawn_app`: the real router over a fresh database holding the Japan dataset.

#![allow(dead_code)]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use kizuna_core::{Registry, Store};
use kizuna_domain::Dataset;
use kizuna_storage::testing;
use kizuna_web::{AppState, WebSettings};
use tower::ServiceExt;

/// A running application, driven in-process.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub store: Arc<dyn Store>,
}

/// A response, read whole.
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

pub fn japan() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/japan.toml"
    ))
    .unwrap();
    let mut data: Dataset = toml::from_str(&text).unwrap();
    data.validate().unwrap();
    data
}

/// The app over a fresh SQLite file holding the Japan dataset.
pub async fn spawn_app() -> TestApp {
    app_on(testing::fresh_sqlite().await.unwrap()).await
}

/// The app over a fresh PostgreSQL database, when a server is configured.
pub async fn spawn_app_on_postgres() -> Option<TestApp> {
    Some(app_on(testing::fresh_postgres().await?.unwrap()).await)
}

pub async fn app_on(store: Arc<dyn Store>) -> TestApp {
    let registry = Registry::new(store.clone());
    registry.load_dataset(&japan(), "test").await.unwrap();
    let state = AppState::new(registry, WebSettings::default())
        .await
        .unwrap();
    TestApp {
        router: kizuna_web::router(state.clone()),
        state,
        store,
    }
}

impl TestApp {
    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// GETs a JSON document, asserting 200.
    pub async fn json(&self, uri: &str) -> serde_json::Value {
        let response = self.get(uri).await;
        assert_eq!(response.status, StatusCode::OK, "{uri}: {}", response.body);
        response.json()
    }

    pub fn registry(&self) -> Registry {
        Registry::new(self.store.clone())
    }
}

/// The ids of a list response's items.
pub fn ids(list: &serde_json::Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

/// An API token of a new viewer (the least a member of staff can be).
pub async fn viewer_token(app: &TestApp) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let email = format!("viewer-{n}@example.org").parse().unwrap();
    let hash = kizuna_core::credentials::hash_password("correct horse battery staple").unwrap();
    let user = app
        .store
        .create_user(&email, &hash, kizuna_domain::Role::Viewer, &[])
        .await
        .unwrap();
    let (token, token_hash) = kizuna_core::credentials::new_api_token();
    app.store
        .create_token(user.id, "tests", &token_hash)
        .await
        .unwrap();
    token
}

/// GETs `uri` with `Authorization: Bearer {token}`.
pub async fn get_with_token(app: &TestApp, token: &str, uri: &str) -> TestResponse {
    app.request(
        Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}
