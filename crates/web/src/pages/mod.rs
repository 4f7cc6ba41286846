//! Server-rendered public pages. Each page is one typed view rendered by one
//! template; errors on these routes become HTML pages.

use axum::Router;
use axum::middleware;
use axum::routing::get;

use crate::http::render::render_errors;
use crate::{AppError, AppState};

mod calendar;
mod catalogue;
mod country_page;
mod directories;
mod incoming;
mod list_filters;
mod lists;
mod offers;
mod records;

/// The public page routes.
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(catalogue::home))
        .route("/countries", get(catalogue::countries))
        .route("/countries/{cc}", get(catalogue::country))
        .route("/organisations", get(lists::organisations))
        .route("/organisations/{id}", get(records::organisation))
        .route("/agreements", get(lists::agreements))
        .route("/agreements/{id}", get(records::agreement))
        .route("/programmes", get(lists::programmes))
        .route("/programmes/{id}", get(records::programme))
        .route("/funding", get(directories::funding_list))
        .route("/funding/{id}", get(records::funding))
        .route("/funding/{id}/deadlines/{file}", get(calendar::deadline))
        .route("/contacts", get(directories::contacts))
        .route("/contacts/{id}", get(records::contact))
        .route("/incoming", get(incoming::incoming))
        .route("/map", get(crate::atlas::map_page))
        .route("/map/country-names.json", get(crate::atlas::country_names))
        .route("/search", get(crate::finder::search_page))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state, render_errors))
}

async fn not_found() -> AppError {
    AppError::NotFound("There is no page at this address.".to_owned())
}
