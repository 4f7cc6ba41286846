//! The staff side: sign-in, the back office (every change goes through
//! `kizuna_core::Writer`), history and feeds.

pub mod admin;
pub mod auth;
pub mod csrf;
pub mod dashboard;
pub mod feeds;
pub mod session_store;

use axum::Router;

use crate::AppState;

/// Routes of the staff side (pages and feeds; the JSON writes live under `/api/v1`).
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(auth::routes(state.clone()))
        .merge(dashboard::routes(state.clone()))
        .merge(admin::routes(state.clone()))
        .merge(feeds::routes(state))
}
