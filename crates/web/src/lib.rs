//! Kizuna's web edge: public pages, the JSON API, assets, health and metrics,
//! and `launch`, which serves them until told to stop.

pub mod api;
mod assets;
pub mod atlas;
pub mod cache;
pub mod country_names;
pub mod embed;
mod error;
pub mod ewp_node;
pub mod finder;
mod health;
pub mod http;
pub mod markdown;
pub mod pages;
pub mod staff;
mod state;
pub mod templates;
pub mod writer;

use std::future::Future;

use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware;
use axum::routing::{any, get};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{AppError, Problem};
pub use staff::oidc::{OidcConfig, OidcProvider, SignOnSettings};
pub use state::{AppState, WebSettings};

/// Every route of the application with its middleware.
pub fn router(state: AppState) -> Router {
    let (api, openapi) = api::router().split_for_parts();
    let settings = state.settings().clone();
    Router::new()
        .merge(staff::routes(state.clone()))
        .merge(pages::routes(state.clone()))
        .merge(embed::routes(state.clone()))
        .merge(api)
        .merge(ewp_node::routes(&state))
        .route("/api/openapi.json", get(api::openapi_json(openapi)))
        .route("/api/{*rest}", any(http::edge::api_not_found))
        .route("/assets/{*path}", get(assets::serve))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .layer(middleware::from_fn_with_state(state.clone(), http::csrf::protect))
        .layer(http::session_store::layer(&state))
        .layer(middleware::from_fn(health::track))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let route = request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
            tracing::info_span!("request", method = %request.method(), route = route.as_deref().unwrap_or("unmatched"), uri = %request.uri())
        }))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, settings.request_timeout))
        // `limit_body` sets every route's limit; axum's own 2 MB cap on its
        // extractors would otherwise undercut the larger limit of uploads.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(middleware::from_fn_with_state(state.clone(), http::edge::limit_body))
        .layer(middleware::from_fn_with_state(state.clone(), http::edge::shape_errors))
        .layer(middleware::from_fn_with_state(http::framing::FramePolicy::new(&settings), http::framing::frame_headers))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        // Outermost, so error pages and problem documents speak the page's language too.
        .layer(middleware::from_fn_with_state(settings.default_lang, http::lang::negotiate))
        // A kept answer's own gzip form; other text is compressed on the way out.
        .layer(middleware::from_fn(http::compression::send_precompressed))
        .layer(http::compression::layer())
        .with_state(state)
}

/// Serves the application on `listener` until `shutdown` completes, then
/// finishes the requests in flight.
pub async fn launch(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let follower = state.spawn_follower();
    let pruner = http::session_store::spawn_pruner(&state);
    let app = router(state);
    // The peer address is what sign-in throttling counts per client.
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    follower.abort();
    pruner.abort();
    served
}
