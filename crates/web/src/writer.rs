//! The web side of every change: the core [`Writer`] judging by the state's
//! snapshot, and the refresh after a change that makes it visible and
//! searchable at once. The rules themselves live in `kizuna_core::write`.

use kizuna_core::{WriteError, Writer};

use crate::{AppError, AppState};

/// The one write path, judging changes by the state's current snapshot.
pub async fn writer(state: &AppState) -> Writer {
    Writer::new(state.registry().clone(), state.snapshot().await)
}

/// Brings the snapshot and search index up to the write just made; a failure
/// is logged, not reported (the write itself succeeded, and the follower retries).
pub async fn after_write(state: &AppState) {
    if let Err(e) = state.refresh().await {
        tracing::warn!(error = %e, "could not refresh after a write");
    }
}

/// Refreshes the state after a change that went through, and turns a
/// refusal into the edge's error (for handlers that match on it).
pub async fn finish<T>(state: &AppState, result: Result<T, WriteError>) -> Result<T, AppError> {
    let value = result?;
    after_write(state).await;
    Ok(value)
}
