//! Fresh databases for tests: a new SQLite file, or a new PostgreSQL
//! database on the server `KIZUNA_TEST_POSTGRES_URL` names.

use std::sync::Arc;

use sqlx::Connection;

use crate::{Store, StoreError, connect};

/// The variable that names the PostgreSQL server tests may create databases on.
pub const POSTGRES_ENV: &str = "KIZUNA_TEST_POSTGRES_URL";

/// URL of a new, empty SQLite file in the temporary folder.
pub fn fresh_sqlite_url() -> String {
    let path =
        std::env::temp_dir().join(format!("kizuna-test-{}.db", uuid::Uuid::new_v4().simple()));
    format!("sqlite://{}", path.display())
}

/// URL of a new, empty PostgreSQL database, or `None` when no server is configured.
///
/// In CI (`CI` set) a missing server is an error, never a skipped test.
pub async fn fresh_postgres_url() -> Option<String> {
    let Ok(server) = std::env::var(POSTGRES_ENV) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{POSTGRES_ENV} must be set in CI"
        );
        eprintln!("{POSTGRES_ENV} is not set: PostgreSQL tests are skipped on this machine");
        return None;
    };
    let name = format!("kizuna_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .expect("the test PostgreSQL server answers");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("a test database can be created");
    admin.close().await.ok();
    let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
    Some(format!("{base}/{name}"))
}

/// A migrated store on a fresh SQLite file.
pub async fn fresh_sqlite() -> Result<Arc<dyn Store>, StoreError> {
    connect(&fresh_sqlite_url()).await
}

/// A migrated store on a fresh PostgreSQL database, if a server is configured.
pub async fn fresh_postgres() -> Option<Result<Arc<dyn Store>, StoreError>> {
    Some(connect(&fresh_postgres_url().await?).await)
}
