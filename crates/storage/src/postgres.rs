//! The scale-out backend: several `kizuna serve` nodes share one PostgreSQL.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, Transaction};

use crate::StoreError;

/// The statements of this backend.
mod sql {
    pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");
    pub const GET: &str = "SELECT id, doc, created_at, updated_at, revision FROM records WHERE collection = $1 AND id = $2";
    pub const LIST: &str = "SELECT id, doc, created_at, updated_at, revision FROM records \
        WHERE collection = $1 AND (NOT $2 OR visibility = 'public') AND ($3::text IS NULL OR kind = $3) \
        AND ($4::text IS NULL OR country = $4) AND ($5::text IS NULL OR search_text LIKE $5 ESCAPE '\\') \
        AND ($6::text IS NULL OR id > $6) ORDER BY id LIMIT $7";
    pub const CURRENT: &str = "SELECT doc, visibility, revision FROM records WHERE collection = $1 AND id = $2 FOR UPDATE";
    pub const INSERT_CHANGE: &str = "INSERT INTO changes (collection, record_id, action, actor, at, before, after) \
        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING revision";
    pub const UPSERT: &str = "INSERT INTO records (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) ON CONFLICT (collection, id) DO UPDATE SET \
        kind = excluded.kind, country = excluded.country, visibility = excluded.visibility, \
        search_text = excluded.search_text, doc = excluded.doc, updated_at = excluded.updated_at, revision = excluded.revision";
    pub const DELETE: &str = "DELETE FROM records WHERE collection = $1 AND id = $2";
    pub const REVISION: &str = "SELECT COALESCE(MAX(revision), 0)::bigint FROM changes";
    pub const CHANGES_SINCE: &str = "SELECT revision, collection, record_id, action, actor, at, before, after \
        FROM changes WHERE revision > $1 ORDER BY revision LIMIT $2";
    pub const HISTORY: &str = "SELECT revision, collection, record_id, action, actor, at, before, after \
        FROM changes WHERE collection = $1 AND record_id = $2 ORDER BY revision";
    pub const GET_SETTING: &str = "SELECT value FROM settings WHERE key = $1";
    pub const SET_SETTING: &str = "INSERT INTO settings (key, value) VALUES ($1, $2) \
        ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    /// Serialises writers so revisions commit in the order they are numbered:
    /// a follower reading `revision > n` can then never miss a change.
    pub const WRITE_LOCK: &str = "SELECT pg_advisory_xact_lock(7218347)";
}

/// A registry in a PostgreSQL database.
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to a `postgres://` URL.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .connect(url)
            .await?;
        Ok(PostgresStore { pool })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(sql::WRITE_LOCK).execute(&mut *tx).await?;
        Ok(tx)
    }
}

crate::backend::impl_store!(PostgresStore, Postgres, sql, "postgres");
