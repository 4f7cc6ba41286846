//! Files attached to agreements (signed PDFs and the like): staff only, never
//! in public surfaces. Uploading or removing one is an audited update of the
//! agreement; the bytes are kept in the database so every node serves them.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kizuna_core::write::NewFile;
use kizuna_domain::{Action, Agreement, DocumentRef};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::Problem;
use crate::http::auth::Staff;
use crate::http::body::{body_bytes, etag, if_match_optional};
use crate::http::query::{ApiQuery, ListResponse};
use crate::writer::{after_write, writer};
use crate::{AppError, AppState};

/// Query parameters of an upload.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// The file name, when not sent as `Content-Disposition: attachment; filename="…"`.
    name: Option<String>,
}

/// Decodes `%XX` escapes (as in RFC 5987 `filename*`).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The file name of `Content-Disposition`: `filename*=UTF-8''…` before `filename="…"`.
fn disposition_name(value: &str) -> Option<String> {
    let mut plain = None;
    for part in value.split(';').map(str::trim) {
        let Some((key, raw)) = part.split_once('=') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "filename*" => {
                let encoded = raw.trim().splitn(3, '\'').nth(2)?;
                return Some(percent_decode(encoded));
            }
            "filename" => {
                let raw = raw.trim();
                let unquoted = raw
                    .strip_prefix('"')
                    .and_then(|r| r.strip_suffix('"'))
                    .map(|r| r.replace("\\\"", "\"").replace("\\\\", "\\"));
                plain = Some(unquoted.unwrap_or_else(|| raw.to_owned()));
            }
            _ => {}
        }
    }
    plain
}

/// A file name safe to keep and send back: no folders, no control characters.
fn clean_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty() && cleaned != "." && cleaned != "..").then(|| cleaned.to_owned())
}

/// `type/subtype` of a `Content-Type`, lower case; `application/octet-stream` when unusable.
fn media_type(headers: &HeaderMap) -> String {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let token = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c))
    };
    match essence.split_once('/') {
        Some((t, s)) if token(t) && token(s) => essence,
        _ => "application/octet-stream".to_owned(),
    }
}

/// `attachment` with an ASCII fallback name and the exact one (RFC 6266).
fn attachment(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

fn document_location(id: &str, doc: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!("/api/v1/agreements/{id}/documents/{doc}")).ok()
}

/// Attaches a file to an agreement: the raw body, its `Content-Type`, and a name
/// (staff who may update the agreement; `If-Match` optional).
#[utoipa::path(post, path = "/agreements/{id}/documents", tag = "documents",
    params(("id" = String, Path, description = "Agreement id"), UploadParams,
        ("Content-Disposition" = Option<String>, Header, description = "`attachment; filename=\"signed.pdf\"`"),
        ("If-Match" = Option<String>, Header, description = "The agreement's ETag, to refuse a stale upload")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes, with its own `Content-Type`"),
    security(("bearer" = [])),
    responses((status = 201, description = "Attached; `Location` of the file, the agreement's new `ETag`", body = DocumentRef),
        (status = 400, description = "No name, or an empty file", body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than the body limit", body = Problem, content_type = "application/problem+json")))]
pub async fn upload(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiQuery(params): ApiQuery<UploadParams>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Response> {
    let expected = if_match_optional(&headers).map_err(IntoResponse::into_response)?;
    let from_header = headers
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .and_then(disposition_name);
    let name = from_header
        .or(params.name)
        .as_deref()
        .and_then(clean_name)
        .ok_or_else(|| {
            AppError::BadRequest(
                "name the file: `Content-Disposition: attachment; filename=\"…\"` or `?name=`"
                    .to_owned(),
            )
            .into_response()
        })?;
    let data = body_bytes(body).await?.to_vec();
    let file = NewFile {
        name,
        content_type: media_type(&headers),
        data,
    };
    let (reference, saved) = writer(&state)
        .await
        .attach_document(&staff.user, &id, file, expected)
        .await
        .map_err(|e| AppError::from(e).into_response())?;
    after_write(&state).await;
    let mut response = (StatusCode::CREATED, axum::Json(&reference)).into_response();
    let h = response.headers_mut();
    h.insert(header::ETAG, etag(saved.revision));
    if let Some(location) = document_location(&id, &reference.id) {
        h.insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The agreement as stored, for staff.
async fn agreement(state: &AppState, staff: &Staff, id: &str) -> Result<Agreement, AppError> {
    staff.require(&*state.snapshot().await, Action::View, None)?;
    state
        .registry()
        .get::<Agreement>(id)
        .await?
        .map(|v| v.record)
        .ok_or_else(|| AppError::NotFound(format!("agreements/{id} does not exist")))
}

/// The files attached to an agreement (staff, any role).
#[utoipa::path(get, path = "/agreements/{id}/documents", tag = "documents",
    params(("id" = String, Path, description = "Agreement id")), security(("bearer" = [])),
    responses((status = 200, body = ListResponse<DocumentRef>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let items = agreement(&state, &staff, &id).await?.documents;
    Ok(axum::Json(ListResponse {
        total: items.len(),
        items,
        next: None,
    })
    .into_response())
}

/// One attached file, as a download with its type and name (staff, any role).
#[utoipa::path(get, path = "/agreements/{id}/documents/{doc}", tag = "documents",
    params(("id" = String, Path, description = "Agreement id"), ("doc" = String, Path, description = "Document id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn download(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let listed = agreement(&state, &staff, &id).await?;
    let missing = || AppError::NotFound(format!("agreements/{id} has no document {doc}"));
    if !listed.documents.iter().any(|d| d.id == doc) {
        return Err(missing());
    }
    let file = state
        .registry()
        .store()
        .get_document(&doc)
        .await?
        .filter(|f| f.agreement_id == id)
        .ok_or_else(missing)?;
    let content_type = HeaderValue::from_str(&file.content_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, attachment(&file.name)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        file.data,
    )
        .into_response())
}

/// Removes an attached file (staff who may update the agreement; `If-Match` optional).
#[utoipa::path(delete, path = "/agreements/{id}/documents/{doc}", tag = "documents",
    params(("id" = String, Path, description = "Agreement id"), ("doc" = String, Path, description = "Document id"),
        ("If-Match" = Option<String>, Header, description = "The agreement's ETag")),
    security(("bearer" = [])),
    responses((status = 204, description = "Removed; the agreement's new `ETag`"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json")))]
pub async fn remove(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, doc)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let expected = if_match_optional(&headers)?;
    let saved = writer(&state)
        .await
        .detach_document(&staff.user, &id, &doc, expected)
        .await?;
    after_write(&state).await;
    Ok((
        [(header::ETAG, etag(saved.revision))],
        StatusCode::NO_CONTENT,
    )
        .into_response())
}

/// The routes above.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload))
        .routes(routes!(list))
        .routes(routes!(download))
        .routes(routes!(remove))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_content_disposition() {
        let name = |v: &str| disposition_name(v).and_then(|n| clean_name(&n));
        assert_eq!(
            name("attachment; filename=\"signed.pdf\"").as_deref(),
            Some("signed.pdf")
        );
        assert_eq!(
            name("attachment; filename=plain.txt").as_deref(),
            Some("plain.txt")
        );
        assert_eq!(
            name("attachment; filename=\"a.pdf\"; filename*=UTF-8''%E5%8D%94%E5%AE%9A.pdf")
                .as_deref(),
            Some("協定.pdf")
        );
        assert_eq!(
            name("attachment; filename=\"../../etc/passwd\"").as_deref(),
            Some("passwd")
        );
        assert_eq!(name("attachment; filename=\"..\"").as_deref(), None);
        assert_eq!(name("inline").as_deref(), None);
    }

    #[test]
    fn downloads_name_the_file_in_ascii_and_exactly() {
        let value = attachment("協定 \"final\".pdf");
        assert_eq!(
            value.to_str().unwrap(),
            "attachment; filename=\"__ _final_.pdf\"; filename*=UTF-8''%E5%8D%94%E5%AE%9A%20%22final%22.pdf"
        );
    }
}
