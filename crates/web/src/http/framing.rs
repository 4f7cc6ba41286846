//! The Content-Security-Policy and X-Frame-Options of every answer. Pages
//! under `/embed/` may be framed by the configured embedding origins; every
//! other page by nobody.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::base_url::EmbedOrigin;
use crate::WebSettings;

/// Where the pages made to sit in another site's iframe live.
pub const EMBED_PREFIX: &str = "/embed/";

/// The headers each kind of answer gets, built once from the settings.
#[derive(Debug, Clone)]
pub struct FramePolicy {
    page_csp: HeaderValue,
    embed_csp: HeaderValue,
    /// X-Frame-Options cannot name origins: embed pages that may be framed
    /// send none and rely on `frame-ancestors` (which browsers prefer anyway).
    embed_frame_options: Option<HeaderValue>,
    deny: HeaderValue,
}

impl FramePolicy {
    /// The policy for `settings`.
    pub fn new(settings: &WebSettings) -> Arc<FramePolicy> {
        let tiles = settings.tile_url.as_deref();
        let embedders = frame_ancestors(&settings.embed_origins);
        Arc::new(FramePolicy {
            page_csp: content_security_policy(tiles, "'none'"),
            embed_csp: content_security_policy(tiles, &embedders),
            embed_frame_options: settings
                .embed_origins
                .is_empty()
                .then(|| HeaderValue::from_static("DENY")),
            deny: HeaderValue::from_static("DENY"),
        })
    }
}

/// The `frame-ancestors` sources: the origins, or `'none'` when there are none.
fn frame_ancestors(origins: &[EmbedOrigin]) -> String {
    if origins.is_empty() {
        return "'none'".to_owned();
    }
    origins
        .iter()
        .map(EmbedOrigin::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// No inline scripts or styles, nothing from elsewhere but a configured tile server.
pub fn content_security_policy(tile_url: Option<&str>, frame_ancestors: &str) -> HeaderValue {
    let tiles = tile_url
        .and_then(|url| {
            url.split_once("://").map(|(scheme, rest)| {
                format!(" {scheme}://{}", rest.split('/').next().unwrap_or_default())
            })
        })
        .unwrap_or_default()
        .replace(['{', '}'], "*");
    let policy = format!(
        "default-src 'self'; img-src 'self' data:{tiles}; style-src 'self'; script-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors {frame_ancestors}; form-action 'self'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'"))
}

/// Sets the CSP and X-Frame-Options of the answer unless the handler did.
pub async fn frame_headers(
    State(policy): State<Arc<FramePolicy>>,
    request: Request,
    next: Next,
) -> Response {
    let embed = request.uri().path().starts_with(EMBED_PREFIX);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let (csp, frame_options) = match embed {
        true => (&policy.embed_csp, policy.embed_frame_options.as_ref()),
        false => (&policy.page_csp, Some(&policy.deny)),
    };
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    }
    let x_frame_options = HeaderName::from_static("x-frame-options");
    if let Some(value) = frame_options
        && !headers.contains_key(&x_frame_options)
    {
        headers.insert(x_frame_options, value.clone());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_ancestors_name_the_origins_or_none() {
        assert_eq!(frame_ancestors(&[]), "'none'");
        let origins = EmbedOrigin::parse_list("https://www.ki.se http://localhost:8081").unwrap();
        assert_eq!(
            frame_ancestors(&origins),
            "https://www.ki.se http://localhost:8081"
        );
    }

    #[test]
    fn the_policy_forbids_inline_code_and_keeps_the_tile_host() {
        let csp =
            content_security_policy(Some("https://{s}.tile.example/{z}/{x}/{y}.png"), "'none'");
        let text = csp.to_str().unwrap();
        assert!(text.contains("img-src 'self' data: https://"), "{text}");
        assert!(text.contains(".tile.example;"), "{text}");
        assert!(text.contains("script-src 'self';") && text.contains("frame-ancestors 'none';"));
    }
}
