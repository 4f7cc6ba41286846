//! Backups on SQLite: see [`crate::backup`].

use sqlx::{Sqlite, SqliteConnection, Transaction};

use super::SqliteStore;
use crate::backend::time_text;
use crate::{ChangeEntry, Db, RestoredRecord, StoreError};

/// The statements of backups and restores.
mod sql {
    pub(super) use super::super::sql::{
        CHANGES_SINCE, GET_DOCUMENT, LIST, PUT_DOCUMENT, SET_SETTING,
    };

    pub(super) const SETTINGS: &str = "SELECT key, value FROM settings ORDER BY key";
    pub(super) const USERS: &str = "SELECT id, email, role, units, disabled, created_at, password_hash \
        FROM users ORDER BY id";
    pub(super) const TOKENS: &str = "SELECT id, user_id, name, created_at, last_used_at, revoked_at, token_hash \
        FROM api_tokens ORDER BY id";
    pub(super) const DOCUMENT_IDS: &str = "SELECT id FROM documents ORDER BY id";
    /// Empties every table; the counters of ids and revisions start over, and
    /// restored rows (which keep their ids) move them on.
    pub(super) const WIPE: &[&str] = &[
        "DELETE FROM api_tokens",
        "DELETE FROM sessions",
        "DELETE FROM login_attempts",
        "DELETE FROM users",
        "DELETE FROM documents",
        "DELETE FROM records",
        "DELETE FROM changes",
        "DELETE FROM settings",
        "DELETE FROM sqlite_sequence WHERE name IN ('changes', 'users', 'api_tokens')",
    ];
    /// Nothing: SQLite's counters follow the ids inserted.
    pub(super) const AFTER_RESTORE: &[&str] = &[];
    pub(super) const RESTORE_USER: &str = "INSERT INTO users \
        (id, email, password_hash, role, units, disabled, created_at, updated_at) \
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
    pub(super) const RESTORE_TOKEN: &str = "INSERT INTO api_tokens \
        (id, user_id, name, token_hash, created_at, last_used_at, revoked_at) \
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    /// Records from a JSON array of `[collection, id, kind, country,
    /// visibility, search_text, doc, created_at, updated_at, revision]`.
    pub(super) const RESTORE_RECORDS: &str = "INSERT INTO records \
        (collection, id, kind, country, visibility, search_text, doc, created_at, updated_at, revision) \
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, \
        value ->> 6, value ->> 7, value ->> 8, value ->> 9 FROM json_each(?1)";
    /// Change-log entries from a JSON array of `[revision, collection,
    /// record_id, action, actor, at, before, after]`.
    pub(super) const RESTORE_CHANGES: &str = "INSERT INTO changes \
        (revision, collection, record_id, action, actor, at, before, after) \
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, \
        value ->> 6, value ->> 7 FROM json_each(?1)";
}

impl SqliteStore {
    /// A read transaction: WAL mode gives it one snapshot from its first read on.
    async fn begin_read(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        self.pool.begin().await.db()
    }

    /// Writes restored records, one statement for the lot.
    async fn restore_records(
        conn: &mut SqliteConnection,
        rows: &[RestoredRecord],
    ) -> Result<(), StoreError> {
        let rows: Vec<_> = rows
            .iter()
            .map(|row| {
                let r = &row.record;
                let columns = (r.kind.as_deref(), r.country.as_ref().map(|c| c.as_str()));
                (
                    r.collection.as_str(),
                    &r.id,
                    columns.0,
                    columns.1,
                    r.visibility.as_str(),
                    &r.search_text,
                    &r.doc,
                    time_text(row.created_at),
                    time_text(row.updated_at),
                    row.revision,
                )
            })
            .collect();
        sqlx::query(sql::RESTORE_RECORDS)
            .bind(serde_json::to_string(&rows).expect("rows serialise"))
            .execute(conn)
            .await
            .db()?;
        Ok(())
    }

    /// Writes restored change-log entries with their revisions, one statement for the lot.
    async fn restore_changes(
        conn: &mut SqliteConnection,
        rows: &[ChangeEntry],
    ) -> Result<(), StoreError> {
        let rows: Vec<_> = rows
            .iter()
            .map(|c| {
                (
                    c.revision,
                    c.collection.as_str(),
                    &c.record_id,
                    c.action.as_str(),
                    &c.actor,
                    time_text(c.at),
                    c.before.as_ref().map(|d| d.to_string()),
                    c.after.as_ref().map(|d| d.to_string()),
                )
            })
            .collect();
        sqlx::query(sql::RESTORE_CHANGES)
            .bind(serde_json::to_string(&rows).expect("rows serialise"))
            .execute(conn)
            .await
            .db()?;
        Ok(())
    }
}

crate::backup::impl_backup!(SqliteStore, sql);
