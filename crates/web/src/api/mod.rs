//! The versioned JSON API under `/api/v1`, documented by an OpenAPI 3.1
//! document generated from these handlers.

use axum::response::IntoResponse;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

mod agreement_out;
pub mod collections;
mod contract;
mod country;
pub mod documents;
pub mod ewp;
pub mod export;
pub mod history;
mod records;
pub mod writes;

/// The API's top-level description.
#[derive(OpenApi)]
#[openapi(
    info(title = "Kizuna API", version = "1", description = "The registry of international collaborations: organisations, agreements, programmes, funding and contacts. Lists are paginated with an opaque `cursor`; errors are RFC 9457 problem documents."),
    components(schemas(crate::error::Problem, crate::http::query::Cursor, crate::finder::AnyKind)),
    modifiers(&BearerAuth),
    tags(
        (name = "registry", description = "Records of the registry"),
        (name = "countries", description = "Generated country pages"),
        (name = "search", description = "Search every public record in any language"),
        (name = "map", description = "Partner points, clusters and country counts for the map"),
        (name = "history", description = "Each record's change log, restoring earlier versions, a person's export and erasure (staff)"),
        (name = "documents", description = "Files attached to agreements (staff)"),
    )
)]
struct ApiDoc;

/// Declares the `bearer` security scheme: `Authorization: Bearer <API token>`.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "An API token from `kizuna user token EMAIL`; writes also accept a signed-in session with its CSRF token",
            ))
            .build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// Routes under `/api/v1` with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    let v1 = OpenApiRouter::new()
        .routes(routes!(collections::list_organisations))
        .routes(routes!(records::get_organisation))
        .routes(routes!(collections::list_agreements))
        .routes(routes!(records::get_agreement))
        .routes(routes!(collections::list_programmes))
        .routes(routes!(records::get_programme))
        .routes(routes!(collections::list_funding))
        .routes(routes!(records::get_funding))
        .routes(routes!(collections::list_contacts))
        .routes(routes!(records::get_contact))
        .routes(routes!(country::get_country))
        .routes(routes!(crate::atlas::map_features))
        .routes(routes!(crate::atlas::map_countries))
        .routes(routes!(crate::finder::search_api))
        .routes(routes!(crate::finder::suggest_api))
        // Writes, history and documents (staff; bearer token or session).
        .merge(writes::organisations::routes())
        .merge(writes::agreements::routes())
        .merge(writes::programmes::routes())
        .merge(writes::funding::routes())
        .merge(writes::contacts::routes())
        .merge(history::routes())
        .merge(documents::routes())
        .merge(export::routes());
    OpenApiRouter::with_openapi(ApiDoc::openapi()).nest("/api/v1", v1)
}

/// The OpenAPI document as served: the handlers' descriptions completed
/// with the answers the edge gives to every operation.
pub fn document(doc: &utoipa::openapi::OpenApi) -> serde_json::Value {
    let mut value = serde_json::to_value(doc).expect("the OpenAPI document serialises");
    contract::complete(&mut value);
    value
}

/// Serves the OpenAPI document, serialised once.
pub fn openapi_json(
    doc: utoipa::openapi::OpenApi,
) -> impl Fn() -> std::future::Ready<axum::response::Response> + Clone {
    let json = document(&doc).to_string();
    move || {
        std::future::ready(
            (
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                json.clone(),
            )
                .into_response(),
        )
    }
}
