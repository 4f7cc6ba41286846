//! Files attached to agreements (signed PDFs and the like): staff only, never
//! in public surfaces. Uploading or removing one is an audited update of the
//! agreement; the bytes are kept in the database so every node serves them.

use axum::body::Body;
use axum::extract::State;
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
use crate::http::body::body_bytes;
use crate::http::disposition;
use crate::http::path::{DocumentPath, RecordId};
use crate::http::query::{ApiQuery, ListResponse};
use crate::http::version::{current_revision, etag, if_match_optional};
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

/// The download's `Content-Disposition`.
fn attachment(name: &str) -> HeaderValue {
    HeaderValue::from_str(&disposition::attachment(name))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

fn document_location(id: &str, doc: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!("/api/v1/agreements/{id}/documents/{doc}")).ok()
}

/// Attaches a file to an agreement: the raw body, its `Content-Type`, and a name
/// (staff who may update the agreement; `If-Match` optional).
#[utoipa::path(post, path = "/agreements/{id}/documents", tag = "documents",
    params(("id" = kizuna_domain::Slug, Path, description = "Agreement id"), UploadParams,
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
    RecordId(id): RecordId,
    ApiQuery(params): ApiQuery<UploadParams>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Response> {
    let current = async || current_revision::<Agreement>(&state, id.as_str()).await;
    let expected = if_match_optional(&headers, current)
        .await
        .map_err(IntoResponse::into_response)?;
    let from_header = headers
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .and_then(disposition::file_name);
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
        .attach_document(&staff.user, id.as_str(), file, expected)
        .await
        .map_err(|e| AppError::from(e).into_response())?;
    after_write(&state).await;
    let mut response = (StatusCode::CREATED, axum::Json(&reference)).into_response();
    let h = response.headers_mut();
    h.insert(header::ETAG, etag(saved.revision));
    if let Some(location) = document_location(id.as_str(), &reference.id) {
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
    params(("id" = kizuna_domain::Slug, Path, description = "Agreement id")), security(("bearer" = [])),
    responses((status = 200, body = ListResponse<DocumentRef>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    RecordId(id): RecordId,
) -> Result<Response, AppError> {
    let items = agreement(&state, &staff, id.as_str()).await?.documents;
    Ok(axum::Json(ListResponse {
        total: items.len(),
        items,
        next: None,
    })
    .into_response())
}

/// One attached file, as a download with its type and name (staff, any role).
#[utoipa::path(get, path = "/agreements/{id}/documents/{doc}", tag = "documents",
    params(("id" = kizuna_domain::Slug, Path, description = "Agreement id"), ("doc" = kizuna_domain::Slug, Path, description = "Document id")),
    security(("bearer" = [])),
    responses((status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn download(
    State(state): State<AppState>,
    staff: Staff,
    DocumentPath { id, doc }: DocumentPath,
) -> Result<Response, AppError> {
    let (id, doc) = (id.as_str(), doc.as_str());
    let listed = agreement(&state, &staff, id).await?;
    let missing = || AppError::NotFound(format!("agreements/{id} has no document {doc}"));
    if !listed.documents.iter().any(|d| d.id == doc) {
        return Err(missing());
    }
    let file = state
        .registry()
        .store()
        .get_document(doc)
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
    params(("id" = kizuna_domain::Slug, Path, description = "Agreement id"), ("doc" = kizuna_domain::Slug, Path, description = "Document id"),
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
    DocumentPath { id, doc }: DocumentPath,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let current = async || current_revision::<Agreement>(&state, id.as_str()).await;
    let expected = if_match_optional(&headers, current).await?;
    let saved = writer(&state)
        .await
        .detach_document(&staff.user, id.as_str(), doc.as_str(), expected)
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
    fn names_keep_no_folders_or_control_characters() {
        assert_eq!(clean_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(clean_name("a\u{0}b\u{7f}.pdf").as_deref(), Some("ab.pdf"));
        assert_eq!(clean_name("..").as_deref(), None);
        assert_eq!(clean_name(" ").as_deref(), None);
    }
}
