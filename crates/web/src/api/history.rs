//! History and lifecycle through the JSON API: each record's change log,
//! restoring an earlier version, renewing an agreement, and a contact's
//! export and erasure (personal data).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use kizuna_core::ChangeEntry;
use kizuna_domain::{Action, Agreement, Collection, Contact};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::writes::record_response;
use crate::error::Problem;
use crate::http::auth::Staff;
use crate::http::body::JsonBody;
use crate::http::path::RecordId;
use crate::http::query::ListResponse;
use crate::http::version::{current_revision, if_match};
use crate::writer::{after_write, writer};
use crate::{AppError, AppState};

/// One change of a record: who, when, what, and the documents before and after.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryEntry {
    /// The global revision the change made.
    pub revision: i64,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// Who made it (an e-mail address, or the process that loaded data).
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
    /// The record before (null for a create; `{"erased": true}` once erased).
    pub before: Option<Value>,
    /// The record after (null for a delete).
    pub after: Option<Value>,
}

impl From<ChangeEntry> for HistoryEntry {
    fn from(e: ChangeEntry) -> Self {
        HistoryEntry {
            revision: e.revision,
            action: e.action.to_string(),
            actor: e.actor,
            at: e.at,
            before: e.before,
            after: e.after,
        }
    }
}

/// Which earlier version to restore.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RestoreRequest {
    /// The revision whose `after` document becomes the record again.
    pub revision: i64,
}

/// The change log of one record, oldest first (staff, any role).
async fn history_of(
    state: &AppState,
    staff: &Staff,
    collection: Collection,
    id: &str,
) -> Result<Vec<HistoryEntry>, AppError> {
    staff.require(&*state.snapshot().await, Action::View, None)?;
    let entries = state
        .registry()
        .store()
        .history(collection.into(), id)
        .await?;
    if entries.is_empty() {
        return Err(AppError::NotFound(format!(
            "{collection}/{id} has no history"
        )));
    }
    Ok(entries.into_iter().map(HistoryEntry::from).collect())
}

fn restore_request(mut doc: Value) -> Result<RestoreRequest, AppError> {
    // JSON has one kind of number: `7.0` is the integer 7 (as JSON Schema's `integer` says).
    if let Some(whole) = doc["revision"]
        .as_f64()
        .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
        && doc["revision"].is_f64()
    {
        doc["revision"] = Value::from(whole as i64);
    }
    serde_json::from_value(doc).map_err(|e| {
        let mut errors = kizuna_domain::ValidationErrors::default();
        errors.add("revision", format!("send {{\"revision\": n}}: {e}"));
        AppError::Invalid(errors)
    })
}

/// History and restore handlers of one collection.
macro_rules! collection_history {
    ($module:ident, $ty:ty, $out:ty, $coll:literal) => {
        #[doc = concat!("History of `/api/v1/", $coll, "`.")]
        pub mod $module {
            use super::*;

            #[doc = concat!("The change log of a record of `", $coll, "`, oldest first (staff, any role).")]
            #[utoipa::path(get, path = concat!("/", $coll, "/{id}/history"), tag = "history", operation_id = concat!("history_", $coll),
                params(("id" = kizuna_domain::Slug, Path, description = "Record id")), security(("bearer" = [])),
                responses((status = 200, body = ListResponse<HistoryEntry>),
                    (status = 401, body = Problem, content_type = "application/problem+json"),
                    (status = 404, body = Problem, content_type = "application/problem+json")))]
            pub async fn history(State(state): State<AppState>, staff: Staff, RecordId(id): RecordId) -> Result<Response, AppError> {
                let items = history_of(&state, &staff, <$ty as kizuna_domain::Entity>::COLLECTION, id.as_str()).await?;
                Ok(axum::Json(ListResponse { total: items.len(), items, next: None }).into_response())
            }

            #[doc = concat!("Puts back an earlier version of a record of `", $coll, "` (admins; `If-Match`: the current ETag, or for a deleted record the revision of its deletion).")]
            #[utoipa::path(post, path = concat!("/", $coll, "/{id}/restore"), tag = "history", operation_id = concat!("restore_", $coll),
                params(("id" = kizuna_domain::Slug, Path, description = "Record id"), ("If-Match" = String, Header, description = "The record's ETag")),
                request_body = RestoreRequest, security(("bearer" = [])),
                responses((status = 200, description = "Restored; new `ETag`", body = $out),
                    (status = 401, body = Problem, content_type = "application/problem+json"),
                    (status = 403, body = Problem, content_type = "application/problem+json"),
                    (status = 404, body = Problem, content_type = "application/problem+json"),
                    (status = 409, description = "That change deleted or erased the record", body = Problem, content_type = "application/problem+json"),
                    (status = 412, body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "The old version breaks today's rules or references", body = Problem, content_type = "application/problem+json"),
                    (status = 428, body = Problem, content_type = "application/problem+json")))]
            pub async fn restore(State(state): State<AppState>, staff: Staff, RecordId(id): RecordId, headers: HeaderMap, JsonBody(doc): JsonBody) -> Result<Response, AppError> {
                let request = restore_request(doc)?;
                let expected = if_match(&headers, async || current_revision::<$ty>(&state, id.as_str()).await).await?;
                let saved = writer(&state).await.restore::<$ty>(&staff.user, id.as_str(), request.revision, expected).await?;
                after_write(&state).await;
                record_response(&state, saved, StatusCode::OK).await
            }
        }
    };
}

collection_history!(
    organisations,
    kizuna_domain::Organisation,
    kizuna_domain::Organisation,
    "organisations"
);
collection_history!(
    agreements,
    kizuna_domain::Agreement,
    crate::api::collections::AgreementOut,
    "agreements"
);
collection_history!(
    programmes,
    kizuna_domain::Programme,
    kizuna_domain::Programme,
    "programmes"
);
collection_history!(
    funding,
    kizuna_domain::FundingOpportunity,
    kizuna_domain::FundingOpportunity,
    "funding"
);
collection_history!(
    contacts,
    kizuna_domain::Contact,
    kizuna_domain::Contact,
    "contacts"
);

/// Creates the successor of an agreement: the body is the new agreement
/// (`renews` is set to this one; an absent `id` is made from the title).
#[utoipa::path(post, path = "/agreements/{id}/renew", tag = "registry",
    params(("id" = kizuna_domain::Slug, Path, description = "The agreement renewed")),
    request_body = Agreement, security(("bearer" = [])),
    responses((status = 201, description = "The successor; `ETag` and `Location` set", body = super::collections::AgreementOut),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such agreement to renew", body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn renew(
    State(state): State<AppState>,
    staff: Staff,
    RecordId(id): RecordId,
    JsonBody(mut doc): JsonBody,
) -> Result<Response, AppError> {
    if let Some(map) = doc.as_object_mut() {
        match map.get("renews") {
            None | Some(Value::Null) => {
                map.insert("renews".into(), Value::String(id.to_string()));
            }
            Some(Value::String(r)) if r == id.as_str() => {}
            Some(other) => {
                let mut errors = kizuna_domain::ValidationErrors::default();
                errors.add("renews", format!("the body names {other}, the URL `{id}`"));
                return Err(AppError::Invalid(errors));
            }
        }
    }
    let writer = writer(&state).await;
    let successor = kizuna_core::write::record_from_json::<Agreement>(writer.snapshot(), doc)?;
    let saved = writer.renew(&staff.user, id.as_str(), successor).await?;
    after_write(&state).await;
    record_response(&state, saved, StatusCode::CREATED).await
}

/// What an erasure did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Erasure {
    /// The contact erased.
    pub id: String,
    /// Whether the contact itself still existed (else only its history was scrubbed).
    pub deleted: bool,
    /// Records that linked to the contact and no longer do (`collection/id`).
    pub references_removed: Vec<String>,
    /// Change-log entries whose documents were replaced.
    pub history_entries_redacted: u64,
}

impl From<kizuna_core::write::Erasure> for Erasure {
    fn from(e: kizuna_core::write::Erasure) -> Self {
        Erasure {
            id: e.id,
            deleted: e.deleted,
            references_removed: e.references_removed,
            history_entries_redacted: e.history_entries_redacted,
        }
    }
}

/// Everything the registry holds about a person.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactExport {
    /// The contact as stored (null once deleted).
    pub contact: Option<Contact>,
    /// Every change of the contact, with the documents before and after.
    pub history: Vec<HistoryEntry>,
    /// Records that name the contact (`collection/id`).
    pub linked_from: Vec<String>,
    /// When this export was made.
    pub exported_at: DateTime<Utc>,
}

/// Everything the registry holds about a contact, history included (staff).
#[utoipa::path(get, path = "/contacts/{id}/export", tag = "history",
    params(("id" = kizuna_domain::Slug, Path, description = "Contact id")), security(("bearer" = [])),
    responses((status = 200, body = ContactExport),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn export_contact(
    State(state): State<AppState>,
    staff: Staff,
    RecordId(id): RecordId,
) -> Result<Response, AppError> {
    let snapshot = state.snapshot().await;
    staff.require(&snapshot, Action::View, None)?;
    let contact = state
        .registry()
        .get::<Contact>(id.as_str())
        .await?
        .map(|v| v.record);
    let history: Vec<HistoryEntry> = state
        .registry()
        .store()
        .history(Collection::Contacts.into(), id.as_str())
        .await?
        .into_iter()
        .map(HistoryEntry::from)
        .collect();
    if contact.is_none() && history.is_empty() {
        return Err(AppError::NotFound(format!("contacts/{id} does not exist")));
    }
    let linked_from =
        kizuna_core::write::references::referrers(&snapshot, Collection::Contacts, &id);
    let export = ContactExport {
        contact,
        history,
        linked_from,
        exported_at: Utc::now(),
    };
    let disposition = format!("attachment; filename=\"contact-{id}.json\"");
    Ok((
        [(axum::http::header::CONTENT_DISPOSITION, disposition)],
        axum::Json(export),
    )
        .into_response())
}

/// Erases a contact on request (admins): deletes it, unlinks it from
/// agreements and programmes, and blanks the documents of its history.
#[utoipa::path(post, path = "/contacts/{id}/erase", tag = "history",
    params(("id" = kizuna_domain::Slug, Path, description = "Contact id")), security(("bearer" = [])),
    responses((status = 200, body = Erasure),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "A linked record changed meanwhile; try again", body = Problem, content_type = "application/problem+json")))]
pub async fn erase_contact(
    State(state): State<AppState>,
    staff: Staff,
    RecordId(id): RecordId,
) -> Result<Response, AppError> {
    let erased = writer(&state)
        .await
        .erase_contact(&staff.user, id.as_str())
        .await?;
    after_write(&state).await;
    Ok(axum::Json(Erasure::from(erased)).into_response())
}

/// The routes above.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(organisations::history))
        .routes(routes!(organisations::restore))
        .routes(routes!(agreements::history))
        .routes(routes!(agreements::restore))
        .routes(routes!(programmes::history))
        .routes(routes!(programmes::restore))
        .routes(routes!(funding::history))
        .routes(routes!(funding::restore))
        .routes(routes!(contacts::history))
        .routes(routes!(contacts::restore))
        .routes(routes!(renew))
        .routes(routes!(export_contact))
        .routes(routes!(erase_contact))
}
