//! The [`crate::Store`] methods for files attached to agreements, kept in
//! the database.

/// The stored-document methods of [`crate::Store`].
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

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
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
