//! Record ids in paths, parsed at the edge: a path segment that is not a
//! [`Slug`] names no record, so it never reaches storage (a NUL byte there is
//! an error in PostgreSQL, not a miss).

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use kizuna_domain::Slug;

use crate::AppError;

/// The id of the record a path names (`/{collection}/{id}/…`).
#[derive(Debug, Clone)]
pub struct RecordId(pub Slug);

/// An agreement's id and one of its documents' (`/agreements/{id}/documents/{doc}`).
#[derive(Debug, Clone)]
pub struct DocumentPath {
    /// The agreement.
    pub id: Slug,
    /// The document (document ids are slugs too).
    pub doc: Slug,
}

/// A path segment that cannot be decoded (bad percent-encoding, not UTF-8) is
/// a malformed request; the routes only ever match segments, so nothing else
/// can be wrong with one.
fn rejected(e: PathRejection) -> AppError {
    match e {
        PathRejection::FailedToDeserializePathParams(_) => AppError::BadRequest(
            "the address is not valid: a path segment is not percent-encoded UTF-8".to_owned(),
        ),
        other => AppError::Internal(format!("path parameters: {other}")),
    }
}

/// Parses a record id from a path; anything that is not a slug is a 404.
pub fn record_id(raw: &str) -> Result<Slug, AppError> {
    raw.parse::<Slug>().map_err(|_| {
        AppError::NotFound(format!(
            "{:?} is not the id of any record (ids are lowercase letters, digits and single hyphens)",
            raw
        ))
    })
}

impl<S: Send + Sync> FromRequestParts<S> for RecordId {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(rejected)?;
        Ok(RecordId(record_id(&raw)?))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for DocumentPath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path((id, doc)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(rejected)?;
        Ok(DocumentPath {
            id: record_id(&id)?,
            doc: record_id(&doc)?,
        })
    }
}
