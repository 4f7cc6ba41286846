//! Writes through the JSON API: `POST /{collection}`, `PUT`/`PATCH`/`DELETE
//! /{collection}/{id}` with `If-Match`, and staff reads of whole records.
//! Every change goes through [`kizuna_core::Writer`].

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kizuna_core::Versioned;
use kizuna_domain::{Agreement, Collection, Entity};
use serde_json::Value;

use crate::http::version::etag;
use crate::{AppError, AppState};
use kizuna_core::read::Lookup;

/// A record as staff see it, with its `ETag` (agreements with their derived
/// status and EWP exchange).
pub(super) async fn record_response<E: Entity>(
    state: &AppState,
    saved: Versioned<E>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut body =
        serde_json::to_value(&saved.record).map_err(|e| AppError::Internal(e.to_string()))?;
    if E::COLLECTION == Collection::Agreements
        && let Ok(agreement) = serde_json::from_value::<Agreement>(body.clone())
    {
        let snapshot = state.snapshot().await;
        let lookup = Lookup::new(&snapshot, state.status_context(), false);
        body["status"] = serde_json::to_value(lookup.status(&agreement))
            .map_err(|e| AppError::Internal(e.to_string()))?;
        body["ewp_status"] = serde_json::to_value(super::ewp::status_out(&snapshot, &agreement))
            .map_err(|e| AppError::Internal(e.to_string()))?;
    }
    let mut response = (status, axum::Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::ETAG, etag(saved.revision));
    if status == StatusCode::CREATED {
        let location = format!("/api/v1/{}/{}", E::COLLECTION, saved.record.id());
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    Ok(response)
}

/// `PUT`: the body's id must be absent or the URL's.
pub(super) fn with_path_id(mut doc: Value, id: &kizuna_domain::Slug) -> Result<Value, AppError> {
    let id = id.as_str();
    match doc.get("id") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == id => {}
        Some(other) => {
            let mut errors = kizuna_domain::ValidationErrors::default();
            errors.add(
                "id",
                format!("the body names {other}, the URL `{id}`: an id cannot be changed"),
            );
            return Err(AppError::Invalid(errors));
        }
    }
    if let Some(map) = doc.as_object_mut() {
        map.insert("id".into(), Value::String(id.to_owned()));
    }
    Ok(doc)
}

/// A merge patch of a record is an object: anything else would replace the
/// whole record (RFC 7386) with something that is not one.
pub(super) fn patch_is_object(patch: &Value) -> Result<(), AppError> {
    if patch.is_object() {
        return Ok(());
    }
    let mut errors = kizuna_domain::ValidationErrors::default();
    errors.add(
        "",
        "a merge patch of a record is a JSON object of the fields to change",
    );
    Err(AppError::Invalid(errors))
}

/// Handlers of one collection: create, replace, patch, delete and the staff read.
macro_rules! collection_writes {
    ($module:ident, $ty:ty, $out:ty, $coll:literal) => {
        #[doc = concat!("Writes of `/api/v1/", $coll, "`.")]
        pub mod $module {
            use axum::extract::State;
            use axum::http::{HeaderMap, StatusCode};
            use axum::response::{IntoResponse, Response};
            use kizuna_domain::Action;
            use utoipa_axum::router::OpenApiRouter;
            use utoipa_axum::routes;

            use super::{record_response, with_path_id};
            use crate::http::body::JsonBody;
            use crate::http::path::RecordId;
            use crate::http::version::{current_revision, if_match};
            use crate::error::Problem;
            use kizuna_core::write::record_from_json;

            use crate::http::auth::Staff;
            use crate::writer::{after_write, writer};
            use crate::{AppError, AppState};

            #[doc = concat!("Creates a record of `", $coll, "`; an absent `id` is made from its name.")]
            #[utoipa::path(post, path = concat!("/", $coll), tag = "registry", operation_id = concat!("create_", $coll),
                request_body = $ty, security(("bearer" = [])),
                responses((status = 201, description = "Created; `ETag` and `Location` set", body = $out),
                    (status = 401, body = Problem, content_type = "application/problem+json"),
                    (status = 403, body = Problem, content_type = "application/problem+json"),
                    (status = 409, description = "The id is taken", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Field errors, all of them", body = Problem, content_type = "application/problem+json")))]
            pub async fn create(State(state): State<AppState>, staff: Staff, JsonBody(doc): JsonBody) -> Result<Response, AppError> {
                let writer = writer(&state).await;
                let record = record_from_json::<$ty>(writer.snapshot(), doc)?;
                let saved = writer.create(&staff.user, record).await?;
                after_write(&state).await;
                record_response(&state, saved, StatusCode::CREATED).await
            }

            #[doc = concat!("Replaces a record of `", $coll, "` (the whole record; `If-Match` required).")]
            #[utoipa::path(put, path = concat!("/", $coll, "/{id}"), tag = "registry", operation_id = concat!("replace_", $coll),
                params(("id" = kizuna_domain::Slug, Path, description = "Record id"), ("If-Match" = String, Header, description = "The record's ETag")),
                request_body = $ty, security(("bearer" = [])),
                responses((status = 200, description = "Saved; new `ETag`", body = $out),
                    (status = 400, description = "Malformed `If-Match`", body = Problem, content_type = "application/problem+json"),
                    (status = 401, body = Problem, content_type = "application/problem+json"),
                    (status = 403, body = Problem, content_type = "application/problem+json"),
                    (status = 404, body = Problem, content_type = "application/problem+json"),
                    (status = 412, description = "Changed by someone else", body = Problem, content_type = "application/problem+json"),
                    (status = 422, body = Problem, content_type = "application/problem+json"),
                    (status = 428, description = "No `If-Match`", body = Problem, content_type = "application/problem+json")))]
            pub async fn replace(State(state): State<AppState>, staff: Staff, RecordId(id): RecordId, headers: HeaderMap, JsonBody(doc): JsonBody) -> Result<Response, AppError> {
                // The body is judged before the version: a record that cannot be is a 422 whatever `If-Match` says.
                let writer = writer(&state).await;
                let record = record_from_json::<$ty>(writer.snapshot(), with_path_id(doc, &id)?)?;
                let expected = if_match(&headers, async || current_revision::<$ty>(&state, id.as_str()).await).await?;
                let saved = writer.update(&staff.user, record, expected).await?;
                after_write(&state).await;
                record_response(&state, saved, StatusCode::OK).await
            }

            #[doc = concat!("Changes fields of a record of `", $coll, "` by a JSON merge patch (RFC 7386; `If-Match` required).")]
            #[utoipa::path(patch, path = concat!("/", $coll, "/{id}"), tag = "registry", operation_id = concat!("patch_", $coll),
                params(("id" = kizuna_domain::Slug, Path, description = "Record id"), ("If-Match" = String, Header, description = "The record's ETag")),
                request_body(content = Object, content_type = "application/merge-patch+json", description = "Fields to change; `null` removes one"),
                security(("bearer" = [])),
                responses((status = 200, description = "Saved; new `ETag`", body = $out),
                    (status = 400, body = Problem, content_type = "application/problem+json"),
                    (status = 401, body = Problem, content_type = "application/problem+json"),
                    (status = 403, body = Problem, content_type = "application/problem+json"),
                    (status = 404, body = Problem, content_type = "application/problem+json"),
                    (status = 412, body = Problem, content_type = "application/problem+json"),
                    (status = 422, body = Problem, content_type = "application/problem+json"),
                    (status = 428, body = Problem, content_type = "application/problem+json")))]
            pub async fn patch(State(state): State<AppState>, staff: Staff, RecordId(id): RecordId, headers: HeaderMap, JsonBody(patch): JsonBody) -> Result<Response, AppError> {
                super::patch_is_object(&patch)?;
                let expected = if_match(&headers, async || current_revision::<$ty>(&state, id.as_str()).await).await?;
                let writer = writer(&state).await;
                let doc = with_path_id(writer.patched::<$ty>(id.as_str(), expected, &patch).await?, &id)?;
                let record = record_from_json::<$ty>(writer.snapshot(), doc)?;
                let saved = writer.update(&staff.user, record, expected).await?;
                after_write(&state).await;
                record_response(&state, saved, StatusCode::OK).await
            }

            #[doc = concat!("Deletes a record of `", $coll, "` (`If-Match` required; refused while others refer to it).")]
            #[utoipa::path(delete, path = concat!("/", $coll, "/{id}"), tag = "registry", operation_id = concat!("delete_", $coll),
                params(("id" = kizuna_domain::Slug, Path, description = "Record id"), ("If-Match" = String, Header, description = "The record's ETag")),
                security(("bearer" = [])),
                responses((status = 204, description = "Deleted"),
                    (status = 401, body = Problem, content_type = "application/problem+json"),
                    (status = 403, body = Problem, content_type = "application/problem+json"),
                    (status = 404, body = Problem, content_type = "application/problem+json"),
                    (status = 409, description = "Still referred to", body = Problem, content_type = "application/problem+json"),
                    (status = 412, body = Problem, content_type = "application/problem+json"),
                    (status = 428, body = Problem, content_type = "application/problem+json")))]
            pub async fn delete(State(state): State<AppState>, staff: Staff, RecordId(id): RecordId, headers: HeaderMap) -> Result<Response, AppError> {
                let expected = if_match(&headers, async || current_revision::<$ty>(&state, id.as_str()).await).await?;
                writer(&state).await.delete::<$ty>(&staff.user, id.as_str(), expected).await?;
                after_write(&state).await;
                Ok(StatusCode::NO_CONTENT.into_response())
            }

            #[doc = concat!("A record of `", $coll, "` as staff see it: internal ones and fields included, with its `ETag`.")]
            #[utoipa::path(get, path = concat!("/", $coll, "/{id}/internal"), tag = "registry", operation_id = concat!("get_internal_", $coll),
                params(("id" = kizuna_domain::Slug, Path, description = "Record id")), security(("bearer" = [])),
                responses((status = 200, body = $out),
                    (status = 401, body = Problem, content_type = "application/problem+json"),
                    (status = 404, body = Problem, content_type = "application/problem+json")))]
            pub async fn internal(State(state): State<AppState>, staff: Staff, RecordId(id): RecordId) -> Result<Response, AppError> {
                staff.require(&*state.snapshot().await, Action::View, None)?;
                let found = state.registry().get::<$ty>(id.as_str()).await?
                    .ok_or_else(|| AppError::NotFound(format!("{}/{id} does not exist", $coll)))?;
                record_response(&state, found, StatusCode::OK).await
            }

            /// The routes above.
            pub fn routes() -> OpenApiRouter<AppState> {
                OpenApiRouter::new()
                    .routes(routes!(create))
                    .routes(routes!(replace))
                    .routes(routes!(patch))
                    .routes(routes!(delete))
                    .routes(routes!(internal))
            }
        }
    };
}

// Agreements are answered with their derived status (`AgreementOut`).
collection_writes!(
    organisations,
    kizuna_domain::Organisation,
    kizuna_domain::Organisation,
    "organisations"
);
collection_writes!(
    agreements,
    kizuna_domain::Agreement,
    crate::api::collections::AgreementOut,
    "agreements"
);
collection_writes!(
    programmes,
    kizuna_domain::Programme,
    kizuna_domain::Programme,
    "programmes"
);
collection_writes!(
    funding,
    kizuna_domain::FundingOpportunity,
    kizuna_domain::FundingOpportunity,
    "funding"
);
collection_writes!(
    contacts,
    kizuna_domain::Contact,
    kizuna_domain::Contact,
    "contacts"
);
