//! The embedded backend: one SQLite file in WAL mode, created on first use.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::StoreError;

/// The statements of this backend.
mod sql {
    pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
    pub const GET: &str = "SELECT id, doc, created_at, updated_at, revision FROM records WHERE collection = ?1 AND id = ?2";
    pub const LIST: &str = "SELECT id, doc, created_at, updated_at, revision FROM records \
        WHERE collection = ?1 AND (NOT ?2 OR visibility = 'public') AND (?3 IS NULL OR kind = ?3) \
        AND (?4 IS NULL OR country = ?4) AND (?5 IS NULL OR search_text LIKE ?5 ESCAPE '\\') \
        AND (?6 IS NULL OR id > ?6) ORDER BY id LIMIT ?7";
    pub const CURRENT: &str =
        "SELECT doc, visibility, revision FROM records WHERE collection = ?1 AND id = ?2";
    pub const INSERT_CHANGE: &str = "INSERT INTO changes (collection, record_id, action, actor, at, before, after) \
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING revision";
    pub const UPSERT: &str = "INSERT INTO records (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9) ON CONFLICT (collection, id) DO UPDATE SET \
        kind = excluded.kind, country = excluded.country, visibility = excluded.visibility, \
        search_text = excluded.search_text, doc = excluded.doc, updated_at = excluded.updated_at, revision = excluded.revision";
    pub const DELETE: &str = "DELETE FROM records WHERE collection = ?1 AND id = ?2";
    pub const REVISION: &str = "SELECT COALESCE(MAX(revision), 0) FROM changes";
    pub const CHANGES_SINCE: &str = "SELECT revision, collection, record_id, action, actor, at, before, after \
        FROM changes WHERE revision > ?1 ORDER BY revision LIMIT ?2";
    pub const HISTORY: &str = "SELECT revision, collection, record_id, action, actor, at, before, after \
        FROM changes WHERE collection = ?1 AND record_id = ?2 ORDER BY revision";
    pub const GET_SETTING: &str = "SELECT value FROM settings WHERE key = ?1";
    pub const SET_SETTING: &str = "INSERT INTO settings (key, value) VALUES (?1, ?2) \
        ON CONFLICT (key) DO UPDATE SET value = excluded.value";
}

/// A registry in one SQLite file.
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating when missing) the file a `sqlite://PATH` URL names.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(SqliteStore { pool })
    }

    /// Takes the write lock up front so two writers queue instead of failing mid-way.
    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

crate::backend::impl_store!(SqliteStore, Sqlite, sql, "sqlite");
