//! The [`crate::Store`] methods for API tokens: creating, authenticating
//! with, revoking and listing them.

/// The API-token methods of [`crate::Store`].
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

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
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
