//! `GET /api/v1/{collection}/{id}`: single records with an `ETag`.

use axum::extract::State;
use axum::http::HeaderValue;
use axum::response::Response;
use kizuna_core::Snapshot;
use kizuna_core::read::Lookup;
use kizuna_core::read::public::{PublicRecords, References, public_view};
use kizuna_domain::{
    Agreement, Contact, Entity, FundingOpportunity, Organisation, Programme, Visibility,
};
use serde::Serialize;

use super::agreement_out::AgreementOut;
use crate::http::path::RecordId;
use crate::http::query::{JSON, to_json};
use crate::{AppError, AppState};

/// One public record as the public sees it (staff-only fields removed and
/// references to internal records — a party, a funder, a contact… — dropped),
/// with its version as `ETag`. Read from storage once per revision of the
/// snapshot, then served from the page cache.
async fn one<E: Entity + References, O: Serialize>(
    state: &AppState,
    id: &str,
    out: impl FnOnce(E, &Snapshot) -> O,
) -> Result<Response, AppError> {
    let key = format!("api {}/{id}", E::COLLECTION);
    state
        .cached_tagged(key, JSON, async |public| {
            let not_found = || AppError::NotFound(format!("{}/{id} does not exist", E::COLLECTION));
            let found = state.registry().get::<E>(id).await?.ok_or_else(not_found)?;
            if found.record.audience() != Visibility::Public {
                return Err(not_found());
            }
            let etag = HeaderValue::from_str(&format!("\"{}\"", found.revision))
                .expect("digits are header-safe");
            let whole = state.snapshot().await;
            let record = public_view(found.record, PublicRecords::of(&whole));
            Ok((to_json(&out(record, &public))?, Some(etag)))
        })
        .await
}

macro_rules! get_one {
    ($name:ident, $ty:ty, $path:literal) => {
        #[doc = concat!("One record of `", $path, "`, with an `ETag`.")]
        #[utoipa::path(get, path = $path, tag = "registry", params(("id" = kizuna_domain::Slug, Path, description = "Record id")),
            responses((status = 200, body = $ty), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
        pub async fn $name(State(state): State<AppState>, RecordId(id): RecordId) -> Result<Response, AppError> {
            one(&state, id.as_str(), |record: $ty, _| record).await
        }
    };
}

get_one!(get_organisation, Organisation, "/organisations/{id}");
get_one!(get_programme, Programme, "/programmes/{id}");
get_one!(get_funding, FundingOpportunity, "/funding/{id}");
get_one!(get_contact, Contact, "/contacts/{id}");

/// One agreement, with its derived status and an `ETag`.
#[utoipa::path(get, path = "/agreements/{id}", tag = "registry", params(("id" = kizuna_domain::Slug, Path, description = "Record id")),
    responses((status = 200, body = AgreementOut), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn get_agreement(
    State(state): State<AppState>,
    RecordId(id): RecordId,
) -> Result<Response, AppError> {
    one(&state, id.as_str(), |agreement: Agreement, public| {
        let status = Lookup::new(public, state.status_context(), true).status(&agreement);
        AgreementOut { agreement, status }
    })
    .await
}
