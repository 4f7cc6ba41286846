//! What the edge answers before (or instead of) a handler: request bodies
//! over the limit, which is larger for document uploads, and the framework's
//! own plain-text refusals (an undecodable path, a method a route does not
//! answer, a timeout), which become problem documents under `/api/` and HTML
//! error pages elsewhere, like every other error.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::Problem;
use crate::http::body::problem;

/// The framework's refusal texts are short; a longer body is not one of them.
const REFUSAL_TEXT_LIMIT: usize = 4096;

/// The back-office pages that take a whole file: a spreadsheet or a partner's
/// EWP file, uploaded and then sent back to apply it.
const FILE_UPLOADS: [&str; 4] = [
    "/admin/import",
    "/admin/import/apply",
    "/admin/ewp/import",
    "/admin/ewp/import/confirm",
];

/// Whether a request uploads a file (`POST /api/v1/agreements/{id}/documents`,
/// a spreadsheet or an EWP file in the back office): those carry signed PDFs
/// and whole sheets and get [`crate::WebSettings::document_limit`].
pub fn is_document_upload(method: &Method, path: &str) -> bool {
    method == Method::POST
        && (FILE_UPLOADS.contains(&path)
            || path
                .strip_prefix("/api/v1/agreements/")
                .and_then(|rest| rest.strip_suffix("/documents"))
                .is_some_and(|id| !id.is_empty() && !id.contains('/')))
}

/// The largest body a request to `path` may carry.
pub fn body_limit_for(state: &AppState, method: &Method, path: &str) -> usize {
    let settings = state.settings();
    if is_document_upload(method, path) {
        settings.document_limit
    } else {
        settings.body_limit
    }
}

/// The 413 answer.
fn too_large(limit: usize) -> Response {
    problem(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too-large",
        "Too large",
        format!("the request body is larger than this server accepts here ({limit} bytes)"),
    )
}

/// Middleware: refuses a body declared larger than the route's limit at once,
/// and cuts off one that grows past it while being read (a 413 from
/// [`crate::http::body::body_bytes`]).
pub async fn limit_body(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = body_limit_for(&state, request.method(), request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return too_large(limit);
    }
    let (parts, body) = request.into_parts();
    let limited = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, limited)).await
}

/// Words for a status the framework answered with on its own.
fn explain(status: StatusCode, allow: Option<&str>, text: &str) -> (String, String) {
    let title = status.canonical_reason().unwrap_or("Error").to_owned();
    let detail = match status {
        StatusCode::BAD_REQUEST if !text.is_empty() => format!("the request is malformed: {text}"),
        StatusCode::NOT_FOUND => "There is no page at this address.".to_owned(),
        StatusCode::METHOD_NOT_ALLOWED => match allow {
            Some(allow) => format!("this address answers only {allow}"),
            None => "this address does not answer this method".to_owned(),
        },
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => {
            "the request took too long; try again".to_owned()
        }
        _ if status.is_server_error() => {
            "Something went wrong on our side. It has been logged.".to_owned()
        }
        _ => title.clone(),
    };
    (title, detail)
}

/// A slug for a problem's `type`, from the status's reason phrase.
fn slug(status: StatusCode) -> String {
    status
        .canonical_reason()
        .unwrap_or("error")
        .to_ascii_lowercase()
        .replace(' ', "-")
}

/// Whether a response already speaks the edge's language: a problem
/// document, JSON, or an HTML page.
fn already_shaped(response: &Response) -> bool {
    if response.extensions().get::<Problem>().is_some() {
        return true;
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // application/xml: the EWP node's `error-response`, which its spec requires.
    [
        "application/problem+json",
        "application/json",
        "text/html",
        "application/xml",
    ]
    .iter()
    .any(|t| content_type.starts_with(t))
}

/// Whether a path, percent-decoded, holds a control character (`%00`,
/// `%0A`, `%7F`, …). No address of ours does: ids are slugs, codes letters.
fn has_control_characters(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let decoded = match b {
            b'%' => bytes
                .get(i + 1..i + 3)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok()),
            other => Some(other),
        };
        decoded.is_some_and(|c| c < 0x20 || c == 0x7f)
    })
}

/// Middleware: turns plain-text and empty error answers into a problem
/// document (under `/api/`) or the HTML error page (elsewhere), keeping
/// headers such as `Allow`. Health and metrics answers are left as they are.
/// A path with a control character names nothing and is answered 404 before
/// any handler could pass it on to storage (PostgreSQL refuses NUL in text).
pub async fn shape_errors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if has_control_characters(&path) {
        let missing = crate::AppError::NotFound("There is no page at this address.".to_owned());
        if path.starts_with("/api/") {
            return missing.into_response();
        }
        let problem = missing.problem();
        return match crate::http::render::error_page(&state, &path, problem).await {
            Some(page) => page,
            None => missing.into_response(),
        };
    }
    let response = next.run(request).await;
    let status = response.status();
    let plain_endpoint = matches!(path.as_str(), "/healthz" | "/readyz" | "/metrics");
    if !(status.is_client_error() || status.is_server_error())
        || plain_endpoint
        || already_shaped(&response)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = match axum::body::to_bytes(body, REFUSAL_TEXT_LIMIT).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
        Err(_) => String::new(),
    };
    let allow = parts
        .headers
        .get(header::ALLOW)
        .and_then(|v| v.to_str().ok());
    let (title, detail) = explain(status, allow, &text);
    let mut shaped = problem(status, &slug(status), &title, detail);
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = parts.headers.get(&name) {
            shaped.headers_mut().insert(name, value.clone());
        }
    }
    if path.starts_with("/api/") {
        return shaped;
    }
    let Some(problem) = shaped.extensions().get::<Problem>().cloned() else {
        return shaped;
    };
    match crate::http::render::error_page(&state, &path, problem).await {
        Some(mut page) => {
            if let Some(allow) = shaped.headers().get(header::ALLOW) {
                page.headers_mut().insert(header::ALLOW, allow.clone());
            }
            page
        }
        None => shaped,
    }
}

/// Any other address under `/api/`: a 404 problem, not the HTML page.
pub async fn api_not_found() -> Response {
    crate::AppError::NotFound("there is no API at this address; see /api/openapi.json".to_owned())
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_raw_or_escaped() {
        for bad in ["/a%00b", "/admin/organisations/%0a", "/x%7F", "/x%1f/y"] {
            assert!(has_control_characters(bad), "{bad}");
        }
        for good in [
            "/organisations/riken",
            "/search%20x",
            "/a%2Fb",
            "/%E6%9D%B1",
            "/100%",
        ] {
            assert!(!has_control_characters(good), "{good}");
        }
    }

    #[test]
    fn only_file_uploads_get_the_larger_limit() {
        let post = Method::POST;
        assert!(is_document_upload(
            &post,
            "/api/v1/agreements/riken/documents"
        ));
        assert!(!is_document_upload(
            &Method::GET,
            "/api/v1/agreements/riken/documents"
        ));
        assert!(!is_document_upload(&post, "/api/v1/agreements/documents"));
        assert!(!is_document_upload(&post, "/api/v1/agreements//documents"));
        assert!(!is_document_upload(
            &post,
            "/api/v1/agreements/a/b/documents"
        ));
        assert!(!is_document_upload(&post, "/api/v1/agreements"));
        for sheet in ["/admin/import", "/admin/import/apply", "/admin/ewp/import"] {
            assert!(is_document_upload(&post, sheet), "{sheet}");
            assert!(!is_document_upload(&Method::GET, sheet), "{sheet}");
        }
        assert!(!is_document_upload(&post, "/admin/import/revert"));
    }
}
