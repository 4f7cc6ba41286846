//! The [`crate::Store`] methods that read records: one by id, a filtered
//! list, the newest revision.

/// The record reads of [`crate::Store`]: `get`, `list` and `revision`.
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

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

            async fn revision(&self) -> Result<i64, $crate::StoreError> {
                use sqlx::Row;
                Ok(sqlx::query($sql::REVISION)
                    .fetch_one(&self.pool)
                    .await
                    .db()?
                    .try_get(0)
                    .db()?)
            }
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
