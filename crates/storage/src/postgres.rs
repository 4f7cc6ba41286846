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

    // Accounts, tokens, sessions and sign-in failures.
    pub const INSERT_USER: &str = "INSERT INTO users (email, password_hash, role, units, disabled, created_at, updated_at) \
        VALUES ($1, $2, $3, $4, FALSE, $5, $5) RETURNING id, email, role, units, disabled, created_at";
    pub const GET_USER: &str =
        "SELECT id, email, role, units, disabled, created_at FROM users WHERE id = $1";
    pub const GET_USER_BY_EMAIL: &str = "SELECT id, email, role, units, disabled, created_at, password_hash \
        FROM users WHERE email = $1";
    pub const LIST_USERS: &str =
        "SELECT id, email, role, units, disabled, created_at FROM users ORDER BY email";
    pub const SET_PASSWORD_HASH: &str =
        "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1";
    pub const UPDATE_USER: &str = "UPDATE users SET role = COALESCE($2::text, role), units = COALESCE($3::text, units), \
        disabled = COALESCE($4::boolean, disabled), updated_at = $5 WHERE id = $1 \
        RETURNING id, email, role, units, disabled, created_at";
    pub const INSERT_TOKEN: &str = "INSERT INTO api_tokens (user_id, name, token_hash, created_at) \
        VALUES ($1, $2, $3, $4) RETURNING id";
    pub const TOKEN_USER: &str = "SELECT u.id, u.email, u.role, u.units, u.disabled, u.created_at, t.id, t.last_used_at \
        FROM api_tokens t JOIN users u ON u.id = t.user_id \
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled";
    pub const TOUCH_TOKEN: &str = "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1";
    pub const REVOKE_TOKEN: &str = "UPDATE api_tokens SET revoked_at = $3 \
        WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL";
    pub const LIST_TOKENS: &str = "SELECT id, user_id, name, created_at, last_used_at, revoked_at \
        FROM api_tokens WHERE user_id = $1 ORDER BY id";
    pub const SESSION_LOAD: &str = "SELECT data FROM sessions WHERE id = $1 AND expires_at > $2";
    pub const SESSION_SAVE: &str = "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at";
    pub const SESSION_DELETE: &str = "DELETE FROM sessions WHERE id = $1";
    pub const SESSION_DELETE_EXPIRED: &str = "DELETE FROM sessions WHERE expires_at <= $1";
    pub const INSERT_LOGIN_FAILURE: &str = "INSERT INTO login_attempts (key, at) VALUES ($1, $2)";
    pub const COUNT_LOGIN_FAILURES: &str =
        "SELECT COUNT(*) FROM login_attempts WHERE key = $1 AND at >= $2";
    pub const CLEAR_LOGIN_FAILURES: &str = "DELETE FROM login_attempts WHERE key = $1";
    pub const PRUNE_LOGIN_FAILURES: &str = "DELETE FROM login_attempts WHERE at < $1";

    // Documents and erasure.
    pub const PUT_DOCUMENT: &str = "INSERT INTO documents (id, agreement_id, name, content_type, size, data, uploaded_by, uploaded_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    pub const GET_DOCUMENT: &str = "SELECT id, agreement_id, name, content_type, size, data, uploaded_by, uploaded_at \
        FROM documents WHERE id = $1";
    pub const DELETE_DOCUMENT: &str = "DELETE FROM documents WHERE id = $1";
    pub const REDACT_HISTORY: &str = "UPDATE changes SET \
        before = CASE WHEN before IS NULL THEN NULL ELSE $3 END, \
        after = CASE WHEN after IS NULL THEN NULL ELSE $3 END \
        WHERE collection = $1 AND record_id = $2";
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

    /// Accounts, tokens and sessions are not revisioned, so they skip the writers' lock.
    async fn begin_plain(&self) -> Result<Transaction<'static, Postgres>, StoreError> {
        Ok(self.pool.begin().await?)
    }
}

crate::backend::impl_store!(PostgresStore, Postgres, sql, "postgres");
