//! Cross-site request forgery protection for everything a browser session
//! may change: a per-session random token (a hidden `csrf` field of a
//! URL-encoded or multipart form, or the `X-CSRF-Token` header) plus
//! `Sec-Fetch-Site`/`Origin` checks.
//! Requests with `Authorization: Bearer` carry no ambient credentials and pass.

use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Serialize;
use tower_sessions::Session;

use crate::{AppError, AppState};

/// The session key of the token.
const SESSION_KEY: &str = "csrf";
/// The form field that carries the token.
pub const FIELD: &str = "csrf";
/// The header that carries the token (JSON and other requests sent by script).
pub const HEADER: &str = "x-csrf-token";
/// What a refused request is told.
pub const REFUSED: &str =
    "This form has expired or came from another site; reload the page and try again.";

/// The current session's CSRF token, for a hidden `csrf` field in forms.
#[derive(Debug, Clone)]
pub struct Csrf(pub String);

fn session_error(e: tower_sessions::session::Error) -> AppError {
    AppError::Internal(format!("session: {e}"))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The session's token, made and stored when it has none yet.
pub async fn token(session: &Session) -> Result<String, AppError> {
    if let Some(token) = session
        .get::<String>(SESSION_KEY)
        .await
        .map_err(session_error)?
    {
        return Ok(token);
    }
    rotate(session).await
}

/// Replaces the session's token (on sign-in) and returns the new one.
pub async fn rotate(session: &Session) -> Result<String, AppError> {
    let token = new_token();
    session
        .insert(SESSION_KEY, &token)
        .await
        .map_err(session_error)?;
    Ok(token)
}

/// Whether `sent` is the session's token (compared in constant time).
pub async fn matches(session: &Session, sent: &str) -> bool {
    match session.get::<String>(SESSION_KEY).await {
        Ok(Some(expected)) => constant_time_eq(expected.as_bytes(), sent.as_bytes()),
        _ => false,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl FromRequestParts<AppState> for Csrf {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or_else(|| AppError::Internal("the session layer is missing".to_owned()))?;
        Ok(Csrf(token(&session).await?))
    }
}

/// Whether the request was sent by another site: `Sec-Fetch-Site` other than
/// `same-origin`/`none`, or an `Origin` whose host is not `Host`.
pub fn cross_site(headers: &HeaderMap) -> bool {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site"))
        && !matches!(site, "same-origin" | "none")
    {
        return true;
    }
    if let Some(origin) = text(header::ORIGIN) {
        let origin_host = origin
            .split_once("://")
            .map(|(_, rest)| rest.trim_end_matches('/'));
        let host = text(header::HOST);
        return match (origin_host, host) {
            (Some(o), Some(h)) => !o.eq_ignore_ascii_case(h),
            // `Origin: null` (sandboxed frames, some redirects) or no `Host`.
            _ => true,
        };
    }
    false
}

fn has_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| super::auth::bearer_credentials(v).is_some())
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// The `csrf` field of a multipart form (a file upload without script).
async fn multipart_token(headers: &HeaderMap, bytes: axum::body::Bytes) -> Option<String> {
    use axum::extract::FromRequest;
    use tower::ServiceExt;
    let content_type = headers.get(header::CONTENT_TYPE)?.clone();
    let request = Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(bytes))
        .ok()?;
    // The bytes were read within the route's limit already; axum's own 2 MB
    // cap on `Multipart` would refuse a larger upload before its first field.
    let extract = tower::service_fn(|request: Request<Body>| async move {
        Ok::<_, std::convert::Infallible>(
            axum::extract::Multipart::from_request(request, &())
                .await
                .ok(),
        )
    });
    let mut form = tower::Layer::layer(&axum::extract::DefaultBodyLimit::disable(), extract)
        .oneshot(request)
        .await
        .ok()??;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(FIELD) {
            return field.text().await.ok();
        }
    }
    None
}

/// The error page's view (the fields `error.html` reads).
#[derive(Debug, Serialize)]
struct ErrorView {
    status: u16,
    title: String,
    detail: String,
}

/// The 403 for a forged or expired request: an HTML page for browsers and
/// forms, a problem document otherwise.
pub async fn refusal(state: &AppState, headers: &HeaderMap, path: &str) -> Response {
    let problem = AppError::Forbidden(REFUSED.to_owned());
    let wants_html = is_form(headers)
        || is_multipart(headers)
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
    if !wants_html {
        return problem.into_response();
    }
    let view = ErrorView {
        status: 403,
        title: "Form expired".to_owned(),
        detail: REFUSED.to_owned(),
    };
    match crate::http::render::render(state, "error.html", view.title.clone(), path, view).await {
        Ok(html) => (StatusCode::FORBIDDEN, html).into_response(),
        Err(_) => problem.into_response(),
    }
}

/// Middleware: refuses unsafe requests without a bearer token that are
/// cross-site, or that come from a signed-in session and lack its token
/// (`POST /login` checks its own token, to answer with the form).
pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let unsafe_method = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    if !unsafe_method || has_bearer(request.headers()) {
        return next.run(request).await;
    }
    let path = request.uri().path().to_owned();
    if cross_site(request.headers()) {
        tracing::info!(%path, "refused a cross-site request");
        return refusal(&state, request.headers(), &path).await;
    }
    if path == "/login" && request.method() == Method::POST {
        return next.run(request).await;
    }
    let Some(session) = request.extensions().get::<Session>().cloned() else {
        return refusal(&state, request.headers(), &path).await;
    };
    // Without a signed-in session a forged request carries no authority: the
    // handler answers it as anyone else (401, or the sign-in form).
    if !matches!(session.get::<i64>(super::auth::USER_KEY).await, Ok(Some(_))) {
        return next.run(request).await;
    }
    let header_token = request
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(sent) = header_token {
        if matches(&session, &sent).await {
            return next.run(request).await;
        }
        return refusal(&state, request.headers(), &path).await;
    }
    let multipart = is_multipart(request.headers());
    if !is_form(request.headers()) && !multipart {
        return refusal(&state, request.headers(), &path).await;
    }
    let (parts, body) = request.into_parts();
    let limit = super::edge::body_limit_for(&state, &parts.method, parts.uri.path());
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return AppError::BadRequest("the form is too large or was cut off".to_owned())
                .into_response();
        }
    };
    let sent = if multipart {
        multipart_token(&parts.headers, bytes.clone()).await
    } else {
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .ok()
            .and_then(|fields| fields.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v))
    };
    match sent {
        Some(sent) if matches(&session, &sent).await => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => refusal(&state, &parts.headers, &path).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    #[test]
    fn same_site_requests_pass_and_foreign_ones_do_not() {
        assert!(!cross_site(&headers(&[])));
        assert!(!cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!cross_site(&headers(&[("sec-fetch-site", "none")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        let host = ("host", "kizuna.example:8080");
        assert!(!cross_site(&headers(&[
            host,
            ("origin", "https://kizuna.example:8080")
        ])));
        assert!(cross_site(&headers(&[
            host,
            ("origin", "https://evil.example")
        ])));
        assert!(cross_site(&headers(&[host, ("origin", "null")])));
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        assert_ne!(new_token(), new_token());
        assert_eq!(new_token().len(), 43);
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
