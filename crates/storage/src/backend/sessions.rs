//! The [`crate::Store`] methods for web sessions and the failed sign-ins
//! counted to slow down password guessing.

/// The session and failed-sign-in methods of [`crate::Store`].
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

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
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
