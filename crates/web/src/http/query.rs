//! Reading requests: query strings whose errors are problem documents, path
//! values, and the JSON list shape every collection answers with.

use axum::Json;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use kizuna_domain::CountryCode;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::AppError;

/// A page of a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListResponse<T: utoipa::ToSchema> {
    /// This page's records.
    pub items: Vec<T>,
    /// How many records match in all.
    pub total: usize,
    /// Cursor of the next page, or null on the last.
    pub next: Option<String>,
}

/// Query parameters whose errors are problem documents, not plain text.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(|e| {
                AppError::BadRequest(
                    e.body_text()
                        .replace("Failed to deserialize query string: ", ""),
                )
            })?;
        Ok(ApiQuery(value))
    }
}

/// Parses an optional query value (empty counts as absent); a bad one is a 400
/// problem naming the allowed values.
pub fn parse_param<T: std::str::FromStr>(value: Option<&str>) -> Result<Option<T>, AppError>
where
    T::Err: std::fmt::Display,
{
    value
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<T>()
                .map_err(|e| AppError::BadRequest(e.to_string()))
        })
        .transpose()
}

/// Wraps a value as JSON.
pub fn json<T: Serialize>(value: T) -> Json<T> {
    Json(value)
}

/// Parses a country code from a path, or answers 404.
pub fn country_code(cc: &str) -> Result<CountryCode, AppError> {
    cc.parse()
        .map_err(|_| AppError::NotFound(format!("`{cc}` is not a country code we know")))
}
