//! The one error type of the HTTP edge. It becomes an RFC 9457 problem
//! document; page routes turn the same error into an HTML page (see
//! `http::render::render_errors`), so both surfaces say the same thing.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kizuna_core::{StoreError, WriteError};
use kizuna_domain::{FieldError, ValidationErrors};
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
    /// No valid session or API token.
    #[error("{0}")]
    Unauthorized(String),
    /// Signed in, but the role or unit scope does not allow it.
    #[error("{0}")]
    Forbidden(String),
    /// The record exists already, or another conflict with what is stored.
    #[error("{0}")]
    Conflict(String),
    /// The `If-Match` version is not the current one: someone else changed the record.
    #[error("{0}")]
    PreconditionFailed(String),
    /// A change was sent without `If-Match`.
    #[error("{0}")]
    PreconditionRequired(String),
    /// Refused for a reason given as a code with its values (403 or 409): the
    /// problem document says `english`, a page words the code in the reader's language.
    #[error("{english}")]
    Refused {
        /// 403 or 409.
        status: StatusCode,
        /// The reason in English.
        english: String,
        /// The reason as a code (`out-of-scope`, `referenced`…) and its values.
        problem: kizuna_domain::Problem,
    },
    /// Too many attempts; try again later.
    #[error("{0}")]
    TooManyRequests(String),
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
            StoreError::AlreadyExists { collection, id } => {
                AppError::Conflict(format!("{collection}/{id} already exists"))
            }
            StoreError::Stale { collection, id, .. } => AppError::PreconditionFailed(format!(
                "{collection}/{id} was changed by someone else since you loaded it; reload it and make your change again"
            )),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<WriteError> for AppError {
    fn from(e: WriteError) -> Self {
        let message = e.to_string();
        match e {
            WriteError::Forbidden(m) => AppError::Forbidden(m),
            WriteError::OutOfScope { role, action, unit } => {
                let problem = kizuna_domain::Problem::new("out-of-scope")
                    .with("role", role)
                    .with("action", action)
                    .with("place", if unit.is_some() { "unit" } else { "central" })
                    .with("unit", unit.map(|u| u.to_string()).unwrap_or_default());
                AppError::Refused {
                    status: StatusCode::FORBIDDEN,
                    english: message,
                    problem,
                }
            }
            WriteError::Referenced {
                collection,
                id,
                referrers,
            } => AppError::Refused {
                status: StatusCode::CONFLICT,
                english: message,
                problem: kizuna_domain::Problem::new("referenced")
                    .with("record", format!("{collection}/{id}"))
                    .with("referrers", referrers.join(", "))
                    .with("count", referrers.len()),
            },
            WriteError::CannotApprove { id, reason } => AppError::Refused {
                status: StatusCode::CONFLICT,
                english: message,
                problem: reason.problem().with("id", id),
            },
            WriteError::Invalid(errors) => AppError::Invalid(errors),
            WriteError::NotFound(m) => AppError::NotFound(m),
            WriteError::AlreadyExists { .. } | WriteError::Conflict(_) => {
                AppError::Conflict(message)
            }
            WriteError::Stale { .. } | WriteError::StaleDeletion { .. } => {
                AppError::PreconditionFailed(message)
            }
            WriteError::BadInput(m) => AppError::BadRequest(m),
            WriteError::Store(e) => AppError::from(e),
            WriteError::Internal(m) => AppError::Internal(m),
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
    /// The detail as a code and its values, for a page that words it in the
    /// reader's language (the document itself stays English).
    #[serde(skip)]
    #[schema(ignore)]
    pub said: Option<kizuna_domain::Problem>,
}

impl AppError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            AppError::PreconditionRequired(_) => StatusCode::PRECONDITION_REQUIRED,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Refused { status, .. } => *status,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem document a client sees.
    pub fn problem(&self) -> Problem {
        let (slug, title) = match self {
            AppError::NotFound(_) => ("not-found", "Not found"),
            AppError::BadRequest(_) => ("bad-request", "Bad request"),
            AppError::Invalid(_) => ("invalid-record", "Invalid record"),
            AppError::Unauthorized(_) => ("unauthorized", "Sign-in required"),
            AppError::Forbidden(_) => ("forbidden", "Not allowed"),
            AppError::Conflict(_) => ("conflict", "Conflict"),
            AppError::PreconditionFailed(_) => ("stale-version", "Changed by someone else"),
            AppError::PreconditionRequired(_) => ("version-required", "Version required"),
            AppError::TooManyRequests(_) => ("too-many-requests", "Too many attempts"),
            AppError::Refused { status, .. } if *status == StatusCode::FORBIDDEN => {
                ("forbidden", "Not allowed")
            }
            AppError::Refused { .. } => ("conflict", "Conflict"),
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
            said: match self {
                AppError::Refused { problem, .. } => Some(problem.clone()),
                _ => None,
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
