//! The scale-out backend: several `kizuna serve` nodes share one PostgreSQL.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{PgConnection, Postgres, Row, Transaction};

use crate::batch::{ChangeRow, RecordRow, Stored};
use crate::{Db, StoreError};

mod backup;

/// The statements of this backend.
mod sql {
    /// What an upsert replaces of a stored record (all but `created_at`).
    macro_rules! upsert_set {
        () => {
            "ON CONFLICT (collection, id) DO UPDATE SET \
            kind = excluded.kind, country = excluded.country, visibility = excluded.visibility, \
            search_text = excluded.search_text, doc = excluded.doc, updated_at = excluded.updated_at, \
            revision = excluded.revision"
        };
    }

    pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");
    pub const GET: &str = "SELECT id, doc, created_at, updated_at, revision FROM records WHERE collection = $1 AND id = $2";
    pub const LIST: &str = "SELECT id, doc, created_at, updated_at, revision FROM records \
        WHERE collection = $1 AND (NOT $2 OR visibility = 'public') AND ($3::text IS NULL OR kind = $3) \
        AND ($4::text IS NULL OR country = $4) AND ($5::text IS NULL OR search_text LIKE $5 ESCAPE '\\') \
        AND id > COALESCE($6::text, '') ORDER BY id LIMIT $7";
    pub const CURRENT: &str = "SELECT id, doc, visibility, revision FROM records \
        WHERE collection = $1 AND id = $2 FOR UPDATE";
    /// [`CURRENT`] for an array of ids.
    pub const CURRENT_MANY: &str = "SELECT id, doc, visibility, revision FROM records \
        WHERE collection = $1 AND id = ANY($2) FOR UPDATE";
    pub const INSERT_CHANGE: &str = "INSERT INTO changes (collection, record_id, action, actor, at, before, after) \
        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING revision";
    /// [`INSERT_CHANGE`] for arrays of collections, ids, actions, befores and afters, in array order.
    pub const INSERT_CHANGES: &str = "INSERT INTO changes (collection, record_id, action, actor, at, before, after) \
        SELECT c, r, a, $6, $7, b, f \
        FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(c, r, a, b, f, n) \
        ORDER BY n RETURNING revision";
    pub const UPSERT: &str = concat!(
        "INSERT INTO records (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) ",
        upsert_set!()
    );
    /// [`UPSERT`] for arrays of collections, ids, kinds, countries,
    /// visibilities, search texts and revisions (a key at most once), the
    /// document being the `after` of that revision's change.
    pub const UPSERT_MANY: &str = concat!(
        "INSERT INTO records (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        SELECT t.c, t.i, t.k, t.o, t.v, t.s, changes.after, $8, $8, t.r \
        FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[]) \
        AS t(c, i, k, o, v, s, r) JOIN changes ON changes.revision = t.r ",
        upsert_set!()
    );
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
    pub const USER_BY_IDENTITY: &str = "SELECT id, email, role, units, disabled, created_at FROM users WHERE sign_on_identity = $1";
    pub const LINK_IDENTITY: &str = "UPDATE users SET sign_on_identity = $2, updated_at = $3 \
        WHERE id = $1 AND (sign_on_identity IS NULL OR sign_on_identity = $2)";
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
            .await
            .db()?;
        Ok(PostgresStore { pool })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, StoreError> {
        let mut tx = self.pool.begin().await.db()?;
        sqlx::query(sql::WRITE_LOCK).execute(&mut *tx).await.db()?;
        Ok(tx)
    }

    /// Accounts, tokens and sessions are not revisioned, so they skip the writers' lock.
    async fn begin_plain(&self) -> Result<Transaction<'static, Postgres>, StoreError> {
        self.pool.begin().await.db()
    }

    /// Commits a write.
    async fn commit(&self, tx: Transaction<'static, Postgres>) -> Result<(), StoreError> {
        tx.commit().await.db()
    }

    /// Nothing to do before a write.
    async fn before_apply(&self, _changes: usize) {}

    /// PostgreSQL needs no settings of its own for bulk writes.
    async fn bulk_write(
        _tx: &mut Transaction<'static, Postgres>,
        _on: bool,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// The stored records among `ids` of a collection, with their ids, locked.
    async fn current(
        conn: &mut PgConnection,
        collection: &str,
        ids: &[&str],
    ) -> Result<Vec<(String, Stored)>, StoreError> {
        let query = match ids {
            [id] => sqlx::query(sql::CURRENT).bind(collection).bind(*id),
            _ => sqlx::query(sql::CURRENT_MANY).bind(collection).bind(ids),
        };
        let rows = query.fetch_all(conn).await.db()?;
        rows.iter()
            .map(|row| {
                let stored = Stored {
                    doc: row.try_get(1).db()?,
                    visibility: row.try_get(2).db()?,
                    revision: row.try_get(3).db()?,
                };
                Ok((row.try_get(0).db()?, stored))
            })
            .collect()
    }

    /// Writes change-log rows and returns their revisions, in no particular order.
    async fn insert_changes(
        conn: &mut PgConnection,
        rows: &[ChangeRow<'_>],
        actor: &str,
        now: &str,
    ) -> Result<Vec<i64>, StoreError> {
        let query = match rows {
            [row] => sqlx::query(sql::INSERT_CHANGE)
                .bind(row.collection)
                .bind(row.id)
                .bind(row.action)
                .bind(actor)
                .bind(now)
                .bind(row.before.as_deref())
                .bind(row.after.as_deref()),
            _ => sqlx::query(sql::INSERT_CHANGES)
                .bind(column(rows, |r| Some(r.collection)))
                .bind(column(rows, |r| Some(r.id)))
                .bind(column(rows, |r| Some(r.action)))
                .bind(column(rows, |r| r.before.as_deref()))
                .bind(column(rows, |r| r.after.as_deref()))
                .bind(actor)
                .bind(now),
        };
        let rows = query.fetch_all(conn).await.db()?;
        rows.iter()
            .map(|row| row.try_get(0))
            .collect::<Result<_, _>>()
            .db()
    }

    /// Creates or replaces records (each at most once), keeping their `created_at`.
    async fn upsert_records(
        conn: &mut PgConnection,
        rows: &[RecordRow<'_>],
        now: &str,
    ) -> Result<(), StoreError> {
        let query = match rows {
            [row] => {
                let r = row.record;
                sqlx::query(sql::UPSERT)
                    .bind(r.collection.as_str())
                    .bind(&r.id)
                    .bind(r.kind.as_deref())
                    .bind(r.country.as_ref().map(|c| c.as_str()))
                    .bind(r.visibility.as_str())
                    .bind(&r.search_text)
                    .bind(&*row.doc)
                    .bind(now)
                    .bind(row.revision)
            }
            _ => sqlx::query(sql::UPSERT_MANY)
                .bind(column(rows, |r| Some(r.record.collection.as_str())))
                .bind(column(rows, |r| Some(&r.record.id)))
                .bind(column(rows, |r| r.record.kind.as_deref()))
                .bind(column(rows, |r| {
                    r.record.country.as_ref().map(|c| c.as_str())
                }))
                .bind(column(rows, |r| Some(r.record.visibility.as_str())))
                .bind(column(rows, |r| Some(&r.record.search_text)))
                .bind(rows.iter().map(|r| r.revision).collect::<Vec<i64>>())
                .bind(now),
        };
        query.execute(conn).await.db()?;
        Ok(())
    }
}

/// One column of an `UNNEST` array parameter.
fn column<'r, T>(rows: &'r [T], f: impl Fn(&'r T) -> Option<&'r str>) -> Vec<Option<&'r str>> {
    rows.iter().map(f).collect()
}

crate::backend::impl_store!(PostgresStore, Postgres, sql, "postgres");
