//! Feeds: funding deadlines and agreement expiries as iCalendar, recent changes as Atom.

use axum::Router;

use crate::AppState;

/// Feed routes under `/feeds`.
pub fn routes(_state: AppState) -> Router<AppState> {
    Router::new()
}
