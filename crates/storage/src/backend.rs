//! The `Store` implementation both backends share. Only the SQL text, the
//! pool type and how a write transaction starts differ, so each backend
//! module supplies those and expands this macro.

use chrono::{DateTime, SecondsFormat, Utc};
use kizuna_domain::User;

use crate::StoreError;

/// Timestamps are stored as RFC 3339 text so both databases sort and compare them alike.
pub(crate) fn now_text() -> String {
    time_text(Utc::now())
}

/// A timestamp as stored: UTC, microseconds, `Z` (so text order is time order).
pub(crate) fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// How stale a token's `last_used_at` may get before a use writes it again.
pub(crate) const TOKEN_TOUCH_SECONDS: i64 = 60;

/// The columns of a user row, in the order [`user_from_parts`] takes them.
pub(crate) type UserParts = (i64, String, String, String, bool, String);

/// Reads a stored account; a value the domain refuses makes it corrupt.
pub(crate) fn user_from_parts(
    (id, email, role, units, disabled, created_at): UserParts,
) -> Result<User, StoreError> {
    let corrupt = |source| StoreError::Corrupt {
        collection: "users".to_owned(),
        id: id.to_string(),
        source,
    };
    Ok(User {
        id,
        email: serde_json::from_value(serde_json::Value::String(email)).map_err(corrupt)?,
        role: serde_json::from_value(serde_json::Value::String(role)).map_err(corrupt)?,
        units: serde_json::from_str(&units).map_err(corrupt)?,
        disabled,
        created_at: parse_time(&created_at),
    })
}

/// Whether a statement failed on a unique constraint.
pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// Whether a statement failed on a foreign key.
pub(crate) fn is_foreign_key_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_foreign_key_violation())
}

fn not_found(collection: &str, id: impl ToString) -> StoreError {
    StoreError::NotFound {
        collection: collection.to_owned(),
        id: id.to_string(),
    }
}

/// No account has this id.
pub(crate) fn no_user(id: i64) -> StoreError {
    not_found("users", id)
}

/// No live token has this id.
pub(crate) fn no_token(id: i64) -> StoreError {
    not_found("api_tokens", id)
}

/// Reads a stored timestamp.
pub(crate) fn parse_time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// Reads a stored JSON document.
pub(crate) fn parse_doc(
    collection: &str,
    id: &str,
    text: &str,
) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(text).map_err(|source| StoreError::Corrupt {
        collection: collection.to_owned(),
        id: id.to_owned(),
        source,
    })
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Implements [`crate::Store`] for `$store`, whose `pool` field is a `$db` pool,
/// using the statements in module `$sql`. Record writes start with
/// `begin_write` (which serialises revisions); account, token, session and
/// sign-in writes with `begin_plain`; every write ends with `commit`.
///
/// [`crate::Store::apply`] works through a [`crate::batch::Batch`] with the
/// backend's `current` (the stored records among some ids), `insert_changes`
/// (change-log rows, returning their revisions) and `upsert_records`, each
/// taking up to [`crate::batch::CHUNK`] rows a statement, after `before_apply`.
macro_rules! impl_store {
    ($store:ty, $db:ty, $sql:ident, $name:literal) => {
        impl $store {
            /// Applies the steps of [`crate::Store::apply_stream`] in `tx` until
            /// [`crate::WriteStep::Commit`]; `bulk` tells whether it switched the
            /// connection to bulk-write settings (a step of [`crate::batch::CHUNK`]
            /// changes or more), which the caller switches back.
            async fn apply_steps(
                &self,
                tx: &mut sqlx::Transaction<'static, $db>,
                steps: &mut tokio::sync::mpsc::Receiver<$crate::WriteStep>,
                actor: &str,
                now: &str,
                bulk: &mut bool,
            ) -> Result<$crate::WriteReport, $crate::StoreError> {
                use $crate::batch::{Batch, CHUNK};
                let mut report = $crate::WriteReport::default();
                loop {
                    let changes = match steps.recv().await {
                        Some($crate::WriteStep::Changes(changes)) => changes,
                        Some($crate::WriteStep::Commit) => return Ok(report),
                        // Dropping the transaction rolls every step back.
                        None => return Err($crate::StoreError::Abandoned),
                    };
                    if !*bulk && changes.len() >= CHUNK {
                        Self::bulk_write(tx, true).await.db()?;
                        *bulk = true;
                    }
                    let mut batch = Batch::new(&changes);
                    for (collection, ids) in batch.keys() {
                        for chunk in ids.chunks(CHUNK) {
                            for (id, stored) in Self::current(tx, collection, chunk).await.db()? {
                                batch.found(collection, &id, stored);
                            }
                        }
                    }
                    loop {
                        let done = batch.decide()?;
                        let rows = batch.unwritten();
                        if !rows.is_empty() {
                            let revisions =
                                Self::insert_changes(tx, rows, actor, now).await.db()?;
                            batch.written(revisions)?;
                        }
                        if done {
                            break;
                        }
                    }
                    let outcome = batch.finish();
                    for (collection, id) in outcome.deletes {
                        sqlx::query($sql::DELETE)
                            .bind(collection)
                            .bind(id)
                            .execute(&mut **tx)
                            .await
                            .db()?;
                    }
                    for chunk in outcome.upserts.chunks(CHUNK) {
                        Self::upsert_records(tx, chunk, now).await.db()?;
                    }
                    report.absorb(outcome.report);
                }
            }

            fn record_from_row(
                row: &<$db as sqlx::Database>::Row,
            ) -> Result<$crate::StoredRecord, $crate::StoreError> {
                use sqlx::Row;
                let id: String = row.try_get(0).db()?;
                let doc: String = row.try_get(1).db()?;
                let created: String = row.try_get(2).db()?;
                let updated: String = row.try_get(3).db()?;
                Ok($crate::StoredRecord {
                    doc,
                    id,
                    created_at: $crate::backend::parse_time(&created),
                    updated_at: $crate::backend::parse_time(&updated),
                    revision: row.try_get(4).db()?,
                })
            }

            fn change_from_row(
                row: &<$db as sqlx::Database>::Row,
            ) -> Result<$crate::ChangeEntry, $crate::StoreError> {
                use sqlx::Row;
                let collection: String = row.try_get(1).db()?;
                let record_id: String = row.try_get(2).db()?;
                let action: String = row.try_get(3).db()?;
                let corrupt = |what: String| $crate::StoreError::Corrupt {
                    collection: collection.clone(),
                    id: record_id.clone(),
                    source: <serde_json::Error as serde::de::Error>::custom(what),
                };
                let at: String = row.try_get(5).db()?;
                let doc = |i: usize| -> Result<Option<serde_json::Value>, $crate::StoreError> {
                    let text: Option<String> = row.try_get(i).db()?;
                    text.map(|t| $crate::backend::parse_doc(&collection, &record_id, &t))
                        .transpose()
                };
                Ok($crate::ChangeEntry {
                    revision: row.try_get(0).db()?,
                    action: action
                        .parse()
                        .map_err(|e: kizuna_domain::UnknownValue| corrupt(e.to_string()))?,
                    actor: row.try_get(4).db()?,
                    at: $crate::backend::parse_time(&at),
                    before: doc(6)?,
                    after: doc(7)?,
                    collection: collection
                        .parse()
                        .map_err(|e: kizuna_domain::UnknownValue| corrupt(e.to_string()))?,
                    record_id: record_id.clone(),
                })
            }

            /// Reads the user columns `id, email, role, units, disabled, created_at`.
            fn user_from_row(
                row: &<$db as sqlx::Database>::Row,
            ) -> Result<kizuna_domain::User, $crate::StoreError> {
                use sqlx::Row;
                $crate::backend::user_from_parts((
                    row.try_get(0).db()?,
                    row.try_get(1).db()?,
                    row.try_get(2).db()?,
                    row.try_get(3).db()?,
                    row.try_get(4).db()?,
                    row.try_get(5).db()?,
                ))
            }

            fn token_from_row(
                row: &<$db as sqlx::Database>::Row,
            ) -> Result<$crate::ApiToken, $crate::StoreError> {
                use sqlx::Row;
                let time =
                    |i: usize| -> Result<Option<chrono::DateTime<chrono::Utc>>, sqlx::Error> {
                        let text: Option<String> = row.try_get(i)?;
                        Ok(text.as_deref().map($crate::backend::parse_time))
                    };
                Ok($crate::ApiToken {
                    id: row.try_get(0).db()?,
                    user_id: row.try_get(1).db()?,
                    name: row.try_get(2).db()?,
                    created_at: time(3).db()?.unwrap_or_default(),
                    last_used_at: time(4).db()?,
                    revoked_at: time(5).db()?,
                })
            }
        }

        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn backend(&self) -> &'static str {
                $name
            }

            async fn migrate(&self) -> Result<(), $crate::StoreError> {
                $sql::MIGRATOR.run(&self.pool).await.db()?;
                Ok(())
            }

            async fn ping(&self) -> Result<(), $crate::StoreError> {
                sqlx::query("SELECT 1").execute(&self.pool).await.db()?;
                Ok(())
            }

            async fn get(
                &self,
                collection: kizuna_domain::RecordSet,
                id: &str,
            ) -> Result<Option<$crate::StoredRecord>, $crate::StoreError> {
                let row = sqlx::query($sql::GET)
                    .bind(collection.as_str())
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                row.map(|r| Self::record_from_row(&r)).transpose()
            }

            async fn list(
                &self,
                collection: kizuna_domain::RecordSet,
                filter: &$crate::ListFilter,
            ) -> Result<Vec<$crate::StoredRecord>, $crate::StoreError> {
                let rows = sqlx::query($sql::LIST)
                    .bind(collection.as_str())
                    .bind(filter.public_only)
                    .bind(filter.kind.as_deref())
                    .bind(filter.country.as_ref().map(|c| c.as_str()))
                    .bind(filter.text.as_deref().map($crate::backend::like_pattern))
                    .bind(filter.after.as_deref())
                    .bind(filter.limit.unwrap_or(i64::MAX))
                    .fetch_all(&self.pool)
                    .await
                    .db()?;
                rows.iter().map(|r| Self::record_from_row(r)).collect()
            }

            async fn apply_stream(
                &self,
                mut steps: tokio::sync::mpsc::Receiver<$crate::WriteStep>,
                actor: &str,
            ) -> Result<$crate::WriteReport, $crate::StoreError> {
                use $crate::batch::CHUNK;
                self.before_apply(CHUNK).await;
                let mut tx = self.begin_write().await.db()?;
                let now = $crate::backend::now_text();
                let mut bulk = false;
                let written = self
                    .apply_steps(&mut tx, &mut steps, actor, &now, &mut bulk)
                    .await;
                // A bulk write's settings end with it, whether it commits or not:
                // the connection goes back to the pool either way.
                if bulk {
                    Self::bulk_write(&mut tx, false).await.db()?;
                }
                let report = written?;
                self.commit(tx).await.db()?;
                Ok(report)
            }

            async fn revision(&self) -> Result<i64, $crate::StoreError> {
                use sqlx::Row;
                Ok(sqlx::query($sql::REVISION)
                    .fetch_one(&self.pool)
                    .await
                    .db()?
                    .try_get(0)
                    .db()?)
            }

            async fn changes_since(
                &self,
                after: i64,
                limit: i64,
            ) -> Result<Vec<$crate::ChangeEntry>, $crate::StoreError> {
                let rows = sqlx::query($sql::CHANGES_SINCE)
                    .bind(after)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await
                    .db()?;
                rows.iter().map(Self::change_from_row).collect()
            }

            async fn history(
                &self,
                collection: kizuna_domain::RecordSet,
                id: &str,
            ) -> Result<Vec<$crate::ChangeEntry>, $crate::StoreError> {
                let rows = sqlx::query($sql::HISTORY)
                    .bind(collection.as_str())
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await
                    .db()?;
                rows.iter().map(Self::change_from_row).collect()
            }

            async fn redact_history(
                &self,
                collection: kizuna_domain::RecordSet,
                id: &str,
            ) -> Result<u64, $crate::StoreError> {
                let marker = $crate::erased_marker().to_string();
                let mut tx = self.begin_plain().await.db()?;
                let done = sqlx::query($sql::REDACT_HISTORY)
                    .bind(collection.as_str())
                    .bind(id)
                    .bind(marker)
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(done.rows_affected())
            }

            async fn setting(&self, key: &str) -> Result<Option<String>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query($sql::GET_SETTING)
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                Ok(row.map(|r| r.try_get(0)).transpose().db()?)
            }

            async fn set_setting(&self, key: &str, value: &str) -> Result<(), $crate::StoreError> {
                sqlx::query($sql::SET_SETTING)
                    .bind(key)
                    .bind(value)
                    .execute(&self.pool)
                    .await
                    .db()?;
                Ok(())
            }

            async fn create_user(
                &self,
                email: &kizuna_domain::Email,
                password_hash: &str,
                role: kizuna_domain::Role,
                units: &[kizuna_domain::Slug],
            ) -> Result<kizuna_domain::User, $crate::StoreError> {
                let units = serde_json::to_string(units).expect("slugs serialise");
                let mut tx = self.begin_plain().await.db()?;
                let row = sqlx::query($sql::INSERT_USER)
                    .bind(email.as_str())
                    .bind(password_hash)
                    .bind(role.as_str())
                    .bind(units)
                    .bind($crate::backend::now_text())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        if $crate::backend::is_unique_violation(&e) {
                            $crate::StoreError::AlreadyExists {
                                collection: "users".to_owned(),
                                id: email.to_string(),
                            }
                        } else {
                            $crate::StoreError::Database(Box::new(e))
                        }
                    })?;
                let user = Self::user_from_row(&row)?;
                self.commit(tx).await.db()?;
                Ok(user)
            }

            async fn get_user(
                &self,
                id: i64,
            ) -> Result<Option<kizuna_domain::User>, $crate::StoreError> {
                let row = sqlx::query($sql::GET_USER)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                row.map(|r| Self::user_from_row(&r)).transpose()
            }

            async fn get_user_by_email(
                &self,
                email: &kizuna_domain::Email,
            ) -> Result<Option<$crate::UserAccount>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query($sql::GET_USER_BY_EMAIL)
                    .bind(email.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                row.map(|r| {
                    Ok($crate::UserAccount {
                        user: Self::user_from_row(&r)?,
                        password_hash: r.try_get(6).db()?,
                    })
                })
                .transpose()
            }

            async fn list_users(&self) -> Result<Vec<kizuna_domain::User>, $crate::StoreError> {
                let rows = sqlx::query($sql::LIST_USERS)
                    .fetch_all(&self.pool)
                    .await
                    .db()?;
                rows.iter().map(Self::user_from_row).collect()
            }

            async fn set_password_hash(
                &self,
                user_id: i64,
                password_hash: &str,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let done = sqlx::query($sql::SET_PASSWORD_HASH)
                    .bind(user_id)
                    .bind(password_hash)
                    .bind($crate::backend::now_text())
                    .execute(&mut *tx)
                    .await
                    .db()?;
                if done.rows_affected() == 0 {
                    return Err($crate::backend::no_user(user_id));
                }
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn update_user(
                &self,
                user_id: i64,
                patch: &$crate::UserPatch,
            ) -> Result<kizuna_domain::User, $crate::StoreError> {
                let units = patch
                    .units
                    .as_ref()
                    .map(|u| serde_json::to_string(u).expect("slugs serialise"));
                let mut tx = self.begin_plain().await.db()?;
                let row = sqlx::query($sql::UPDATE_USER)
                    .bind(user_id)
                    .bind(patch.role.map(|r| r.as_str()))
                    .bind(units)
                    .bind(patch.disabled)
                    .bind($crate::backend::now_text())
                    .fetch_optional(&mut *tx)
                    .await
                    .db()?;
                let user = match row {
                    Some(row) => Self::user_from_row(&row)?,
                    None => return Err($crate::backend::no_user(user_id)),
                };
                self.commit(tx).await.db()?;
                Ok(user)
            }

            async fn user_by_identity(
                &self,
                identity: &str,
            ) -> Result<Option<kizuna_domain::User>, $crate::StoreError> {
                let row = sqlx::query($sql::USER_BY_IDENTITY)
                    .bind(identity)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                row.map(|r| Self::user_from_row(&r)).transpose()
            }

            async fn link_identity(
                &self,
                user_id: i64,
                identity: &str,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let exists = sqlx::query($sql::GET_USER)
                    .bind(user_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .db()?;
                if exists.is_none() {
                    return Err($crate::backend::no_user(user_id));
                }
                let done = sqlx::query($sql::LINK_IDENTITY)
                    .bind(user_id)
                    .bind(identity)
                    .bind($crate::backend::now_text())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        if $crate::backend::is_unique_violation(&e) {
                            $crate::StoreError::AlreadyExists {
                                collection: "users".to_owned(),
                                id: identity.to_owned(),
                            }
                        } else {
                            $crate::StoreError::Database(Box::new(e))
                        }
                    })?;
                self.commit(tx).await.db()?;
                Ok(done.rows_affected() == 1)
            }

            async fn create_token(
                &self,
                user_id: i64,
                name: &str,
                token_hash: &str,
            ) -> Result<i64, $crate::StoreError> {
                use sqlx::Row;
                let mut tx = self.begin_plain().await.db()?;
                let exists = sqlx::query($sql::GET_USER)
                    .bind(user_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .db()?;
                if exists.is_none() {
                    return Err($crate::backend::no_user(user_id));
                }
                let row = sqlx::query($sql::INSERT_TOKEN)
                    .bind(user_id)
                    .bind(name)
                    .bind(token_hash)
                    .bind($crate::backend::now_text())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        if $crate::backend::is_unique_violation(&e) {
                            $crate::StoreError::AlreadyExists {
                                collection: "api_tokens".to_owned(),
                                id: name.to_owned(),
                            }
                        } else if $crate::backend::is_foreign_key_violation(&e) {
                            $crate::backend::no_user(user_id)
                        } else {
                            $crate::StoreError::Database(Box::new(e))
                        }
                    })?;
                let id: i64 = row.try_get(0).db()?;
                self.commit(tx).await.db()?;
                Ok(id)
            }

            async fn user_by_token_hash(
                &self,
                token_hash: &str,
            ) -> Result<Option<kizuna_domain::User>, $crate::StoreError> {
                use sqlx::Row;
                let Some(row) = sqlx::query($sql::TOKEN_USER)
                    .bind(token_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?
                else {
                    return Ok(None);
                };
                let user = Self::user_from_row(&row)?;
                let token_id: i64 = row.try_get(6).db()?;
                let last_used: Option<String> = row.try_get(7).db()?;
                let now = chrono::Utc::now();
                // Written at most once a minute, so reading with a token stays a read.
                let stale = last_used.as_deref().is_none_or(|t| {
                    (now - $crate::backend::parse_time(t)).num_seconds()
                        >= $crate::backend::TOKEN_TOUCH_SECONDS
                });
                if stale {
                    let mut tx = self.begin_plain().await.db()?;
                    sqlx::query($sql::TOUCH_TOKEN)
                        .bind(token_id)
                        .bind($crate::backend::time_text(now))
                        .execute(&mut *tx)
                        .await
                        .db()?;
                    self.commit(tx).await.db()?;
                }
                Ok(Some(user))
            }

            async fn revoke_token(
                &self,
                user_id: i64,
                token_id: i64,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let done = sqlx::query($sql::REVOKE_TOKEN)
                    .bind(user_id)
                    .bind(token_id)
                    .bind($crate::backend::now_text())
                    .execute(&mut *tx)
                    .await
                    .db()?;
                if done.rows_affected() == 0 {
                    return Err($crate::backend::no_token(token_id));
                }
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn list_tokens(
                &self,
                user_id: i64,
            ) -> Result<Vec<$crate::ApiToken>, $crate::StoreError> {
                let rows = sqlx::query($sql::LIST_TOKENS)
                    .bind(user_id)
                    .fetch_all(&self.pool)
                    .await
                    .db()?;
                rows.iter().map(Self::token_from_row).collect()
            }

            async fn session_load(&self, id: &str) -> Result<Option<String>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query($sql::SESSION_LOAD)
                    .bind(id)
                    .bind($crate::backend::now_text())
                    .fetch_optional(&self.pool)
                    .await
                    .db()?;
                Ok(row.map(|r| r.try_get(0)).transpose().db()?)
            }

            async fn session_save(
                &self,
                id: &str,
                data: &str,
                expires_at: chrono::DateTime<chrono::Utc>,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                sqlx::query($sql::SESSION_SAVE)
                    .bind(id)
                    .bind(data)
                    .bind($crate::backend::time_text(expires_at))
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn session_delete(&self, id: &str) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                sqlx::query($sql::SESSION_DELETE)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn session_delete_expired(&self) -> Result<u64, $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let done = sqlx::query($sql::SESSION_DELETE_EXPIRED)
                    .bind($crate::backend::now_text())
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(done.rows_affected())
            }

            async fn record_login_failure(
                &self,
                key: &str,
                at: chrono::DateTime<chrono::Utc>,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                sqlx::query($sql::INSERT_LOGIN_FAILURE)
                    .bind(key)
                    .bind($crate::backend::time_text(at))
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn count_login_failures(
                &self,
                key: &str,
                since: chrono::DateTime<chrono::Utc>,
            ) -> Result<i64, $crate::StoreError> {
                use sqlx::Row;
                Ok(sqlx::query($sql::COUNT_LOGIN_FAILURES)
                    .bind(key)
                    .bind($crate::backend::time_text(since))
                    .fetch_one(&self.pool)
                    .await
                    .db()?
                    .try_get(0)
                    .db()?)
            }

            async fn clear_login_failures(&self, key: &str) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                sqlx::query($sql::CLEAR_LOGIN_FAILURES)
                    .bind(key)
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn prune_login_failures(
                &self,
                before: chrono::DateTime<chrono::Utc>,
            ) -> Result<u64, $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let done = sqlx::query($sql::PRUNE_LOGIN_FAILURES)
                    .bind($crate::backend::time_text(before))
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(done.rows_affected())
            }

            async fn put_document(
                &self,
                document: &$crate::StoredDocument,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                sqlx::query($sql::PUT_DOCUMENT)
                    .bind(&document.id)
                    .bind(&document.agreement_id)
                    .bind(&document.name)
                    .bind(&document.content_type)
                    .bind(document.size)
                    .bind(&document.data)
                    .bind(&document.uploaded_by)
                    .bind($crate::backend::time_text(document.uploaded_at))
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        if $crate::backend::is_unique_violation(&e) {
                            $crate::StoreError::AlreadyExists {
                                collection: "documents".to_owned(),
                                id: document.id.clone(),
                            }
                        } else {
                            $crate::StoreError::Database(Box::new(e))
                        }
                    })?;
                self.commit(tx).await.db()?;
                Ok(())
            }

            async fn get_document(
                &self,
                id: &str,
            ) -> Result<Option<$crate::StoredDocument>, $crate::StoreError> {
                use sqlx::Row;
                let Some(row) = sqlx::query($sql::GET_DOCUMENT)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .db()?
                else {
                    return Ok(None);
                };
                let uploaded_at: String = row.try_get(7).db()?;
                Ok(Some($crate::StoredDocument {
                    id: row.try_get(0).db()?,
                    agreement_id: row.try_get(1).db()?,
                    name: row.try_get(2).db()?,
                    content_type: row.try_get(3).db()?,
                    size: row.try_get(4).db()?,
                    data: row.try_get(5).db()?,
                    uploaded_by: row.try_get(6).db()?,
                    uploaded_at: $crate::backend::parse_time(&uploaded_at),
                }))
            }

            async fn delete_document(&self, id: &str) -> Result<bool, $crate::StoreError> {
                let mut tx = self.begin_plain().await.db()?;
                let done = sqlx::query($sql::DELETE_DOCUMENT)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .db()?;
                self.commit(tx).await.db()?;
                Ok(done.rows_affected() > 0)
            }

            async fn dump_backup(
                &self,
                out: tokio::sync::mpsc::Sender<$crate::DumpItem>,
            ) -> Result<$crate::BackupCounts, $crate::StoreError> {
                self.dump_all(out).await
            }

            async fn restore_backup(
                &self,
                steps: tokio::sync::mpsc::Receiver<$crate::RestoreStep>,
                replace: bool,
            ) -> Result<$crate::BackupCounts, $crate::StoreError> {
                self.restore_all(steps, replace).await
            }

            async fn close(&self) {
                self.pool.close().await;
            }
        }
    };
}

pub(crate) use impl_store;
