//! The staff side: sign-in, the back office, every change to the registry,
//! history and feeds.

pub mod auth;
pub mod writes;

use axum::Router;

use crate::AppState;

/// Routes of the staff side (pages and feeds; the JSON writes live under `/api/v1`).
pub fn routes(_state: AppState) -> Router<AppState> {
    Router::new()
}
