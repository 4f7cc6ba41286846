//! The staff side: sign-in pages, the back office (every change goes through
//! `kizuna_core::Writer`), history and feeds.

pub mod admin;
pub mod dashboard;
pub mod feeds;
mod login;
pub mod oidc;

use axum::Router;

use crate::AppState;

/// Routes of the staff side (pages and feeds; the JSON writes live under `/api/v1`).
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(login::routes())
        .merge(oidc::routes())
        .merge(dashboard::routes(state.clone()))
        .merge(admin::routes(state.clone()))
        .merge(feeds::routes(state))
}
