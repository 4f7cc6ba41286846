//! Static files: built-in ones embedded in the binary, a theme folder's first.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

use crate::{AppError, AppState};

/// The built-in stylesheet, scripts and images.
#[derive(RustEmbed)]
#[folder = "assets/"]
struct BuiltinAssets;

/// Front-end libraries copied from node_modules by build.rs.
#[derive(RustEmbed)]
#[folder = "$OUT_DIR/vendor/"]
struct VendorAssets;

/// `GET /assets/{*path}`.
pub async fn serve(
    State(state): State<AppState>,
    Path(path): Path<String>,
) -> Result<Response, AppError> {
    let themed = match &state.settings().theme_dir {
        Some(dir) if !path.contains("..") => {
            tokio::fs::read(dir.join("assets").join(&path)).await.ok()
        }
        _ => None,
    };
    let body = match themed {
        Some(bytes) => bytes,
        None => match path.strip_prefix("vendor/") {
            Some(vendored) => VendorAssets::get(vendored),
            None => BuiltinAssets::get(&path),
        }
        .map(|f| f.data.into_owned())
        .ok_or_else(|| AppError::NotFound(format!("no asset {path}")))?,
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(mime.as_ref()).expect("mime types are header-safe"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}
