//! The embedded backend: one SQLite file in WAL mode, created on first use.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, Sqlite, SqliteConnection, SqlitePool, Transaction};

mod backup;
mod checkpoint;

use crate::batch::{ChangeRow, RecordRow, Stored};
use crate::{Db, StoreError};

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

    pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
    pub const GET: &str = "SELECT id, doc, created_at, updated_at, revision FROM records WHERE collection = ?1 AND id = ?2";
    pub const LIST: &str = "SELECT id, doc, created_at, updated_at, revision FROM records \
        WHERE collection = ?1 AND (NOT ?2 OR visibility = 'public') AND (?3 IS NULL OR kind = ?3) \
        AND (?4 IS NULL OR country = ?4) AND (?5 IS NULL OR search_text LIKE ?5 ESCAPE '\\') \
        AND id > COALESCE(?6, '') ORDER BY id LIMIT ?7";
    pub const CURRENT: &str =
        "SELECT id, doc, visibility, revision FROM records WHERE collection = ?1 AND id = ?2";
    /// [`CURRENT`] for the ids in a JSON array.
    pub const CURRENT_MANY: &str = "SELECT id, doc, visibility, revision FROM records \
        WHERE collection = ?1 AND id IN (SELECT value FROM json_each(?2))";
    pub const INSERT_CHANGE: &str = "INSERT INTO changes (collection, record_id, action, actor, at, before, after) \
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING revision";
    /// [`INSERT_CHANGE`] for many rows: this, then [`values`] of its seven
    /// columns and `RETURNING revision`. `OR IGNORE`, because a statement
    /// that may abort half-way copies every page it touches into a statement
    /// journal first (a fifth of a bulk write's time); every row it wrote has
    /// a revision, and the caller refuses a count that falls short.
    pub const INSERT_CHANGES: &str = "INSERT OR IGNORE INTO changes (collection, record_id, action, actor, at, before, after) VALUES ";
    pub const UPSERT: &str = concat!(
        "INSERT INTO records (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9) ",
        upsert_set!()
    );
    /// [`UPSERT`] for many rows: this, then [`values`] of its ten columns,
    /// then [`UPSERT_SET`].
    pub const UPSERT_MANY: &str = "INSERT INTO records (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) VALUES ";
    /// The end of [`UPSERT_MANY`].
    pub const UPSERT_SET: &str = concat!(" ", upsert_set!());
    /// Inserts records not stored before: this, then [`values`] of eight
    /// columns (the document is the `after` of the revision's change, already
    /// written, so it is not bound twice), then [`INSERT_NEW_END`]. `OR
    /// IGNORE` for the reason [`INSERT_CHANGES`] gives; the caller counts the rows.
    pub const INSERT_NEW: &str = "INSERT OR IGNORE INTO records \
        (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, changes.after, \
        v.column7, v.column7, v.column8 FROM (VALUES ";
    /// The end of [`INSERT_NEW`].
    pub const INSERT_NEW_END: &str = ") AS v JOIN changes ON changes.revision = v.column8";

    /// `head`, then `rows` copies of `row`. Rows are bound as parameters
    /// rather than as one JSON text, so neither side renders or parses the
    /// documents a second time. The parameters are bare `?`: SQLite looks a
    /// numbered one up by a scan of all of them, thousands per statement.
    pub fn values(head: &str, row: &str, rows: usize) -> String {
        let mut sql = String::with_capacity(head.len() + rows * (row.len() + 1));
        sql.push_str(head);
        for i in 0..rows {
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(row);
        }
        sql
    }
    pub const DELETE: &str = "DELETE FROM records WHERE collection = ?1 AND id = ?2";
    pub const REVISION: &str = "SELECT COALESCE(MAX(revision), 0) FROM changes";
    pub const CHANGES_SINCE: &str = "SELECT revision, collection, record_id, action, actor, at, before, after \
        FROM changes WHERE revision > ?1 ORDER BY revision LIMIT ?2";
    pub const HISTORY: &str = "SELECT revision, collection, record_id, action, actor, at, before, after \
        FROM changes WHERE collection = ?1 AND record_id = ?2 ORDER BY revision";
    pub const GET_SETTING: &str = "SELECT value FROM settings WHERE key = ?1";
    pub const SET_SETTING: &str = "INSERT INTO settings (key, value) VALUES (?1, ?2) \
        ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    // Accounts, tokens, sessions and sign-in failures.
    pub const INSERT_USER: &str = "INSERT INTO users (email, password_hash, role, units, disabled, created_at, updated_at) \
        VALUES (?1, ?2, ?3, ?4, FALSE, ?5, ?5) RETURNING id, email, role, units, disabled, created_at";
    pub const GET_USER: &str =
        "SELECT id, email, role, units, disabled, created_at FROM users WHERE id = ?1";
    pub const GET_USER_BY_EMAIL: &str = "SELECT id, email, role, units, disabled, created_at, password_hash \
        FROM users WHERE email = ?1";
    pub const LIST_USERS: &str =
        "SELECT id, email, role, units, disabled, created_at FROM users ORDER BY email";
    pub const SET_PASSWORD_HASH: &str =
        "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1";
    pub const UPDATE_USER: &str = "UPDATE users SET role = COALESCE(?2, role), units = COALESCE(?3, units), \
        disabled = COALESCE(?4, disabled), updated_at = ?5 WHERE id = ?1 \
        RETURNING id, email, role, units, disabled, created_at";
    pub const USER_BY_IDENTITY: &str = "SELECT id, email, role, units, disabled, created_at FROM users WHERE sign_on_identity = ?1";
    pub const LINK_IDENTITY: &str = "UPDATE users SET sign_on_identity = ?2, updated_at = ?3 \
        WHERE id = ?1 AND (sign_on_identity IS NULL OR sign_on_identity = ?2)";
    pub const INSERT_TOKEN: &str = "INSERT INTO api_tokens (user_id, name, token_hash, created_at) \
        VALUES (?1, ?2, ?3, ?4) RETURNING id";
    pub const TOKEN_USER: &str = "SELECT u.id, u.email, u.role, u.units, u.disabled, u.created_at, t.id, t.last_used_at \
        FROM api_tokens t JOIN users u ON u.id = t.user_id \
        WHERE t.token_hash = ?1 AND t.revoked_at IS NULL AND NOT u.disabled";
    pub const TOUCH_TOKEN: &str = "UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1";
    pub const REVOKE_TOKEN: &str = "UPDATE api_tokens SET revoked_at = ?3 \
        WHERE user_id = ?1 AND id = ?2 AND revoked_at IS NULL";
    pub const LIST_TOKENS: &str = "SELECT id, user_id, name, created_at, last_used_at, revoked_at \
        FROM api_tokens WHERE user_id = ?1 ORDER BY id";
    pub const SESSION_LOAD: &str = "SELECT data FROM sessions WHERE id = ?1 AND expires_at > ?2";
    pub const SESSION_SAVE: &str = "INSERT INTO sessions (id, data, expires_at) VALUES (?1, ?2, ?3) \
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at";
    pub const SESSION_DELETE: &str = "DELETE FROM sessions WHERE id = ?1";
    pub const SESSION_DELETE_EXPIRED: &str = "DELETE FROM sessions WHERE expires_at <= ?1";
    pub const INSERT_LOGIN_FAILURE: &str = "INSERT INTO login_attempts (key, at) VALUES (?1, ?2)";
    pub const COUNT_LOGIN_FAILURES: &str =
        "SELECT COUNT(*) FROM login_attempts WHERE key = ?1 AND at >= ?2";
    pub const CLEAR_LOGIN_FAILURES: &str = "DELETE FROM login_attempts WHERE key = ?1";
    pub const PRUNE_LOGIN_FAILURES: &str = "DELETE FROM login_attempts WHERE at < ?1";

    // Documents and erasure.
    pub const PUT_DOCUMENT: &str = "INSERT INTO documents (id, agreement_id, name, content_type, size, data, uploaded_by, uploaded_at) \
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    pub const GET_DOCUMENT: &str = "SELECT id, agreement_id, name, content_type, size, data, uploaded_by, uploaded_at \
        FROM documents WHERE id = ?1";
    pub const DELETE_DOCUMENT: &str = "DELETE FROM documents WHERE id = ?1";
    pub const REDACT_HISTORY: &str = "UPDATE changes SET \
        before = CASE WHEN before IS NULL THEN NULL ELSE ?3 END, \
        after = CASE WHEN after IS NULL THEN NULL ELSE ?3 END \
        WHERE collection = ?1 AND record_id = ?2";
}

/// Connections of the pool.
const CONNECTIONS: u32 = 8;
/// Page cache of a connection, as `PRAGMA cache_size` takes it (negative:
/// KiB); bulk writes take 256 MiB ([`SqliteStore::bulk_write`]).
const CACHE_KIB: &str = "-4096";

/// A registry in one SQLite file.
pub struct SqliteStore {
    pool: SqlitePool,
    checkpointer: checkpoint::Checkpointer,
}

impl SqliteStore {
    /// Opens (creating when missing) the file a `sqlite://PATH` URL names.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)
            .db()?
            .create_if_missing(true)
            // New files only (an existing file keeps its page size): SQLite's
            // largest pages. Records are kept in id order but an import brings
            // them in no order, and the fewer pages a B-tree has, the fewer of
            // them inserts split and a commit writes: a first ROR import took
            // 10% less time than with 16 KiB pages, and reads (served from
            // memory above the store) measured the same.
            .page_size(65_536)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // A small page cache per connection (reads are served from memory
            // above the store, the OS caches the file, and eight connections
            // would otherwise hold their caches' worth each once warm);
            // temporary tables in memory.
            .pragma("cache_size", CACHE_KIB)
            .pragma("temp_store", "memory")
            // No checkpoint inside a commit: the store checkpoints in the background.
            .pragma("wal_autocheckpoint", "0")
            .pragma("journal_size_limit", checkpoint::LOG_LIMIT.to_string());
        // Every connection is opened up front and kept: the pool, and with it
        // the memory its connections hold, is the same size under any load.
        let pool = SqlitePoolOptions::new()
            .min_connections(CONNECTIONS)
            .max_connections(CONNECTIONS)
            .connect_with(options)
            .await
            .db()?;
        let page_size: i64 = sqlx::query_scalar("PRAGMA page_size")
            .fetch_one(&pool)
            .await
            .db()?;
        Ok(SqliteStore {
            checkpointer: checkpoint::Checkpointer::new(pool.clone(), page_size),
            pool,
        })
    }

    /// Takes the write lock up front so two writers queue instead of failing mid-way.
    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.db()
    }

    /// Accounts, tokens and sessions are not revisioned: the same immediate lock suffices.
    async fn begin_plain(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        self.begin_write().await
    }

    /// Commits a write; the log is checkpointed in the background.
    async fn commit(&self, tx: Transaction<'static, Sqlite>) -> Result<(), StoreError> {
        tx.commit().await.db()?;
        self.checkpointer.wrote();
        Ok(())
    }

    /// Switches a write's connection to a page cache that holds what a bulk
    /// write modifies (so its transaction does not spill half-written pages
    /// into the log and read them back), and back to the everyday one.
    async fn bulk_write(tx: &mut Transaction<'static, Sqlite>, on: bool) -> Result<(), StoreError> {
        let pragma = if on {
            "PRAGMA cache_size = -262144"
        } else {
            "PRAGMA cache_size = -4096"
        };
        sqlx::query(pragma).execute(&mut **tx).await.db()?;
        Ok(())
    }

    /// Before a write of `changes` changes: a bulk write keeps the log bounded.
    async fn before_apply(&self, changes: usize) {
        if changes >= crate::batch::CHUNK {
            self.checkpointer.bound().await;
        }
    }

    /// The stored records among `ids` of a collection, with their ids.
    async fn current(
        conn: &mut SqliteConnection,
        collection: &str,
        ids: &[&str],
    ) -> Result<Vec<(String, Stored)>, StoreError> {
        let query = match ids {
            [id] => sqlx::query(sql::CURRENT).bind(collection).bind(*id),
            _ => sqlx::query(sql::CURRENT_MANY)
                .bind(collection)
                .bind(serde_json::to_string(ids).expect("ids serialise")),
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
        conn: &mut SqliteConnection,
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
            _ => {
                let row = "(?, ?, ?, ?, ?, ?, ?)";
                let sql = sql::values(sql::INSERT_CHANGES, row, rows.len()) + " RETURNING revision";
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for r in rows {
                    query = query
                        .bind(r.collection)
                        .bind(r.id)
                        .bind(r.action)
                        .bind(actor)
                        .bind(now)
                        .bind(r.before.clone())
                        .bind(r.after.clone());
                }
                query
            }
        };
        let rows = query.fetch_all(conn).await.db()?;
        rows.iter()
            .map(|row| row.try_get(0))
            .collect::<Result<_, _>>()
            .db()
    }

    /// Creates or replaces records (each at most once), keeping their `created_at`.
    async fn upsert_records(
        conn: &mut SqliteConnection,
        rows: &[RecordRow<'_>],
        now: &str,
    ) -> Result<(), StoreError> {
        let (fresh, stored): (Vec<&RecordRow<'_>>, Vec<&RecordRow<'_>>) =
            rows.iter().partition(|r| r.fresh);
        if fresh.len() > 1 {
            Self::insert_records(&mut *conn, &fresh, now).await?;
        } else {
            Self::replace_records(&mut *conn, &fresh, now).await?;
        }
        Self::replace_records(conn, &stored, now).await
    }

    /// Inserts records that were not stored before the batch.
    async fn insert_records(
        conn: &mut SqliteConnection,
        rows: &[&RecordRow<'_>],
        now: &str,
    ) -> Result<(), StoreError> {
        let row = "(?, ?, ?, ?, ?, ?, ?, ?)";
        let sql = sql::values(sql::INSERT_NEW, row, rows.len()) + sql::INSERT_NEW_END;
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in rows {
            query = bind_columns(query, row.record).bind(now).bind(row.revision);
        }
        let done = query.execute(conn).await.db()?;
        if done.rows_affected() != rows.len() as u64 {
            return Err(StoreError::Database(Box::new(sqlx::Error::Protocol(
                format!(
                    "{} of {} new records were inserted",
                    done.rows_affected(),
                    rows.len()
                ),
            ))));
        }
        Ok(())
    }

    /// Creates or replaces records, keeping the `created_at` of stored ones.
    async fn replace_records(
        conn: &mut SqliteConnection,
        rows: &[&RecordRow<'_>],
        now: &str,
    ) -> Result<(), StoreError> {
        let query = match rows {
            [] => return Ok(()),
            [row] => bind_columns(sqlx::query(sql::UPSERT), row.record)
                .bind(&*row.doc)
                .bind(now)
                .bind(row.revision),
            _ => {
                let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
                let sql = sql::values(sql::UPSERT_MANY, row, rows.len()) + sql::UPSERT_SET;
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for row in rows {
                    query = bind_columns(query, row.record)
                        .bind(row.doc.clone())
                        .bind(now)
                        .bind(now)
                        .bind(row.revision);
                }
                query
            }
        };
        query.execute(conn).await.db()?;
        Ok(())
    }
}

/// A statement being bound for SQLite.
type SqliteQuery<'q> = sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments>;

/// Binds the columns every record row starts with: collection, id, kind,
/// country, visibility and search text.
fn bind_columns<'q>(
    query: SqliteQuery<'q>,
    r: &'q kizuna_core::store::NewRecord,
) -> SqliteQuery<'q> {
    query
        .bind(r.collection.as_str())
        .bind(&r.id)
        .bind(r.kind.as_deref())
        .bind(r.country.as_ref().map(|c| c.as_str()))
        .bind(r.visibility.as_str())
        .bind(&r.search_text)
}

crate::backend::impl_store!(SqliteStore, Sqlite, sql, "sqlite");

#[cfg(test)]
mod tests {
    use super::sql::values;

    /// A page after a cursor seeks to it through the primary key: written as
    /// `(?6 IS NULL OR id > ?6)` it walked every row before the cursor, so
    /// reading a registry page by page (every start) grew with its square.
    #[tokio::test]
    async fn a_page_after_a_cursor_seeks_to_it() {
        let store = super::SqliteStore::open(&crate::testing::fresh_sqlite_url())
            .await
            .unwrap();
        super::sql::MIGRATOR.run(&store.pool).await.unwrap();
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "EXPLAIN QUERY PLAN {}",
            super::sql::LIST
        )))
        .bind("organisations")
        .bind(false)
        .bind(None::<String>)
        .bind(None::<String>)
        .bind(None::<String>)
        .bind("riken")
        .bind(1000)
        .fetch_all(&store.pool)
        .await
        .unwrap();
        let steps: Vec<&str> = plan.iter().map(|row| row.3.as_str()).collect();
        assert!(
            steps.iter().any(|s| s.contains("collection=? AND id>?")),
            "{steps:?}"
        );
    }

    #[test]
    fn values_repeat_the_row() {
        assert_eq!(
            values("INSERT INTO t VALUES ", "(?, ?)", 3),
            "INSERT INTO t VALUES (?, ?),(?, ?),(?, ?)"
        );
        assert_eq!(values("X ", "(?)", 1), "X (?)");
    }
}
