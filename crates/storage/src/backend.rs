//! The `Store` implementation both backends share. Only the SQL text, the
//! pool type and how a write transaction starts differ, so each backend
//! module supplies those and expands this macro.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::StoreError;

/// Timestamps are stored as RFC 3339 text so both databases sort and compare them alike.
pub(crate) fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
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
/// using the statements in module `$sql`.
macro_rules! impl_store {
    ($store:ty, $db:ty, $sql:ident, $name:literal) => {
        impl $store {
            fn record_from_row(
                collection: &str,
                row: &<$db as sqlx::Database>::Row,
            ) -> Result<$crate::StoredRecord, $crate::StoreError> {
                use sqlx::Row;
                let id: String = row.try_get(0)?;
                let doc: String = row.try_get(1)?;
                let created: String = row.try_get(2)?;
                let updated: String = row.try_get(3)?;
                Ok($crate::StoredRecord {
                    doc: $crate::backend::parse_doc(collection, &id, &doc)?,
                    id,
                    created_at: $crate::backend::parse_time(&created),
                    updated_at: $crate::backend::parse_time(&updated),
                    revision: row.try_get(4)?,
                })
            }

            fn change_from_row(
                row: &<$db as sqlx::Database>::Row,
            ) -> Result<$crate::ChangeEntry, $crate::StoreError> {
                use sqlx::Row;
                let collection: String = row.try_get(1)?;
                let record_id: String = row.try_get(2)?;
                let at: String = row.try_get(5)?;
                let doc = |i: usize| -> Result<Option<serde_json::Value>, $crate::StoreError> {
                    let text: Option<String> = row.try_get(i)?;
                    text.map(|t| $crate::backend::parse_doc(&collection, &record_id, &t))
                        .transpose()
                };
                Ok($crate::ChangeEntry {
                    revision: row.try_get(0)?,
                    action: row.try_get(3)?,
                    actor: row.try_get(4)?,
                    at: $crate::backend::parse_time(&at),
                    before: doc(6)?,
                    after: doc(7)?,
                    collection: collection.clone(),
                    record_id: record_id.clone(),
                })
            }
        }

        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn backend(&self) -> &'static str {
                $name
            }

            async fn migrate(&self) -> Result<(), $crate::StoreError> {
                $sql::MIGRATOR.run(&self.pool).await?;
                Ok(())
            }

            async fn ping(&self) -> Result<(), $crate::StoreError> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn get(
                &self,
                collection: &str,
                id: &str,
            ) -> Result<Option<$crate::StoredRecord>, $crate::StoreError> {
                let row = sqlx::query($sql::GET)
                    .bind(collection)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(|r| Self::record_from_row(collection, &r))
                    .transpose()
            }

            async fn list(
                &self,
                collection: &str,
                filter: &$crate::ListFilter,
            ) -> Result<Vec<$crate::StoredRecord>, $crate::StoreError> {
                let rows = sqlx::query($sql::LIST)
                    .bind(collection)
                    .bind(filter.public_only)
                    .bind(filter.kind.as_deref())
                    .bind(filter.country.as_deref())
                    .bind(filter.text.as_deref().map($crate::backend::like_pattern))
                    .bind(filter.after.as_deref())
                    .bind(filter.limit.unwrap_or(i64::MAX))
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| Self::record_from_row(collection, r))
                    .collect()
            }

            async fn apply(
                &self,
                changes: Vec<$crate::Change>,
                actor: &str,
            ) -> Result<$crate::WriteReport, $crate::StoreError> {
                use sqlx::Row;
                let mut tx = self.begin_write().await?;
                let mut report = $crate::WriteReport::default();
                let now = $crate::backend::now_text();
                for change in changes {
                    let (collection, id, expect) = match &change {
                        $crate::Change::Put(r, e) => (r.collection.clone(), r.id.clone(), *e),
                        $crate::Change::Delete {
                            collection,
                            id,
                            expect,
                        } => (collection.clone(), id.clone(), *expect),
                    };
                    let current = sqlx::query($sql::CURRENT)
                        .bind(&collection)
                        .bind(&id)
                        .fetch_optional(&mut *tx)
                        .await?;
                    let current: Option<(String, String, i64)> = match current {
                        Some(row) => Some((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?)),
                        None => None,
                    };
                    match (expect, &current) {
                        ($crate::Expect::Absent, Some(_)) => {
                            return Err($crate::StoreError::AlreadyExists { collection, id });
                        }
                        ($crate::Expect::Revision(_), None) => {
                            return Err($crate::StoreError::NotFound { collection, id });
                        }
                        ($crate::Expect::Revision(expected), Some((_, _, actual)))
                            if expected != *actual =>
                        {
                            return Err($crate::StoreError::Stale {
                                collection,
                                id,
                                expected,
                                actual: *actual,
                            });
                        }
                        _ => {}
                    }
                    let before = current.as_ref().map(|(doc, _, _)| doc.clone());
                    let (action, after) = match &change {
                        $crate::Change::Put(record, _) => {
                            let after =
                                serde_json::to_string(&record.doc).expect("JSON values serialise");
                            let same = current.as_ref().is_some_and(|(doc, visibility, _)| {
                                visibility == &record.visibility
                                    && serde_json::from_str::<serde_json::Value>(doc).ok().as_ref()
                                        == Some(&record.doc)
                            });
                            if same {
                                report.unchanged += 1;
                                report.revisions.push(None);
                                continue;
                            }
                            (
                                if current.is_some() {
                                    "update"
                                } else {
                                    "create"
                                },
                                Some(after),
                            )
                        }
                        $crate::Change::Delete { .. } => {
                            if current.is_none() {
                                return Err($crate::StoreError::NotFound { collection, id });
                            }
                            ("delete", None)
                        }
                    };
                    let revision: i64 = sqlx::query($sql::INSERT_CHANGE)
                        .bind(&collection)
                        .bind(&id)
                        .bind(action)
                        .bind(actor)
                        .bind(&now)
                        .bind(before)
                        .bind(after.clone())
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get(0)?;
                    match change {
                        $crate::Change::Put(record, _) => {
                            sqlx::query($sql::UPSERT)
                                .bind(&record.collection)
                                .bind(&record.id)
                                .bind(record.kind)
                                .bind(record.country)
                                .bind(record.visibility)
                                .bind(record.search_text)
                                .bind(after.expect("a put has a document"))
                                .bind(&now)
                                .bind(revision)
                                .execute(&mut *tx)
                                .await?;
                            if action == "create" {
                                report.created += 1
                            } else {
                                report.updated += 1
                            }
                        }
                        $crate::Change::Delete { .. } => {
                            sqlx::query($sql::DELETE)
                                .bind(&collection)
                                .bind(&id)
                                .execute(&mut *tx)
                                .await?;
                            report.deleted += 1;
                        }
                    }
                    report.revisions.push(Some(revision));
                }
                tx.commit().await?;
                Ok(report)
            }

            async fn revision(&self) -> Result<i64, $crate::StoreError> {
                use sqlx::Row;
                Ok(sqlx::query($sql::REVISION)
                    .fetch_one(&self.pool)
                    .await?
                    .try_get(0)?)
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
                    .await?;
                rows.iter().map(Self::change_from_row).collect()
            }

            async fn history(
                &self,
                collection: &str,
                id: &str,
            ) -> Result<Vec<$crate::ChangeEntry>, $crate::StoreError> {
                let rows = sqlx::query($sql::HISTORY)
                    .bind(collection)
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::change_from_row).collect()
            }

            async fn setting(&self, key: &str) -> Result<Option<String>, $crate::StoreError> {
                use sqlx::Row;
                let row = sqlx::query($sql::GET_SETTING)
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(|r| r.try_get(0)).transpose()?)
            }

            async fn set_setting(&self, key: &str, value: &str) -> Result<(), $crate::StoreError> {
                sqlx::query($sql::SET_SETTING)
                    .bind(key)
                    .bind(value)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn close(&self) {
                self.pool.close().await;
            }
        }
    };
}

pub(crate) use impl_store;
