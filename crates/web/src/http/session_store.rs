//! Web sessions kept in the registry's database (SQLite or PostgreSQL), so
//! every `kizuna serve` on one database shares them: a tower-sessions
//! [`SessionStore`] over [`Store`]'s `session_*` methods, the cookie settings,
//! and the task that prunes expired sessions and old sign-in failures.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kizuna_core::Store;
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::{self, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::{Expiry, SessionManagerLayer, SessionStore};

use crate::AppState;

/// The session cookie's name.
pub const COOKIE_NAME: &str = "kizuna_session";
/// A session ends after this long without use.
pub const INACTIVITY: Duration = Duration::from_secs(8 * 60 * 60);
/// How often expired sessions and old sign-in failures are removed.
pub const PRUNE_EVERY: Duration = Duration::from_secs(10 * 60);
/// Sign-in failures older than this are forgotten by the pruner.
pub const FAILURES_KEPT: Duration = Duration::from_secs(24 * 60 * 60);

/// Sessions stored as JSON-serialised tower-sessions records in the database.
#[derive(Clone)]
pub struct DbSessionStore {
    store: Arc<dyn Store>,
}

impl fmt::Debug for DbSessionStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DbSessionStore")
            .field("backend", &self.store.backend())
            .finish()
    }
}

impl DbSessionStore {
    /// A session store over `store`.
    pub fn new(store: Arc<dyn Store>) -> Self {
        DbSessionStore { store }
    }
}

fn backend(e: kizuna_core::StoreError) -> Error {
    Error::Backend(e.to_string())
}

/// A `time` instant as a chrono one (second precision suffices for expiry).
pub fn to_chrono(t: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond()).unwrap_or(DateTime::UNIX_EPOCH)
}

/// A chrono instant as a `time` one.
pub fn to_time(t: DateTime<Utc>) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(t.timestamp())
        .map(|s| s + time::Duration::nanoseconds(t.timestamp_subsec_nanos().into()))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        // 128 random bits make a collision all but impossible; still, never
        // hand out an id that names someone else's live session.
        while self
            .store
            .session_load(&record.id.to_string())
            .await
            .map_err(backend)?
            .is_some()
        {
            record.id = Id::default();
        }
        self.save(record).await
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(record).map_err(|e| Error::Encode(e.to_string()))?;
        self.store
            .session_save(&record.id.to_string(), &data, to_chrono(record.expiry_date))
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some(data) = self
            .store
            .session_load(&id.to_string())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let record: Record =
            serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?;
        Ok((record.id == *id && record.expiry_date > OffsetDateTime::now_utc()).then_some(record))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.store
            .session_delete(&id.to_string())
            .await
            .map_err(backend)
    }
}

/// The session layer: cookie `kizuna_session`, HttpOnly, SameSite=Lax,
/// `Secure` when configured, ending after 8 hours without use.
pub fn layer(state: &AppState) -> SessionManagerLayer<DbSessionStore> {
    let inactivity = time::Duration::seconds(INACTIVITY.as_secs() as i64);
    SessionManagerLayer::new(DbSessionStore::new(state.registry().store().clone()))
        .with_name(COOKIE_NAME)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.settings().secure_cookies)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(inactivity))
}

/// Removes expired sessions and day-old sign-in failures now.
pub async fn prune(store: &dyn Store) -> std::result::Result<(u64, u64), kizuna_core::StoreError> {
    let sessions = store.session_delete_expired().await?;
    let kept = chrono::Duration::from_std(FAILURES_KEPT).unwrap_or(chrono::Duration::days(1));
    let failures = store.prune_login_failures(Utc::now() - kept).await?;
    Ok((sessions, failures))
}

/// Prunes every [`PRUNE_EVERY`] until aborted.
pub fn spawn_pruner(state: &AppState) -> tokio::task::JoinHandle<()> {
    let store = state.registry().store().clone();
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(PRUNE_EVERY);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            match prune(store.as_ref()).await {
                Ok((sessions, failures)) if sessions + failures > 0 => {
                    tracing::debug!(
                        sessions,
                        failures,
                        "pruned expired sessions and sign-in failures"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not prune expired sessions"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_convert_both_ways() {
        let now = Utc::now();
        let there = to_chrono(to_time(now));
        assert_eq!(there, now);
    }
}
