//! Backups on PostgreSQL: see [`crate::backup`].

use sqlx::{PgConnection, Postgres, Transaction};

use super::PostgresStore;
use crate::backend::time_text;
use crate::{ChangeEntry, Db, RestoredRecord, StoreError};

/// The statements of backups and restores.
mod sql {
    pub(super) use super::super::sql::{
        CHANGES_SINCE, GET_DOCUMENT, LIST, PUT_DOCUMENT, SET_SETTING,
    };

    /// A dump reads one snapshot of every table, and writes nothing.
    pub(super) const BEGIN_READ: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
    pub(super) const SETTINGS: &str = "SELECT key, value FROM settings ORDER BY key";
    pub(super) const USERS: &str = "SELECT id, email, role, units, disabled, created_at, password_hash \
        FROM users ORDER BY id";
    pub(super) const TOKENS: &str = "SELECT id, user_id, name, created_at, last_used_at, revoked_at, token_hash \
        FROM api_tokens ORDER BY id";
    pub(super) const DOCUMENT_IDS: &str = "SELECT id FROM documents ORDER BY id";
    /// Empties every table (inside the transaction: a rollback brings them back).
    pub(super) const WIPE: &[&str] = &[
        "TRUNCATE api_tokens, sessions, login_attempts, users, documents, records, changes, settings",
    ];
    /// Restored rows keep their ids and revisions; the sequences move past them.
    pub(super) const AFTER_RESTORE: &[&str] = &[
        "SELECT setval(pg_get_serial_sequence('changes', 'revision'), \
         COALESCE((SELECT MAX(revision) FROM changes), 0) + 1, false)",
        "SELECT setval(pg_get_serial_sequence('users', 'id'), \
         COALESCE((SELECT MAX(id) FROM users), 0) + 1, false)",
        "SELECT setval(pg_get_serial_sequence('api_tokens', 'id'), \
         COALESCE((SELECT MAX(id) FROM api_tokens), 0) + 1, false)",
    ];
    pub(super) const RESTORE_USER: &str = "INSERT INTO users \
        (id, email, password_hash, role, units, disabled, created_at, updated_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
    pub(super) const RESTORE_TOKEN: &str = "INSERT INTO api_tokens \
        (id, user_id, name, token_hash, created_at, last_used_at, revoked_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7)";
    /// Records from arrays of their columns.
    pub(super) const RESTORE_RECORDS: &str = "INSERT INTO records \
        (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], \
        $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[])";
    /// Change-log entries from arrays of their columns.
    pub(super) const RESTORE_CHANGES: &str = "INSERT INTO changes \
        (revision, collection, record_id, action, actor, at, before, after) \
        SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], \
        $6::text[], $7::text[], $8::text[])";
}

/// One column of an `UNNEST` array parameter.
fn column<'r, T, V>(rows: &'r [T], f: impl Fn(&'r T) -> V) -> Vec<V> {
    rows.iter().map(f).collect()
}

impl PostgresStore {
    /// A read-only transaction that sees one snapshot throughout.
    async fn begin_read(&self) -> Result<Transaction<'static, Postgres>, StoreError> {
        self.pool.begin_with(sql::BEGIN_READ).await.db()
    }

    /// Writes restored records, one statement for the lot.
    async fn restore_records(
        conn: &mut PgConnection,
        rows: &[RestoredRecord],
    ) -> Result<(), StoreError> {
        sqlx::query(sql::RESTORE_RECORDS)
            .bind(column(rows, |r| r.record.collection.as_str()))
            .bind(column(rows, |r| r.record.id.as_str()))
            .bind(column(rows, |r| r.record.kind.as_deref()))
            .bind(column(rows, |r| {
                r.record.country.as_ref().map(|c| c.as_str())
            }))
            .bind(column(rows, |r| r.record.visibility.as_str()))
            .bind(column(rows, |r| r.record.search_text.as_str()))
            .bind(column(rows, |r| r.record.doc.as_str()))
            .bind(column(rows, |r| time_text(r.created_at)))
            .bind(column(rows, |r| time_text(r.updated_at)))
            .bind(column(rows, |r| r.revision))
            .execute(conn)
            .await
            .db()?;
        Ok(())
    }

    /// Writes restored change-log entries with their revisions, one statement for the lot.
    async fn restore_changes(
        conn: &mut PgConnection,
        rows: &[ChangeEntry],
    ) -> Result<(), StoreError> {
        sqlx::query(sql::RESTORE_CHANGES)
            .bind(column(rows, |c| c.revision))
            .bind(column(rows, |c| c.collection.as_str()))
            .bind(column(rows, |c| c.record_id.as_str()))
            .bind(column(rows, |c| c.action.as_str()))
            .bind(column(rows, |c| c.actor.as_str()))
            .bind(column(rows, |c| time_text(c.at)))
            .bind(column(rows, |c| c.before.as_ref().map(|d| d.to_string())))
            .bind(column(rows, |c| c.after.as_ref().map(|d| d.to_string())))
            .execute(conn)
            .await
            .db()?;
        Ok(())
    }
}

crate::backup::impl_backup!(PostgresStore, sql);
