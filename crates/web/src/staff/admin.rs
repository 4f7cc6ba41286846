//! The back office: forms to create, edit and delete records.

use axum::Router;

use crate::AppState;

/// Back-office routes under `/admin`.
pub fn routes(_state: AppState) -> Router<AppState> {
    Router::new()
}
