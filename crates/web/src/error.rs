//! The one error type of the HTTP edge. It becomes an RFC 9457 problem
//! document; page routes turn the same error into an HTML page (see
//! `pages::render_errors`), so both surfaces say the same thing.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kizuna_domain::{FieldError, ValidationErrors};
use kizuna_storage::StoreError;
use serde::Serialize;

/// Everything a request can fail with, in words safe to show.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such page or record.
    #[error("{0}")]
    NotFound(String),
    /// The request itself is wrong (a filter value, a parameter).
    #[error("{0}")]
    BadRequest(String),
    /// A record broke domain rules.
    #[error("the record is not valid")]
    Invalid(ValidationErrors),
    /// Something failed on our side; details go to the log, not the client.
    #[error("internal error")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { collection, id } => {
                AppError::NotFound(format!("{collection}/{id} does not exist"))
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<minijinja::Error> for AppError {
    fn from(e: minijinja::Error) -> Self {
        AppError::Internal(format!("template: {e:#}"))
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the kind.
    pub title: String,
    /// HTTP status.
    pub status: u16,
    /// What went wrong this time.
    pub detail: String,
    /// Field-level problems of an invalid record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl AppError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem document a client sees.
    pub fn problem(&self) -> Problem {
        let (slug, title) = match self {
            AppError::NotFound(_) => ("not-found", "Not found"),
            AppError::BadRequest(_) => ("bad-request", "Bad request"),
            AppError::Invalid(_) => ("invalid-record", "Invalid record"),
            AppError::Internal(_) => ("internal", "Internal error"),
        };
        Problem {
            kind: format!("/problems/{slug}"),
            title: title.to_owned(),
            status: self.status().as_u16(),
            detail: match self {
                AppError::Internal(_) => {
                    "Something went wrong on our side. It has been logged.".to_owned()
                }
                other => other.to_string(),
            },
            errors: match self {
                AppError::Invalid(errors) => errors.0.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        let problem = self.problem();
        let mut response = (self.status(), Json(&problem)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        // Page routes re-render this as HTML.
        response.extensions_mut().insert(problem);
        response
    }
}
