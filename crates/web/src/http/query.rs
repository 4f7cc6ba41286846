//! Reading requests: query strings whose errors are problem documents, list
//! cursors, path values, and the JSON list shape every collection answers with.

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

/// A list cursor, as the OpenAPI document describes it: unpadded base64url
/// (what [`any_cursor`] reads).
pub struct Cursor;

impl utoipa::PartialSchema for Cursor {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2,3})?$"))
            .description(Some("The `next` of the previous page"))
            .into()
    }
}

impl utoipa::ToSchema for Cursor {}

/// A cursor as the read model takes it. Cursors are opaque, so a client may
/// send any string of the documented shape: one that decodes to no id we gave
/// out still marks a place in id order (after its bytes, read as text), and
/// gets the page after it rather than a 400.
pub fn any_cursor(cursor: &str) -> Result<String, AppError> {
    use base64::Engine;
    use base64::engine::{
        DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig, general_purpose,
    };
    let lenient = GeneralPurpose::new(
        &base64::alphabet::URL_SAFE,
        GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(DecodePaddingMode::RequireNone),
    );
    let bytes = lenient
        .decode(cursor)
        .map_err(|_| AppError::BadRequest("`cursor` is not one this API gave out".to_owned()))?;
    let place = String::from_utf8_lossy(&bytes);
    Ok(general_purpose::URL_SAFE_NO_PAD.encode(place.as_bytes()))
}

/// Wraps a value as JSON.
pub fn json<T: Serialize>(value: T) -> Json<T> {
    Json(value)
}

/// The `Content-Type` of JSON answers kept in the page cache.
pub const JSON: &str = "application/json";

/// A JSON answer's text, for the page cache.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::Internal(e.to_string()))
}

/// Whether a request filters by text: a `q` that is not blank.
pub fn filters_by_text(uri: &axum::http::Uri) -> bool {
    url::form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .any(|(name, value)| name == "q" && !value.trim().is_empty())
}

/// Parses a country code from a path, or answers 404.
pub fn country_code(cc: &str) -> Result<CountryCode, AppError> {
    cc.parse()
        .map_err(|_| AppError::NotFound(format!("`{cc}` is not a country code we know")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_filter_is_a_q_with_words_in_it() {
        let filters = |uri: &str| filters_by_text(&uri.parse().unwrap());
        for yes in [
            "/x?q=kyoto",
            "/x?country=jp&q=%E6%9D%B1%E4%BA%AC",
            "/x?q=+a+",
        ] {
            assert!(filters(yes), "{yes}");
        }
        for no in ["/x", "/x?q=", "/x?q=+%20", "/x?qq=kyoto", "/x?country=jp"] {
            assert!(!filters(no), "{no}");
        }
    }

    #[test]
    fn any_cursor_of_the_documented_shape_marks_a_place() {
        use base64::Engine;
        let given = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("riken");
        assert_eq!(
            any_cursor(&given).unwrap(),
            given,
            "cursors we gave out stay as they are"
        );
        for odd in ["", "AB", "_-8", "gICA"] {
            assert!(any_cursor(odd).is_ok(), "{odd}");
        }
        for bad in ["A", "ab=", "a b", "%%%%"] {
            assert!(any_cursor(bad).is_err(), "{bad}");
        }
    }
}
