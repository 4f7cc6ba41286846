//! The core's [`StoreError`] cannot implement `From` for the driver's errors
//! (neither type is ours), so every driver call goes through [`Db::db`].

use kizuna_core::StoreError;

/// Turns a driver result into a store result.
pub(crate) trait Db<T> {
    /// The same result with the driver's error wrapped in [`StoreError::Database`].
    fn db(self) -> Result<T, StoreError>;
}

impl<T> Db<T> for Result<T, sqlx::Error> {
    fn db(self) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::Database(Box::new(e)))
    }
}

impl<T> Db<T> for Result<T, sqlx::migrate::MigrateError> {
    fn db(self) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::Database(Box::new(e)))
    }
}

impl<T> Db<T> for Result<T, StoreError> {
    fn db(self) -> Result<T, StoreError> {
        self
    }
}
