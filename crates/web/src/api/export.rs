//! `GET /api/v1/{collection}.csv` and `.xlsx`: a collection's list as a
//! spreadsheet, with the list's filters. The public get the public records;
//! staff (an API token or a signed-in session) every record.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use kizuna_core::read::Lookup;
use kizuna_domain::Collection;
use kizuna_interop::sheets::{self, Filters, Format};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::finder::Audience;
use crate::http::query::ApiQuery;
use crate::{AppError, AppState};

/// The sheet of a collection as the audience may see it, filtered.
async fn download(
    state: AppState,
    audience: Audience,
    filters: Filters,
    collection: Collection,
    format: Format,
) -> Result<Response, AppError> {
    let snapshot = match audience.staff {
        true => state.snapshot().await,
        false => state.public_snapshot().await,
    };
    let ctx = state.status_context();
    // Writing a workbook of a large collection takes a while: off the async threads.
    let bytes = tokio::task::spawn_blocking(move || {
        let lookup = Lookup::new(&snapshot, ctx, !audience.staff);
        let sheet = sheets::select(&lookup, collection, &filters).map_err(AppError::BadRequest)?;
        match format {
            Format::Csv => Ok(sheets::write_csv(&sheet)),
            Format::Xlsx => sheets::write_xlsx(&sheet, collection.as_str())
                .map_err(|e| AppError::Internal(format!("writing a workbook: {e}"))),
        }
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))??;
    let name = format!(
        "attachment; filename=\"{collection}.{}\"",
        format.extension()
    );
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    // Staff downloads hold internal records: no shared cache may keep or mix them.
    headers.insert(
        header::VARY,
        HeaderValue::from_static("authorization, cookie"),
    );
    if audience.staff {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(response)
}

macro_rules! downloads {
    ($($name:ident, $path:literal, $collection:ident, $format:ident, $what:literal;)+) => {
        $(
            #[doc = concat!("The ", $what, " list as a download, with the list's filters.")]
            #[utoipa::path(get, path = $path, tag = "registry",
                description = "The same records and filters as the list (`country`, `kind`, `q`…); columns are the record's field names, lists joined with `; `. Staff (a bearer token or a session) also get internal records.",
                responses((status = 200, description = "The sheet", content_type = "application/octet-stream"),
                          (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
            pub async fn $name(
                State(state): State<AppState>,
                audience: Audience,
                ApiQuery(filters): ApiQuery<Filters>,
            ) -> Result<Response, AppError> {
                download(state, audience, filters, Collection::$collection, Format::$format).await
            }
        )+

        /// The download routes, one per collection and format.
        pub fn routes() -> OpenApiRouter<AppState> {
            OpenApiRouter::new() $(.routes(routes!($name)))+
        }
    };
}

downloads! {
    organisations_csv, "/organisations.csv", Organisations, Csv, "organisation";
    organisations_xlsx, "/organisations.xlsx", Organisations, Xlsx, "organisation";
    agreements_csv, "/agreements.csv", Agreements, Csv, "agreement";
    agreements_xlsx, "/agreements.xlsx", Agreements, Xlsx, "agreement";
    programmes_csv, "/programmes.csv", Programmes, Csv, "programme";
    programmes_xlsx, "/programmes.xlsx", Programmes, Xlsx, "programme";
    funding_csv, "/funding.csv", Funding, Csv, "funding";
    funding_xlsx, "/funding.xlsx", Funding, Xlsx, "funding";
    contacts_csv, "/contacts.csv", Contacts, Csv, "contact";
    contacts_xlsx, "/contacts.xlsx", Contacts, Xlsx, "contact";
}
