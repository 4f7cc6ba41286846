//! Server-rendered public pages. Each page is one typed view rendered by one
//! template; errors on these routes become HTML pages.

use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;

use crate::error::Problem;
use crate::http::render::render;
use crate::{AppError, AppState};

mod catalogue;
mod records;

/// The public page routes.
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(catalogue::home))
        .route("/countries", get(catalogue::countries))
        .route("/countries/{cc}", get(catalogue::country))
        .route("/organisations/{id}", get(records::organisation))
        .route("/agreements/{id}", get(records::agreement))
        .route("/programmes/{id}", get(records::programme))
        .route("/funding", get(catalogue::funding_list))
        .route("/funding/{id}", get(records::funding))
        .route("/contacts", get(catalogue::contacts))
        .route("/map", get(crate::atlas::map_page))
        .route("/search", get(crate::finder::search_page))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state, render_errors))
}

async fn not_found() -> AppError {
    AppError::NotFound("There is no page at this address.".to_owned())
}

/// The error page's view.
#[derive(Debug, Serialize)]
struct ErrorView {
    status: u16,
    title: String,
    detail: String,
}

/// Turns problem documents from page handlers into HTML error pages.
pub(crate) async fn render_errors(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let Some(problem) = response.extensions().get::<Problem>().cloned() else {
        return response;
    };
    let status = response.status();
    let view = ErrorView {
        status: problem.status,
        title: problem.title.clone(),
        detail: problem.detail,
    };
    match render(&state, "error.html", problem.title, &path, view).await {
        Ok(html) => (status, html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "the error page itself failed");
            response
        }
    }
}
