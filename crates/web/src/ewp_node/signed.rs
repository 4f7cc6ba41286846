//! Reading a signed EWP request: its headers and body as the signature saw
//! them, verified against the catalogue, admitted once, with its parameters.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use kizuna_interop::ewp::httpsig::{self, Caller, Refusal, SignedRequest};
use kizuna_interop::ewp::manifest::error_response;

use crate::AppState;

/// A verified request: who called, and its parameters (query for GET, form body for POST).
pub struct Signed {
    /// The verified caller.
    pub caller: Caller,
    /// Every parameter, in order, repeated ones repeated.
    pub params: Vec<(String, String)>,
}

impl Signed {
    /// Every value of parameter `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.params
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Verifies `request` with the node's catalogue, or answers the refusal.
pub async fn verify(state: &AppState, request: Request) -> Result<Signed, Response> {
    let Some(node) = state.settings().ewp_node.clone() else {
        return Err(StatusCode::NOT_FOUND.into_response());
    };
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, state.settings().body_limit)
        .await
        .map_err(|_| {
            refusal(&Refusal::Invalid(
                "the request body cannot be read".to_owned(),
            ))
        })?;
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .filter_map(|(name, value)| {
            Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect();
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path().to_owned(), |pq| pq.as_str().to_owned());
    let signed = SignedRequest {
        method: parts.method.as_str(),
        target: &target,
        headers: &headers,
        body: &body,
    };
    let now = Utc::now();
    // Without a configured public address the host is whatever the proxy
    // forwarded; the signature still binds the request to it.
    let caller = httpsig::verify(&signed, node.catalogue(), now, node.public_host())
        .map_err(|r| refusal(&r))?;
    node.replays
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .admit(&caller, now)
        .map_err(|r| refusal(&r))?;
    let raw = if parts.method == Method::POST {
        String::from_utf8_lossy(&body).into_owned()
    } else {
        parts.uri.query().unwrap_or_default().to_owned()
    };
    let params = serde_urlencoded::from_str(&raw)
        .map_err(|e| bad_request(&format!("the parameters cannot be read: {e}")))?;
    Ok(Signed { caller, params })
}

/// An EWP XML answer with `status`.
pub fn xml(status: StatusCode, body: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/xml; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}

/// The spec's `error-response` for a refused signature; a 401 says how to sign.
pub fn refusal(refusal: &Refusal) -> Response {
    let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST);
    tracing::info!(%status, reason = %refusal, "refused an EWP request");
    let mut response = xml(status, error_response(&refusal.to_string()));
    if status == StatusCode::UNAUTHORIZED {
        let headers = response.headers_mut();
        headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(
                "Signature realm=\"EWP\", headers=\"(request-target) host date digest x-request-id\"",
            ),
        );
        headers.insert("want-digest", HeaderValue::from_static("SHA-256"));
    }
    response
}

/// The spec's `error-response` for bad parameters (HTTP 400).
pub fn bad_request(message: &str) -> Response {
    xml(StatusCode::BAD_REQUEST, error_response(message))
}

/// HTTP 500 with an `error-response` that hides what failed (logged instead).
pub fn internal(detail: &dyn std::fmt::Display) -> Response {
    tracing::error!(%detail, "an EWP endpoint failed");
    xml(
        StatusCode::INTERNAL_SERVER_ERROR,
        error_response("the node could not answer; its administrators can see why in its log"),
    )
}
