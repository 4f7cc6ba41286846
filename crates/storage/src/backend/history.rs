//! The [`crate::Store`] methods over the change log: changes since a
//! revision, one record's history, and erasing the documents in it.

/// The change-log methods of [`crate::Store`]: `changes_since`, `history`
/// and `redact_history`.
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

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
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
