//! `spawn_app`: the real router over a fresh database holding the Japan dataset;
//! `spawn_apps`: the same on every database the tests run on (SQLite, then
//! PostgreSQL), for `for app in spawn_apps().await { ... }`.

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

/// The databases tests run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The URL of a fresh database of this kind; `None` for PostgreSQL when its
    /// tests were turned off (`KIZUNA_TEST_POSTGRES=skip`), a panic when no
    /// server is configured.
    pub async fn fresh_url(self) -> Option<String> {
        match self {
            Backend::Sqlite => Some(testing::fresh_sqlite_url()),
            Backend::Postgres => testing::fresh_postgres_url().await,
        }
    }
}

/// Fresh database URLs, one per backend the tests run on.
pub async fn fresh_urls() -> Vec<(Backend, String)> {
    let mut urls = Vec::new();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        if let Some(url) = backend.fresh_url().await {
            urls.push((backend, url));
        }
    }
    urls
}

/// A running application, driven in-process.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub store: Arc<dyn Store>,
}

impl Drop for TestApp {
    /// Says which database a failing test body ran on (the loop over
    /// `spawn_apps` runs the same body twice).
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("(the failing test ran on {})", self.store.backend());
        }
    }
}

/// A response whose body is kept as bytes (downloads, binary files).
pub struct BytesResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
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

/// The app over a fresh PostgreSQL database; `None` only when PostgreSQL
/// tests were turned off (`KIZUNA_TEST_POSTGRES=skip`).
pub async fn spawn_app_on_postgres() -> Option<TestApp> {
    Some(app_on(testing::fresh_postgres().await?.unwrap()).await)
}

/// The app on every database the tests run on: SQLite, then PostgreSQL
/// (unless turned off with `KIZUNA_TEST_POSTGRES=skip`).
pub async fn spawn_apps() -> Vec<TestApp> {
    let mut apps = vec![spawn_app().await];
    apps.extend(spawn_app_on_postgres().await);
    apps
}

/// The app over `store`, after loading the Japan dataset into it.
pub async fn app_on(store: Arc<dyn Store>) -> TestApp {
    let registry = Registry::new(store.clone());
    registry.load_dataset(&japan(), "test").await.unwrap();
    node_on(store, WebSettings::default()).await
}

/// An application (one `kizuna serve`) over `store` as it is.
pub async fn node_on(store: Arc<dyn Store>, settings: WebSettings) -> TestApp {
    let state = AppState::new(Registry::new(store.clone()), settings)
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

    /// The page at `uri` for a browser asking for `accept` (`Accept-Language`).
    pub async fn get_accepting(&self, uri: &str, accept: &str) -> TestResponse {
        let request = Request::get(uri)
            .header("accept-language", accept)
            .body(Body::empty())
            .unwrap();
        self.request(request).await
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.request_bytes(request).await;
        TestResponse {
            status: response.status,
            headers: response.headers,
            body: String::from_utf8_lossy(&response.body).into_owned(),
        }
    }

    /// The response with its body exactly as sent.
    pub async fn request_bytes(&self, request: Request<Body>) -> BytesResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        BytesResponse {
            status,
            headers,
            body: body.to_vec(),
        }
    }

    /// A second node over the same database, with `settings`.
    pub async fn node(&self, settings: WebSettings) -> TestApp {
        node_on(self.store.clone(), settings).await
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

/// The markup inside a page's `<h1>`.
pub fn h1(body: &str) -> &str {
    let start = body.find("<h1").expect("an h1");
    let open = start + body[start..].find('>').unwrap() + 1;
    let end = open + body[open..].find("</h1>").unwrap();
    &body[open..end]
}

/// The Japan dataset with KI's SCHAC code, UW and `ki-uw`
/// ([`kizuna_interop::ewp::testing::UW_PARTNER`]) and `more` TOML records,
/// imported through the write path.
#[allow(dead_code)]
pub async fn with_ewp_partner(app: &TestApp, more: &str) {
    let mut data = japan();
    let ki = (data.organisations.iter_mut())
        .find(|o| o.id.as_str() == "ki")
        .unwrap();
    ki.identifiers.schac = Some("ki.se".into());
    let extra: Dataset = toml::from_str(&format!(
        "{}{more}",
        kizuna_interop::ewp::testing::UW_PARTNER
    ))
    .unwrap();
    data.organisations.extend(extra.organisations);
    data.agreements.extend(extra.agreements);
    let writer = kizuna_core::Writer::load(app.registry()).await.unwrap();
    writer.import(&mut data, "test").await.unwrap();
    app.state.refresh().await.unwrap();
}
