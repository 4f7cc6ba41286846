//! JSON bodies: reading a request body as JSON with problems for every way
//! it can be wrong.

use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::AppError;
use crate::error::Problem;

/// A problem document with a status `AppError` has no variant for.
pub fn problem(status: StatusCode, slug: &str, title: &str, detail: String) -> Response {
    let body = Problem {
        kind: format!("/problems/{slug}"),
        title: title.to_owned(),
        status: status.as_u16(),
        detail,
        errors: Vec::new(),
        said: None,
    };
    let mut response = (status, axum::Json(&body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response.extensions_mut().insert(body);
    response
}

/// Reads a whole request body (the router's body limit applies: over it is a 413 problem).
pub async fn body_bytes(body: axum::body::Body) -> Result<axum::body::Bytes, Response> {
    axum::body::to_bytes(body, usize::MAX).await.map_err(|e| {
        let text = format!("{e:?} {e}");
        if text.contains("length limit") {
            problem(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                "Too large",
                "the request body is larger than this server accepts".to_owned(),
            )
        } else {
            AppError::BadRequest(format!("the request body could not be read: {e}")).into_response()
        }
    })
}

/// A JSON request body (`application/json` or `application/*+json`), read as a value.
pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = Response;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let json = content_type == "application/json"
            || (content_type.starts_with("application/") && content_type.ends_with("+json"));
        if !json {
            return Err(problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "send the record as JSON, with `Content-Type: application/json`".to_owned(),
            ));
        }
        let bytes = body_bytes(request.into_body()).await?;
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
            AppError::BadRequest(format!("the body is not valid JSON: {e}")).into_response()
        })?;
        let mut errors = kizuna_domain::ValidationErrors::default();
        nul_characters(&value, "", &mut errors);
        if !errors.0.is_empty() {
            return Err(AppError::Invalid(errors).into_response());
        }
        Ok(JsonBody(value))
    }
}

/// Field names holding a NUL character (`\u0000`), which PostgreSQL cannot
/// store, named by their path like the other field errors. NULs in values
/// are left to the record's text rules, which report every field at once.
fn nul_characters(value: &Value, path: &str, errors: &mut kizuna_domain::ValidationErrors) {
    let field = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                nul_characters(item, &format!("{path}[{i}]"), errors);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                if key.contains('\0') {
                    errors.add(path, "a field name cannot hold a NUL character (\\u0000)");
                } else {
                    nul_characters(item, &field(key), errors);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_characters_in_field_names_are_found_by_their_place() {
        let body = serde_json::json!({
            "title": "a\u{0}b",
            "names": [{"va\u{0}lue": "x"}, {"value": "fine"}],
        });
        let mut errors = kizuna_domain::ValidationErrors::default();
        nul_characters(&body, "", &mut errors);
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["names[0]"], "values are the text rules' to judge");
    }
}
