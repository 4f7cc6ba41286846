//! The [`crate::Store`] methods about the database as a whole: which
//! backend it is, its schema, whether it answers, deployment settings,
//! backups and closing.

/// The database-wide methods of [`crate::Store`]: backend name, migrations,
/// ping, settings, backups, close.
///
/// Hands them on to [`super::store_methods`], which implements the trait
/// with every module's methods at once.
macro_rules! methods {
    (($store:ty, $db:ty, $sql:ident, $name:literal) [$($methods:tt)*] $($groups:ident)*) => {
        $crate::backend::store_methods! {
            ($store, $db, $sql, $name)
            [
            $($methods)*

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
            ]
            $($groups)*
        }
    };
}

pub(crate) use methods;
