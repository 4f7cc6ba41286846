//! Compressed answers for clients that ask for them (`Accept-Encoding: gzip`,
//! which every browser sends): a 300 KB country page reaches a phone as
//! 40 KB. Answers kept per revision are compressed once, the first time a
//! client asks, and then sent as they are; other long text answers are
//! compressed as they are sent, at the fastest level.

use std::io::Write;
use std::sync::{Arc, OnceLock};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, ETAG, VARY};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{Predicate, SizeAbove};

/// Kept bodies shorter than this go as they are: gzip's own framing would
/// eat most of what it saves.
pub const MIN_BYTES: usize = 1024;

/// Answers rendered per request are compressed from this length on. Below
/// it they go as they are: gzipping the 11 KB search page on every request
/// cost a quarter of its throughput in kizuna-bench, to save a phone 8 KB.
pub const MIN_STREAMED_BYTES: u64 = 32 * 1024;

/// A body kept for many requests, with its gzip form made at most once.
#[derive(Debug, Clone)]
pub struct Precompressible {
    body: Bytes,
    gzip: Arc<OnceLock<Bytes>>,
}

impl Precompressible {
    /// `body`, not compressed until a client asks for it.
    pub fn new(body: Bytes) -> Self {
        Precompressible {
            body,
            gzip: Arc::default(),
        }
    }

    /// The body as it is.
    pub fn identity(&self) -> Bytes {
        self.body.clone()
    }

    /// Its length as it is (the gzip form, when made, adds about a fifth).
    pub fn size(&self) -> usize {
        self.body.len()
    }

    /// Whether the body is long enough to be worth compressing.
    pub fn worth_it(&self) -> bool {
        self.body.len() >= MIN_BYTES
    }

    /// The body gzipped; compressed by the first caller, shared by the rest.
    pub fn gzip(&self) -> Bytes {
        self.gzip.get_or_init(|| gzip(&self.body)).clone()
    }
}

/// `bytes` gzipped at the default level (a kept answer is compressed once).
fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::default(),
    );
    // Writing into a Vec cannot fail.
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(Bytes::from)
        .unwrap_or_else(|_| Bytes::copy_from_slice(bytes))
}

/// Whether `Accept-Encoding` admits gzip: named (or `x-gzip`) or through
/// `*`, with a quality above zero.
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    let mut named = None;
    let mut any = None;
    for item in headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
    {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or_default().trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        // Every request passes here: compare without allocating.
        if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
            named = Some(quality > 0.0);
        } else if coding == "*" {
            any = Some(quality > 0.0);
        }
    }
    named.or(any).unwrap_or(false)
}

/// Middleware: sends a kept answer's gzip form to a client that accepts it.
/// Every such answer says it varies by `Accept-Encoding`, so a shared cache
/// never hands the compressed form to a client that did not ask for it.
pub async fn send_precompressed(request: Request, next: Next) -> Response {
    let gzip_accepted = accepts_gzip(request.headers());
    let mut response = next.run(request).await;
    let Some(kept) = response.extensions_mut().remove::<Precompressible>() else {
        return response;
    };
    response
        .headers_mut()
        .append(VARY, HeaderValue::from_static("accept-encoding"));
    if !gzip_accepted || response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    Response::from_parts(parts, Body::from(kept.gzip()))
}

/// Whether an answer is text worth compressing as it is sent: not already
/// compressed (spreadsheets, PDFs, images), and without an `ETag`, which
/// names one exact representation (writes send it back in `If-Match`).
fn textual(headers: &HeaderMap) -> bool {
    let content_type = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    !headers.contains_key(ETAG)
        && (essence.starts_with("text/")
            || ["json", "xml", "javascript"]
                .iter()
                .any(|kind| essence.ends_with(kind)))
}

/// The layer that compresses other long text answers as they are sent.
pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .quality(CompressionLevel::Fastest)
        .compress_when(SizeAbove::new(MIN_STREAMED_BYTES).and(
            |_: StatusCode,
             _: axum::http::Version,
             headers: &HeaderMap,
             _: &axum::http::Extensions| textual(headers),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    #[test]
    fn gzip_is_accepted_when_named_or_through_a_star_with_a_quality() {
        assert!(accepts_gzip(&accepting(&["gzip, deflate, br, zstd"])));
        assert!(accepts_gzip(&accepting(&["br", "GZip;q=0.5"])));
        assert!(accepts_gzip(&accepting(&["x-gzip"])));
        assert!(accepts_gzip(&accepting(&["*"])));
        assert!(!accepts_gzip(&accepting(&[])));
        assert!(!accepts_gzip(&accepting(&["br, deflate"])));
        assert!(!accepts_gzip(&accepting(&["gzip;q=0"])));
        assert!(
            !accepts_gzip(&accepting(&["gzip; q=0.0, *"])),
            "named beats the star"
        );
        assert!(!accepts_gzip(&accepting(&["*;q=0"])));
        assert!(!accepts_gzip(&accepting(&["identity"])));
    }

    #[test]
    fn a_kept_body_is_compressed_once_and_reads_back_whole() {
        let text = "<p>Collaboration in Japan</p>\n".repeat(200);
        let kept = Precompressible::new(Bytes::from(text.clone()));
        assert!(kept.worth_it());
        let first = kept.gzip();
        assert!(first.len() < text.len() / 10, "{} bytes", first.len());
        assert_eq!(
            kept.clone().gzip().as_ptr(),
            first.as_ptr(),
            "a clone shares the one compressed form"
        );
        let mut read = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&first[..]), &mut read)
            .unwrap();
        assert_eq!(read, text);
        assert!(!Precompressible::new(Bytes::from_static(b"{}")).worth_it());
    }

    /// A router answering `/long` and `/short` with text of those lengths,
    /// behind the layer.
    async fn through_the_layer(path: &str, accept: &str) -> Response {
        use tower::ServiceExt;
        let text = |n: usize| move || async move { "kizuna ".repeat(n / 7) };
        let app = axum::Router::new()
            .route(
                "/long",
                axum::routing::get(text(MIN_STREAMED_BYTES as usize + 7)),
            )
            .route("/short", axum::routing::get(text(11 * 1024)))
            .layer(layer());
        let request = Request::get(path)
            .header(ACCEPT_ENCODING, accept)
            .body(Body::empty())
            .unwrap();
        app.oneshot(request).await.unwrap()
    }

    #[tokio::test]
    async fn long_text_rendered_per_request_is_gzipped_on_the_way_short_text_not() {
        let long = through_the_layer("/long", "gzip").await;
        assert_eq!(long.headers()[CONTENT_ENCODING], "gzip");
        let bytes = axum::body::to_bytes(long.into_body(), usize::MAX)
            .await
            .unwrap();
        let mut read = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut read)
            .unwrap();
        assert!(read.len() > MIN_STREAMED_BYTES as usize && read.starts_with("kizuna "));
        let short = through_the_layer("/short", "gzip").await;
        assert!(!short.headers().contains_key(CONTENT_ENCODING));
        let plain = through_the_layer("/long", "identity").await;
        assert!(!plain.headers().contains_key(CONTENT_ENCODING));
    }

    #[test]
    fn only_text_without_an_entity_tag_is_compressed_on_the_way() {
        let with = |pairs: &[(&'static str, &'static str)]| {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(*name, HeaderValue::from_static(value));
            }
            headers
        };
        assert!(textual(&with(&[(
            "content-type",
            "text/html; charset=utf-8"
        )])));
        assert!(textual(&with(&[(
            "content-type",
            "application/problem+json"
        )])));
        assert!(textual(&with(&[("content-type", "application/geo+json")])));
        assert!(textual(&with(&[("content-type", "text/javascript")])));
        assert!(!textual(&with(&[("content-type", "application/pdf")])));
        assert!(!textual(&with(&[(
            "content-type",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )])));
        assert!(!textual(&with(&[
            ("content-type", "application/json"),
            ("etag", "\"7\"")
        ])));
    }
}
