//! Kizuna's storage: the SQLite and PostgreSQL implementations of the
//! core's [`Store`] interface, each owning its SQL and migrations.

mod backend;
mod backup;
mod batch;
mod error;
pub mod postgres;
pub mod sqlite;
pub mod testing;

use std::sync::Arc;

pub use kizuna_core::store::*;

pub(crate) use error::Db;

/// Opens the database a URL names and brings its schema up to date.
pub async fn connect(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    let store: Arc<dyn Store> = if url.starts_with("sqlite:") {
        Arc::new(sqlite::SqliteStore::open(url).await?)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Arc::new(postgres::PostgresStore::open(url).await?)
    } else {
        return Err(StoreError::UnsupportedUrl(url.to_owned()));
    };
    store.migrate().await?;
    Ok(store)
}
