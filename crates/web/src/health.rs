//! Liveness, readiness and Prometheus metrics.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::AppState;

/// `GET /healthz`: the process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: the database answers.
pub async fn readyz(State(state): State<AppState>) -> Response {
    match state.registry().store().ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// The process-wide Prometheus recorder (installed once, shared by every app).
fn prometheus() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ])
            .expect("fixed buckets are valid")
            .build_recorder();
        let handle = recorder.handle();
        // A recorder installed by an embedding program wins; ours then stays empty.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// `GET /metrics`: request counts and latencies, then the registry's revision
/// and how many *public* records it holds (`/metrics` is public: counts of
/// internal records would tell anyone how much staff keep out of sight).
pub async fn metrics(State(state): State<AppState>) -> String {
    let public = state.public_snapshot().await;
    let mut text = prometheus().render();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    // Written per request from this application's own snapshot rather than
    // as process-wide gauges, which several applications in one process
    // (tests, embedders) would overwrite for each other.
    let gauges = [
        (
            "kizuna_revision",
            "The registry revision this node has caught up with.",
            public.revision,
        ),
        (
            "kizuna_organisations",
            "Public organisations.",
            public.organisations.len() as i64,
        ),
        (
            "kizuna_agreements",
            "Public agreements.",
            public.agreements.len() as i64,
        ),
    ];
    for (name, help, value) in gauges {
        text.push_str(&format!(
            "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n"
        ));
    }
    text
}

/// Counts requests and their latency per route.
pub async fn track(request: Request, next: Next) -> Response {
    prometheus();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let labels = [
        ("method", method),
        ("route", route),
        ("status", response.status().as_u16().to_string()),
    ];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}
