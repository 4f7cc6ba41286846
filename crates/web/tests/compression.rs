//! Compressed answers through the router: what a browser (which always sends
//! `Accept-Encoding: gzip`) gets, against what a client that asks for nothing
//! gets, for kept pages, pages rendered per request, versioned records and
//! files that are compressed already.

mod common;

use std::io::Read;

use axum::body::Body;
use axum::http::{Request, header};
use common::{BytesResponse, TestApp, spawn_app};

async fn get_encoded(app: &TestApp, uri: &str, accept_encoding: Option<&str>) -> BytesResponse {
    let mut request = Request::get(uri);
    if let Some(value) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, value);
    }
    let response = app
        .request_bytes(request.body(Body::empty()).unwrap())
        .await;
    assert_eq!(response.status, 200, "{uri}");
    response
}

fn header_of(response: &BytesResponse, name: header::HeaderName) -> Option<&str> {
    response.headers.get(name).and_then(|v| v.to_str().ok())
}

/// Whether some `Vary` header names `Accept-Encoding`.
fn varies_by_encoding(response: &BytesResponse) -> bool {
    response
        .headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("accept-encoding"))
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip body");
    out
}

/// The same address as a browser and as a plain client: the browser's is
/// gzip that reads back to the plain client's bytes.
async fn assert_compressed_for_browsers(
    app: &TestApp,
    uri: &str,
) -> (BytesResponse, BytesResponse) {
    let plain = get_encoded(app, uri, None).await;
    assert_eq!(header_of(&plain, header::CONTENT_ENCODING), None, "{uri}");
    let browser = get_encoded(app, uri, Some("gzip, deflate, br, zstd")).await;
    assert_eq!(
        header_of(&browser, header::CONTENT_ENCODING),
        Some("gzip"),
        "{uri}"
    );
    assert!(varies_by_encoding(&browser), "{uri}: {:?}", browser.headers);
    assert!(browser.body.len() < plain.body.len(), "{uri}");
    assert_eq!(gunzip(&browser.body), plain.body, "{uri}");
    (plain, browser)
}

#[tokio::test]
async fn a_kept_page_goes_to_browsers_gzipped_and_the_same_bytes_every_time() {
    let app = spawn_app().await;
    let (plain, first) = assert_compressed_for_browsers(&app, "/countries/jp").await;
    assert!(
        varies_by_encoding(&plain),
        "a shared cache must not hand the plain page to a browser either"
    );
    let again = get_encoded(&app, "/countries/jp", Some("gzip")).await;
    assert_eq!(again.body, first.body, "compressed once, then kept");
    let refused = get_encoded(&app, "/countries/jp", Some("gzip;q=0, br")).await;
    assert_eq!(header_of(&refused, header::CONTENT_ENCODING), None);
    assert_eq!(refused.body, plain.body);
}

#[tokio::test]
async fn short_answers_rendered_per_request_go_as_they_are() {
    let app = spawn_app().await;
    let short = get_encoded(&app, "/search?q=tokyo", Some("gzip")).await;
    assert_eq!(header_of(&short, header::CONTENT_ENCODING), None);
    assert!(String::from_utf8_lossy(&short.body).contains("<h1>"));
}

#[tokio::test]
async fn versioned_records_and_spreadsheets_go_as_they_are() {
    let app = spawn_app().await;
    let record = get_encoded(&app, "/api/v1/organisations/riken", Some("gzip")).await;
    assert_eq!(header_of(&record, header::CONTENT_ENCODING), None);
    assert!(header_of(&record, header::ETAG).is_some());
    serde_json::from_slice::<serde_json::Value>(&record.body).expect("plain JSON");
    let sheet = get_encoded(&app, "/api/v1/agreements.xlsx", Some("gzip")).await;
    assert_eq!(header_of(&sheet, header::CONTENT_ENCODING), None);
    assert!(sheet.body.starts_with(b"PK"), "the spreadsheet's own zip");
}
