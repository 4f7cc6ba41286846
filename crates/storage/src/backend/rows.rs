//! Reading database rows into the store's types: records, change-log
//! entries, accounts and API tokens.

use kizuna_domain::User;

use crate::StoreError;

use super::parse_time;

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

/// Adds to `$store` the functions that read a `$db` row into a record, a
/// change-log entry, an account or a token.
macro_rules! impl_row_readers {
    ($store:ty, $db:ty) => {
        impl $store {
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
                $crate::backend::rows::user_from_parts((
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
    };
}

pub(crate) use impl_row_readers;
